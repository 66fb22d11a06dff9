// Augmented Dickey-Fuller test, as statsmodels.tsa.stattools.adfuller(x, maxlag,
// regression="c"|"ct"|"ctt"|"n", autolag="AIC"|"BIC"|"t-stat"|None) in 0.13.5.
import { adfAutolagGram, adfLaggedGram, adfStatisticGram } from './adfGram';
import { formatP } from './format';
import { leastSquares } from './linalg';
import {
  mackinnonCriticalValues,
  mackinnonPValue,
  type AdfRegression,
  type CriticalValues,
} from './mackinnon';
import { ols, olsLogLikelihood } from './ols';

export type { AdfRegression } from './mackinnon';
/** How the lag is chosen: an information criterion, the sequential t rule, or fixed at maxlag. */
export type AdfAutolag = 'AIC' | 'BIC' | 't-stat' | null;

export const ADF_REGRESSIONS: readonly AdfRegression[] = ['c', 'ct', 'ctt', 'n'];
export const ADF_AUTOLAGS: readonly Exclude<AdfAutolag, null>[] = ['AIC', 'BIC', 't-stat'];

export interface AdfOptions {
  regression?: AdfRegression;
  autolag?: AdfAutolag;
  maxlag?: number;
  /**
   * 'fast' (default) solves from cross-product sums in O(n·maxlag) and falls back to 'exact'
   * (Householder QR over all rows, O(n·maxlag²)) whenever the sums are too ill-conditioned.
   * Only the constant-only regression with AIC, BIC or a fixed lag has a fast path.
   */
  method?: 'fast' | 'exact';
}

export interface AdfResult {
  statistic: number;
  pValue: number;
  usedLag: number;
  /** Observations in the final regression (the critical values depend on it). */
  nobs: number;
  critical: CriticalValues;
  /** Best criterion value (|t| of the last lag for 't-stat') when autolag is on, else null. */
  icBest: number | null;
  regression: AdfRegression;
  autolag: AdfAutolag;
  /** Largest lag considered (the lag used when autolag is off). */
  maxlag: number;
  /** What was run, in words: "ADF, constant + trend, lag 1 chosen by BIC (max 14), …". */
  label: string;
  verdict: string;
}

const N_DETERMINISTIC: Record<AdfRegression, number> = { n: 0, c: 1, ct: 2, ctt: 3 };

export const ADF_REGRESSION_NAMES: Record<AdfRegression, string> = {
  n: 'no constant',
  c: 'constant',
  ct: 'constant + trend',
  ctt: 'constant + trend + trend²',
};

/** Largest maxlag the regression allows: n//2 − (deterministic terms) − 1. */
export function adfMaxlagCap(n: number, regression: AdfRegression = 'c'): number {
  return Math.floor(n / 2) - N_DETERMINISTIC[regression] - 1;
}

/** Schwert's rule ⌈12·(n/100)^¼⌉, capped so the regression keeps enough rows. */
export function adfDefaultMaxlag(n: number, regression: AdfRegression = 'c'): number {
  return Math.min(adfMaxlagCap(n, regression), Math.ceil(12 * Math.pow(n / 100, 1 / 4)));
}

/** Constant, trend t = 1..rows and t², as statsmodels' add_trend builds them. */
function deterministicColumns(regression: AdfRegression, rows: number): Float64Array[] {
  const cols: Float64Array[] = [];
  if (regression === 'n') return cols;
  cols.push(new Float64Array(rows).fill(1));
  if (regression === 'ct' || regression === 'ctt')
    cols.push(Float64Array.from({ length: rows }, (_, i) => i + 1));
  if (regression === 'ctt') cols.push(Float64Array.from({ length: rows }, (_, i) => (i + 1) ** 2));
  return cols;
}

/** Level x_{t−1} and Δx_{t−1..t−lags} over the last `rows` points of Δx; response Δx_t. */
function laggedColumns(x: Float64Array, diff: Float64Array, lags: number, rows: number) {
  const start = diff.length - rows;
  const cols = [Float64Array.from(x.subarray(start, start + rows))];
  for (let l = 1; l <= lags; l++)
    cols.push(Float64Array.from(diff.subarray(start - l, start - l + rows)));
  return { cols, y: Float64Array.from(diff.subarray(start)) };
}

function columnMajor(cols: readonly Float64Array[], rows: number): Float64Array {
  const design = new Float64Array(rows * cols.length);
  cols.forEach((c, j) => design.set(c, j * rows));
  return design;
}

function firstDifference(x: Float64Array): Float64Array {
  const diff = new Float64Array(x.length - 1);
  for (let i = 0; i < x.length - 1; i++) diff[i] = (x[i + 1] as number) - (x[i] as number);
  return diff;
}

