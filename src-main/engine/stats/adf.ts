// Augmented Dickey-Fuller test with a constant, as statsmodels.tsa.stattools.adfuller(x,
// regression="c", autolag="AIC"|None, maxlag) in 0.13.5.
import { adfAutolagGram, adfLaggedGram, adfStatisticGram } from './adfGram';
import { formatP } from './format';
import { leastSquares } from './linalg';
import { mackinnonCriticalValues, mackinnonPValue, type CriticalValues } from './mackinnon';
import { ols, olsLogLikelihood } from './ols';

export interface AdfOptions {
  regression?: 'c';
  autolag?: 'AIC' | null;
  maxlag?: number;
  /**
   * 'fast' (default) solves from cross-product sums in O(n·maxlag) and falls back to 'exact'
   * (Householder QR over all rows, O(n·maxlag²)) whenever the sums are too ill-conditioned.
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
  /** Minimised AIC when autolag is on, else null. */
  icBest: number | null;
  verdict: string;
}

/** Schwert's rule 12·(n/100)^¼, capped so the regression keeps enough rows (n//2 − 2 with a constant). */
export function adfDefaultMaxlag(n: number): number {
  return Math.min(Math.floor(n / 2) - 2, Math.ceil(12 * Math.pow(n / 100, 1 / 4)));
}

/**
 * Column-major design over the last `rows` time points of Δx: [const?] level x_{t}, then
 * Δx_{t−1..t−lags}; the response is Δx_t. Row r is Δx index t = (n−1−rows) + r.
 */
function adfDesign(
  x: Float64Array,
  diff: Float64Array,
  lags: number,
  rows: number,
  constFirst: boolean,
) {
  const p = lags + 2;
  const design = new Float64Array(rows * p);
  const start = diff.length - rows;
  const levelCol = constFirst ? 1 : 0;
  const constCol = constFirst ? 0 : p - 1;
  const firstLagCol = constFirst ? 2 : 1;
  design.fill(1, constCol * rows, (constCol + 1) * rows);
  design.set(x.subarray(start, start + rows), levelCol * rows);
  for (let l = 1; l <= lags; l++)
    design.set(diff.subarray(start - l, start - l + rows), (firstLagCol + l - 1) * rows);
  return { design, p, y: diff.subarray(start), levelCol };
}

export function adfTest(x: Float64Array, options: AdfOptions = {}): AdfResult {
  const n = x.length;
  const autolag = options.autolag === undefined ? 'AIC' : options.autolag;
  const cap = Math.floor(n / 2) - 2;
  let maxlag = options.maxlag;
  if (maxlag === undefined) {
    maxlag = adfDefaultMaxlag(n);
    if (maxlag < 0) throw new RangeError('series too short for the ADF regression');
  } else if (!Number.isInteger(maxlag) || maxlag < 0 || maxlag > cap) {
    throw new RangeError(`maxlag must be an integer in [0, ${cap}]`);
  }
  const diff = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) diff[i] = (x[i + 1] as number) - (x[i] as number);

  const gram = options.method === 'exact' ? null : adfLaggedGram(x, diff, maxlag);
  let usedLag = maxlag;
  let icBest: number | null = null;
  if (autolag === 'AIC') {
    const search = gram === null ? null : adfAutolagGram(gram, maxlag);
    ({ usedLag, icBest } = search ?? adfAutolagExact(x, diff, maxlag));
  }
  const rows = n - 1 - usedLag;
  const fast = gram === null ? null : adfStatisticGram(gram, usedLag);
  const statistic = fast === null ? adfStatisticExact(x, diff, usedLag) : fast.statistic;
  const pValue = mackinnonPValue(statistic);
  return {
    statistic,
    pValue,
    usedLag,
    nobs: rows,
    critical: mackinnonCriticalValues(rows),
    icBest,
    verdict: adfVerdict(pValue),
  };
}

/**
 * All candidate lags share the sample of the largest one, so the AICs are comparable; the models
 * are nested in column order, so one QR gives every residual sum of squares.
 */
export function adfAutolagExact(
  x: Float64Array,
  diff: Float64Array,
  maxlag: number,
): { usedLag: number; icBest: number } {
  const n = x.length;
  const rows = n - 1 - maxlag;
  const { design, p, y } = adfDesign(x, diff, maxlag, rows, true);
  const { qty } = leastSquares(design, rows, p, y);
  let tail = 0;
  for (let i = p; i < rows; i++) tail += (qty[i] as number) ** 2;
  const ssrByCols = new Float64Array(p + 1);
  for (let m = p; m >= 2; m--) {
    ssrByCols[m] = tail;
    tail += (qty[m - 1] as number) ** 2;
  }
  let icBest = Number.POSITIVE_INFINITY;
  let usedLag = 0;
  for (let m = 2; m <= p; m++) {
    const aic = -2 * olsLogLikelihood(ssrByCols[m] as number, rows) + 2 * m;
    if (aic < icBest) {
      icBest = aic;
      usedLag = m - 2;
    }
  }
  return { usedLag, icBest };
}

/** τ from the QR fit of the regression with `lag` lags on its own full sample. */
export function adfStatisticExact(x: Float64Array, diff: Float64Array, lag: number): number {
  const rows = x.length - 1 - lag;
  const { design, p, y, levelCol } = adfDesign(x, diff, lag, rows, false);
  const columns = Array.from({ length: p }, (_, j) => design.subarray(j * rows, (j + 1) * rows));
  return ols(columns, Float64Array.from(y)).tvalues[levelCol] as number;
}

export function adfVerdict(pValue: number, alpha = 0.05): string {
  const level = `${Math.round(alpha * 100)}%`;
  return pValue < alpha
    ? `Unit root rejected at ${level} (p = ${formatP(pValue)}): the series looks stationary.`
    : `Unit root not rejected at ${level} (p = ${formatP(pValue)}): the series looks non-stationary.`;
}
