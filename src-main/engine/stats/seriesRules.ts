// The one set of rules behind the Explore hints, the Model tab's default transforms and its
// "Reset to defaults" (model:defaults) and the CLI's suggested transforms. They are decided on the
// whole series the analyst sees in Explore, so the hints and the defaults always agree (fitted
// parameters, such as scalers and an estimated Box-Cox λ, still see the training part only):
// - stationarity: ADF (unit-root null) and KPSS (level-stationarity null) at 5%; both calling the
//   series stationary means no transform at all;
// - log: every value positive and the level at least doubles;
// - seasonality: the M-competition seasonality test (90%, engine/forecasting/seasonality) on the
//   first differences (of the log when logged), so a trend does not read as a season, and r_m must
//   be a local ACF peak, so slow decay (persistence) does not either; never asked for m = 1;
// - a seasonal difference when seasonal; then a first difference when the (seasonally differenced)
//   series is still not stationary.
import { seasonalityTest, type SeasonalityTest } from '../forecasting/seasonality';
import { transformLabel } from '../../shared/transformLabels';
import type { TransformStep } from '../transforms';
import { acf } from './acf';
import { adfTest } from './adf';
import { kpssTest } from './kpss';

export interface StationarityTests {
  adf: { pValue: number } | null;
  kpss: { pValue: number; pValueClipped: 'below' | 'above' | null } | null;
}

export type StationarityVerdict = 'stationary' | 'unit-root' | 'trend-or-break' | 'uncertain';

export interface SeasonalityOfChanges extends SeasonalityTest {
  /** Whether the test ran on the changes of the log. */
  ofLog: boolean;
  /** The ACF of the changes at lags m − 1 and m + 1 (NaN when not computed). */
  neighbours: [number, number];
  /** The test passed but r_m is no local peak (slow decay rather than a season). */
  noPeak: boolean;
}

export interface SeriesRules {
  /** The seasonality test on the first differences, or null for m ≤ 1 (never asked). */
  seasonality: SeasonalityOfChanges | null;
  /** ADF and KPSS read together, or null when either could not run. */
  stationarity: StationarityVerdict | null;
  steps: TransformStep[];
  reasons: string[];
}

/** Fewer values than this and no transform is suggested. */
export const RULES_MIN_N = 24;

function diff(x: Float64Array, lag: number): Float64Array {
  const out = new Float64Array(Math.max(0, x.length - lag));
  for (let i = lag; i < x.length; i++) out[i - lag] = (x[i] as number) - (x[i - lag] as number);
  return out;
}

function tryTests(y: Float64Array): StationarityTests {
  let adf: StationarityTests['adf'] = null;
  let kpss: StationarityTests['kpss'] = null;
  try {
    adf = adfTest(y);
  } catch {
    adf = null;
  }
  try {
    kpss = kpssTest(y);
  } catch {
    kpss = null;
  }
  return { adf, kpss };
}

export function stationarityVerdict(t: StationarityTests): StationarityVerdict | null {
  if (!t.adf || !t.kpss || Number.isNaN(t.adf.pValue) || Number.isNaN(t.kpss.pValue)) return null;
  const adfStationary = t.adf.pValue < 0.05;
  const kpssStationary = !(t.kpss.pValue < 0.05 || t.kpss.pValueClipped === 'below');
  if (adfStationary && kpssStationary) return 'stationary';
  if (!adfStationary && !kpssStationary) return 'unit-root';
  return adfStationary ? 'trend-or-break' : 'uncertain';
}

/** The seasonality test on the first differences of x, with the peak check (null for m ≤ 1). */
export function seasonalityOfChanges(
  x: Float64Array,
  m: number,
  ofLog = false,
): SeasonalityOfChanges | null {
  const period = Math.floor(m);
  if (!(period > 1) || x.length < 2) return null;
  const changes = diff(x, 1);
  const test = seasonalityTest(changes, period);
  if (!test.seasonal) return { ...test, ofLog, neighbours: [NaN, NaN], noPeak: false };
  const r = acf(changes, Math.min(period + 1, changes.length - 1));
  const before = r[period - 1] ?? -Infinity;
  const after = r[period + 1] ?? -Infinity;
  const noPeak = test.rm < before || test.rm < after;
  return { ...test, seasonal: !noPeak, ofLog, neighbours: [before, after], noPeak };
}

const p3 = (p: number): string => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);

/**
 * The rules on a complete series x with seasonal period m. `tests` are the ADF/KPSS results already
 * computed on x (the Explore Tests card's), so hints and tests agree; without them the defaults run.
 */
export function seriesRules(x: Float64Array, m: number, tests?: StationarityTests): SeriesRules {
  const levelTests = tests ?? tryTests(x);
  const stationarity = stationarityVerdict(levelTests);
  const steps: TransformStep[] = [];
  const reasons: string[] = [];
  const done = (seasonality: SeasonalityOfChanges | null): SeriesRules => ({
    seasonality,
    stationarity,
    steps,
    reasons,
  });
  if (x.some((v) => !Number.isFinite(v))) {
    reasons.push('no transforms: the series has missing or non-finite values');
    return done(null);
  }
  if (x.length < RULES_MIN_N) {
    reasons.push(`no transforms: ${x.length} values are too few to judge`);
    return done(seasonalityOfChanges(x, m));
  }
  if (stationarity === 'stationary') {
    reasons.push(
      `no transforms: ADF rejects a unit root (p ${p3(levelTests.adf?.pValue ?? NaN)}) and KPSS does not reject stationarity, so the series is modelled in levels`,
    );
    return done(seasonalityOfChanges(x, m));
  }
  let y = x;
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > 0 && max / min >= 2) {
    steps.push({ kind: 'log' });
    reasons.push(`log: all values positive and the level grows ${(max / min).toFixed(1)}×`);
    y = y.map(Math.log);
  }
  const season = seasonalityOfChanges(y, m, steps.length > 0);
  if (season?.seasonal) {
    steps.push({ kind: 'seasonalDiff', period: season.period });
    reasons.push(`seasonal difference (m = ${season.period}): the changes are seasonal`);
    y = diff(y, season.period);
  }
  const after = steps.length === 0 ? levelTests : tryTests(y);
  const verdict = stationarityVerdict(after);
  const what = season?.seasonal
    ? 'the seasonally differenced series'
    : steps.length > 0
      ? 'the log'
      : 'the series';
  if (verdict !== null && verdict !== 'stationary') {
    steps.push({ kind: 'diff' });
    reasons.push(
      verdict === 'trend-or-break'
        ? `first difference: KPSS rejects stationarity of ${what} (a trend or a break)`
        : `first difference: ADF does not reject a unit root in ${what} (p ${p3(after.adf?.pValue ?? NaN)})`,
    );
  } else if (verdict === null && steps.length === 0) {
    reasons.push('no transforms: ADF or KPSS could not run on this series');
  } else if (steps.length > 0 && verdict === 'stationary') {
    reasons.push(`no further difference: ADF and KPSS call ${what} stationary`);
  }
  return done(season);
}

/** "log, then seasonal difference (m = 12)" — the steps in words. */
export function stepsInWords(steps: readonly TransformStep[]): string {
  if (steps.length === 0) return 'none';
  return steps.map(transformLabel).join(', then ');
}