export function adfTest(x: Float64Array, options: AdfOptions = {}): AdfResult {
  const n = x.length;
  const regression = options.regression ?? 'c';
  const autolag = options.autolag === undefined ? 'AIC' : options.autolag;
  if (!ADF_REGRESSIONS.includes(regression))
    throw new RangeError(`ADF regression must be one of ${ADF_REGRESSIONS.join(', ')}`);
  if (autolag !== null && !ADF_AUTOLAGS.includes(autolag))
    throw new RangeError(`ADF autolag must be one of ${ADF_AUTOLAGS.join(', ')} or none`);
  const cap = adfMaxlagCap(n, regression);
  let maxlag = options.maxlag;
  if (maxlag === undefined) {
    maxlag = adfDefaultMaxlag(n, regression);
    if (maxlag < 0)
      throw new RangeError(
        'series too short for the ADF regression with these deterministic terms',
      );
  } else if (!Number.isInteger(maxlag) || maxlag < 0 || maxlag > cap) {
    throw new RangeError(
      `ADF maxlag must be an integer in [0, ${cap}] for n = ${n} with ${ADF_REGRESSION_NAMES[regression]}`,
    );
  }
  const diff = firstDifference(x);
  const fastPath = options.method !== 'exact' && regression === 'c' && autolag !== 't-stat';
  const gram = fastPath ? adfLaggedGram(x, diff, maxlag) : null;
  let usedLag = maxlag;
  let icBest: number | null = null;
  if (autolag !== null) {
    const search =
      gram === null
        ? null
        : adfAutolagGram(gram, maxlag, undefined, autolag === 'BIC' ? 'BIC' : 'AIC');
    ({ usedLag, icBest } = search ?? adfAutolagExact(x, diff, maxlag, regression, autolag));
  }
  const rows = n - 1 - usedLag;
  const fast = gram === null ? null : adfStatisticGram(gram, usedLag);
  const statistic =
    fast === null ? adfStatisticExact(x, diff, usedLag, regression) : fast.statistic;
  const pValue = mackinnonPValue(statistic, regression);
  return {
    statistic,
    pValue,
    usedLag,
    nobs: rows,
    critical: mackinnonCriticalValues(rows, regression),
    icBest,
    regression,
    autolag,
    maxlag,
    label: adfLabel(regression, autolag, usedLag, maxlag),
    verdict: adfVerdict(pValue, 0.05, regression),
  };
}

export function adfLabel(
  regression: AdfRegression,
  autolag: AdfAutolag,
  usedLag: number,
  maxlag: number,
): string {
  const lag =
    autolag === null
      ? `fixed lag ${usedLag}`
      : autolag === 't-stat'
        ? `lag ${usedLag} chosen by t-stat (last lag |t| ≥ 1.645, max ${maxlag})`
        : `lag ${usedLag} chosen by ${autolag} (max ${maxlag})`;
  return `ADF, ${ADF_REGRESSION_NAMES[regression]}, ${lag}, MacKinnon p-value`;
}

/**
 * All candidate lags share the sample of the largest one, so the criteria are comparable; the
 * models are nested in column order [deterministic…, level, lag 1, …], so one QR gives every
 * residual sum of squares and every last-column t statistic.
 */
export function adfAutolagExact(
  x: Float64Array,
  diff: Float64Array,
  maxlag: number,
  regression: AdfRegression = 'c',
  autolag: Exclude<AdfAutolag, null> = 'AIC',
): { usedLag: number; icBest: number } {
  const n = x.length;
  const rows = n - 1 - maxlag;
  const { cols, y } = laggedColumns(x, diff, maxlag, rows);
  const all = [...deterministicColumns(regression, rows), ...cols];
  const p = all.length;
  const startCols = N_DETERMINISTIC[regression] + 1;
  const { qty } = leastSquares(columnMajor(all, rows), rows, p, y);
  let tail = 0;
  for (let i = p; i < rows; i++) tail += (qty[i] as number) ** 2;
  const ssrByCols = new Float64Array(p + 1);
  for (let m = p; m >= 1; m--) {
    ssrByCols[m] = tail;
    tail += (qty[m - 1] as number) ** 2;
  }
  if (autolag === 't-stat') {
    // statsmodels: from the longest model down, stop at the first whose last column has
    // |t| ≥ Φ⁻¹(0.95); the shortest model's last column is the level itself.
    const stop = 1.6448536269514722;
    let icBest = 0;
    let best = p;
    for (let m = p; m >= startCols; m--) {
      const s2 = (ssrByCols[m] as number) / (rows - m);
      icBest = Math.abs(qty[m - 1] as number) / Math.sqrt(s2);
      best = m;
      if (icBest >= stop) break;
    }
    return { usedLag: best - startCols, icBest };
  }
  const penalty = autolag === 'BIC' ? Math.log(rows) : 2;
  let icBest = Number.POSITIVE_INFINITY;
  let usedLag = 0;
  for (let m = startCols; m <= p; m++) {
    const ic = -2 * olsLogLikelihood(ssrByCols[m] as number, rows) + penalty * m;
    if (ic < icBest) {
      icBest = ic;
      usedLag = m - startCols;
    }
  }
  return { usedLag, icBest };
}

/** τ from the QR fit of the regression with `lag` lags on its own full sample. */
export function adfStatisticExact(
  x: Float64Array,
  diff: Float64Array,
  lag: number,
  regression: AdfRegression = 'c',
): number {
  const rows = x.length - 1 - lag;
  const { cols, y } = laggedColumns(x, diff, lag, rows);
  return ols([...cols, ...deterministicColumns(regression, rows)], y).tvalues[0] as number;
}

export function adfVerdict(pValue: number, alpha = 0.05, regression: AdfRegression = 'c'): string {
  const level = `${Math.round(alpha * 100)}%`;
  const alternative =
    regression === 'ct' || regression === 'ctt'
      ? 'trend-stationary'
      : regression === 'n'
        ? 'stationary around zero'
        : 'stationary';
  return pValue < alpha
    ? `Unit root rejected at ${level} (p = ${formatP(pValue)}): the series looks ${alternative}.`
    : `Unit root not rejected at ${level} (p = ${formatP(pValue)}): the series looks non-stationary.`;
}
