// Plain-language reading of the diagnostics for people choosing a forecasting model. Seasonality,
// stationarity and the suggested transforms come from the same rules as the Model tab's defaults
// (./seriesRules), so a hint never advises what the defaults contradict.
import type { AdfResult } from './adf';
import type { KpssResult } from './kpss';
import type { LjungBoxResult } from './ljungBox';
import { formatP } from './format';

/** "p = 0.42" or "p < 1e-300". */
const pIs = (p: number): string => {
  const text = formatP(p);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
};
import {
  seriesRules,
  stationarityVerdict,
  stepsInWords,
  type SeasonalityOfChanges,
  type StationarityVerdict,
} from './seriesRules';

export interface DiagnosticsForHints {
  /** The series the diagnostics describe (complete); needed for the seasonality and transform hints. */
  series?: Float64Array;
  /** ACF values from lag 0. */
  acf?: readonly number[];
  /** PACF values from lag 0. */
  pacf?: readonly number[];
  /** White-noise half-width z/√n used to judge PACF spikes. */
  band?: number;
  adf?: Pick<AdfResult, 'pValue'> | null;
  kpss?: Pick<KpssResult, 'pValue' | 'pValueClipped'> | null;
  ljungBox?: Pick<LjungBoxResult, 'pValue' | 'lags'> | null;
  /** The dataset's seasonal period (12 monthly, 4 quarterly, 1 annual); seasonality is never claimed for 1. */
  seasonalPeriod?: number;
}

const f2 = (v: number): string => v.toFixed(2);

function slowDecayHint(acf: readonly number[]): string | null {
  const lag = Math.min(10, acf.length - 1);
  const r1 = acf[1];
  const rl = acf[lag];
  if (r1 === undefined || rl === undefined || lag < 2) return null;
  if (r1 > 0.9 && rl > 0.5) {
    return `The ACF decays slowly (r1 = ${f2(r1)}, still ${f2(rl)} at lag ${lag}): a trend, a unit root or strong persistence; the tests below tell them apart.`;
  }
  return null;
}

function seasonalityHint(t: SeasonalityOfChanges): string {
  const m = t.period;
  const changes = t.ofLog ? 'the changes of the log' : 'the period-to-period changes';
  if (t.skipped === 'constant series')
    return `No seasonality with period ${m}: ${changes} are constant (a straight-line trend).`;
  if (t.skipped !== null) return `Seasonality with period ${m} not tested: ${t.skipped}.`;
  const r = `r${m} = ${f2(t.rm)}`;
  const threshold = `the 90% threshold of ${f2(t.threshold)}`;
  if (t.noPeak)
    return `No seasonality with period ${m}: in ${changes} ${r} passes ${threshold} but is no peak (r${m - 1} = ${f2(t.neighbours[0])}, r${m + 1} = ${f2(t.neighbours[1])}), which is slow decay rather than a season.`;
  if (!t.seasonal)
    return `No seasonality with period ${m}: the seasonality test on ${changes} finds ${r}, within ${threshold}.`;
  const sure =
    Math.abs(t.rm) >= 1.5 * t.threshold
      ? 'clear evidence'
      : 'borderline evidence: about one non-seasonal series in ten passes this test, so check the STL view';
  return `Seasonality with period ${m}: the seasonality test on ${changes} finds ${r}, above ${threshold} (${sure}).`;
}

function pacfCutoff(pacf: readonly number[], band: number): number | null {
  const maxLag = pacf.length - 1;
  // "Cut-off after p": lags 1..p significant, then the next 5 lags inside the band.
  let p = 0;
  while (p + 1 <= maxLag && Math.abs(pacf[p + 1] as number) > band) p++;
  if (p === 0 || p > 5 || maxLag - p < 5) return null;
  for (let l = p + 1; l <= Math.min(maxLag, p + 5); l++)
    if (Math.abs(pacf[l] as number) > band) return null;
  return p;
}

const STATIONARITY_TEXT: Record<StationarityVerdict, string> = {
  stationary: 'ADF and KPSS agree: the series looks stationary, so it can be modelled in levels.',
  'unit-root':
    'ADF and KPSS agree: the series looks non-stationary (it wanders like a unit-root process).',
  'trend-or-break':
    'ADF rejects a unit root but KPSS rejects level stationarity: the series may be stationary around a trend or have a structural break.',
  uncertain:
    'Neither ADF nor KPSS rejects its null: the data cannot tell stationarity from a unit root (often a short or near-boundary series); treat the conclusion as uncertain.',
};

export function interpretDiagnostics(d: DiagnosticsForHints): string[] {
  const hints: string[] = [];
  const slow = d.acf ? slowDecayHint(d.acf) : null;
  if (slow) hints.push(slow);
  const m = Math.floor(d.seasonalPeriod ?? 1);
  const tests = { adf: d.adf ?? null, kpss: d.kpss ?? null };
  const rules = d.series ? seriesRules(d.series, m, tests) : null;
  if (rules?.seasonality) hints.push(seasonalityHint(rules.seasonality));
  if (d.pacf && d.band !== undefined && !slow) {
    const p = pacfCutoff(d.pacf, d.band);
    if (p !== null)
      hints.push(`The PACF cuts off after lag ${p}: the series behaves like an AR(${p}) process.`);
  }
  if (d.ljungBox && !Number.isNaN(d.ljungBox.pValue)) {
    hints.push(
      d.ljungBox.pValue < 0.05
        ? `Ljung-Box finds significant autocorrelation up to lag ${d.ljungBox.lags} (${pIs(d.ljungBox.pValue)}): past values carry information a model can use.`
        : `Ljung-Box finds no significant autocorrelation up to lag ${d.ljungBox.lags} (${pIs(d.ljungBox.pValue)}): little temporal dependence, so an LSTM may not beat forecasting the mean.`,
    );
  }
  const verdict = stationarityVerdict(tests);
  if (verdict) hints.push(STATIONARITY_TEXT[verdict]);
  if (rules)
    hints.push(
      `Suggested transforms, the Model tab's defaults: ${stepsInWords(rules.steps)}. Why: ${rules.reasons.join('; ')}.`,
    );
  return hints;
}
