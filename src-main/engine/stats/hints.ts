// Plain-language reading of the diagnostics for people choosing a forecasting model.
import type { AdfResult } from './adf';
import type { KpssResult } from './kpss';
import type { LjungBoxResult } from './ljungBox';
import { formatP } from './format';

export interface DiagnosticsForHints {
  /** ACF values from lag 0. */
  acf?: readonly number[];
  /** PACF values from lag 0. */
  pacf?: readonly number[];
  /** White-noise half-width z/√n used to judge ACF/PACF spikes. */
  band?: number;
  adf?: Pick<AdfResult, 'pValue'> | null;
  kpss?: Pick<KpssResult, 'pValue' | 'pValueClipped'> | null;
  ljungBox?: Pick<LjungBoxResult, 'pValue' | 'lags'> | null;
  /** Known seasonal period (e.g. 12 for monthly); otherwise one is looked for in the ACF. */
  seasonalPeriod?: number;
}

const f2 = (v: number): string => v.toFixed(2);

function slowDecayHint(acf: readonly number[]): string | null {
  const lag = Math.min(10, acf.length - 1);
  const r1 = acf[1];
  const rl = acf[lag];
  if (r1 === undefined || rl === undefined || lag < 2) return null;
  if (r1 > 0.9 && rl > 0.5) {
    return `The ACF decays slowly (r1 = ${f2(r1)}, still ${f2(rl)} at lag ${lag}): the series has a trend or a unit root; consider differencing it before modelling.`;
  }
  return null;
}

/** Lag of the highest significant local ACF peak at lag ≥ 2 (a candidate season), or null. */
function seasonalPeak(acf: readonly number[], band: number, period?: number): number | null {
  const isPeak = (l: number): boolean => {
    const v = acf[l];
    const before = acf[l - 1];
    const after = acf[l + 1];
    return (
      v !== undefined &&
      v > band &&
      before !== undefined &&
      v >= before &&
      (after === undefined || v >= after)
    );
  };
  if (period !== undefined) return period < acf.length && (acf[period] ?? 0) > band ? period : null;
  let best: number | null = null;
  for (let l = 2; l < acf.length - 1; l++) {
    // A real season shows a trough between lag 0 and the peak, not just a slow decay.
    const trough = Math.min(...acf.slice(1, l));
    if (
      isPeak(l) &&
      (acf[l] as number) - trough > band &&
      (best === null || (acf[l] as number) > (acf[best] as number))
    )
      best = l;
  }
  return best;
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

function stationarityHint(
  adf: DiagnosticsForHints['adf'],
  kpss: DiagnosticsForHints['kpss'],
): string | null {
  if (!adf || !kpss) return null;
  const adfStationary = adf.pValue < 0.05;
  const kpssStationary = !(kpss.pValue < 0.05 || kpss.pValueClipped === 'below');
  if (adfStationary && kpssStationary) {
    return 'ADF and KPSS agree: the series looks stationary, so it can be modelled in levels.';
  }
  if (!adfStationary && !kpssStationary) {
    return 'ADF and KPSS agree: the series looks non-stationary; difference it (or model the changes) before fitting.';
  }
  if (adfStationary) {
    return 'ADF rejects a unit root but KPSS rejects level stationarity: the series may be stationary around a trend or have a structural break; consider detrending.';
  }
  return 'Neither ADF nor KPSS rejects its null: the data cannot tell stationarity from a unit root (often a short or near-boundary series); treat the conclusion as uncertain.';
}

export function interpretDiagnostics(d: DiagnosticsForHints): string[] {
  const hints: string[] = [];
  const slow = d.acf ? slowDecayHint(d.acf) : null;
  if (slow) hints.push(slow);
  if (d.acf && d.band !== undefined) {
    const season = seasonalPeak(d.acf, d.band, d.seasonalPeriod);
    if (season !== null) {
      hints.push(
        `The ACF spikes at lag ${season} (r = ${f2(d.acf[season] as number)}): seasonality with period ${season}; consider seasonal differencing or an STL decomposition.`,
      );
    }
  }
  if (d.pacf && d.band !== undefined && !slow) {
    const p = pacfCutoff(d.pacf, d.band);
    if (p !== null)
      hints.push(`The PACF cuts off after lag ${p}: the series behaves like an AR(${p}) process.`);
  }
  if (d.ljungBox && !Number.isNaN(d.ljungBox.pValue)) {
    hints.push(
      d.ljungBox.pValue < 0.05
        ? `Ljung-Box finds significant autocorrelation up to lag ${d.ljungBox.lags} (p = ${formatP(d.ljungBox.pValue)}): past values carry information a model can use.`
        : `Ljung-Box finds no significant autocorrelation up to lag ${d.ljungBox.lags} (p = ${formatP(d.ljungBox.pValue)}): little temporal dependence, so an LSTM may not beat forecasting the mean.`,
    );
  }
  const st = stationarityHint(d.adf, d.kpss);
  if (st) hints.push(st);
  return hints;
}
