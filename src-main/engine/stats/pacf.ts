// Partial autocorrelations as statsmodels.tsa.stattools.pacf with method "ywadjusted" (default)
// and "ols" (pacf_ols, efficient=True, adjusted=False), plus the white-noise band z/√n.
import { checkLags } from './acf';
import { laggedProductSums } from './autocovariance';
import { normalQuantile } from './distributions';
import { pacfOlsGram } from './pacfOlsGram';

/** statsmodels allows PACF lags only below half the sample. */
function checkPacfLags(n: number, nlags: number): void {
  checkLags(n, nlags);
  if (nlags >= Math.floor(n / 2))
    throw new RangeError(`PACF lags (${nlags}) must be < n/2 (${Math.floor(n / 2)})`);
}
/**
 * Yule-Walker PACF: for each k the last coefficient of the AR(k) fit on autocovariances of the
 * demeaned series with denominators n − k (lag 0: n). Levinson-Durbin yields all k in O(nlags²).
 */
export function pacfYuleWalker(x: Float64Array, nlags: number, adjusted = true): number[] {
  checkPacfLags(x.length, nlags);
  return pacfYuleWalkerFromSums(laggedProductSums(x, nlags), x.length, adjusted);
}

/** Yule-Walker PACF from laggedProductSums(x, nlags) of a series of length n (shared with ACF). */
export function pacfYuleWalkerFromSums(sums: Float64Array, n: number, adjusted = true): number[] {
  const nlags = sums.length - 1;
  checkPacfLags(n, nlags);
  const r = new Float64Array(nlags + 1);
  for (let k = 0; k <= nlags; k++) r[k] = (sums[k] as number) / (adjusted ? n - k : n);
  return levinsonDurbinPacf(r);
}

/** Last AR coefficient of each order, from autocovariances r[0..m]. */
export function levinsonDurbinPacf(r: Float64Array): number[] {
  const m = r.length - 1;
  const out = [1];
  let phi = new Float64Array(m + 1);
  let prev = new Float64Array(m + 1);
  let err = r[0] as number;
  for (let k = 1; k <= m; k++) {
    let num = r[k] as number;
    for (let j = 1; j < k; j++) num -= (prev[j] as number) * (r[k - j] as number);
    const kappa = num / err;
    phi[k] = kappa;
    for (let j = 1; j < k; j++) phi[j] = (prev[j] as number) - kappa * (prev[k - j] as number);
    err *= 1 - kappa * kappa;
    out.push(kappa);
    [prev, phi] = [phi, prev];
  }
  return out;
}

/**
 * OLS PACF: for each k, regress x_t on a constant and x_{t−1..t−k} over t = k..n−1 and keep the
 * coefficient of x_{t−k} (statsmodels' efficient=True: each lag uses all available rows).
 * 'fast' solves from cross-product sums and refits by QR only the lags whose error bound fails.
 * A lag whose regression cannot identify that coefficient is NaN (see pacfOlsDetailed).
 */
export function pacfOls(
  x: Float64Array,
  nlags: number,
  method: 'fast' | 'exact' = 'fast',
): number[] {
  return pacfOlsDetailed(x, nlags, method).values.map((v) => v ?? Number.NaN);
}

export interface PacfOlsDetailed {
  /** Lags 0..nlags; null where the coefficient is not identified. */
  values: (number | null)[];
  /** The lags left out, each with the reason in words. */
  missing: { lag: number; reason: string }[];
}

/** OLS PACF with the rank-deficient lags reported instead of given a least-norm 0. */
export function pacfOlsDetailed(
  x: Float64Array,
  nlags: number,
  method: 'fast' | 'exact' = 'fast',
): PacfOlsDetailed {
  checkPacfLags(x.length, nlags);
  const fast: (number | null)[] =
    method === 'exact' ? [1, ...new Array<null>(nlags).fill(null)] : pacfOlsGram(x, nlags);
  const missing: PacfOlsDetailed['missing'] = [];
  const values = fast.map((v, k) => {
    if (v !== null) return v;
    const exact = pacfOlsLagChecked(x, k);
    if (exact === null)
      missing.push({
        lag: k,
        reason: `OLS PACF at lag ${k} left out: lag ${k} is a linear combination of the constant and the shorter lags over the rows of its regression, so its coefficient is not identified (a least-norm solver would report 0).`,
      });
    return exact;
  });
  return { values, missing };
}

/** One lag of the OLS PACF by Householder QR over all its rows (NaN when not identified). */
export function pacfOlsLag(x: Float64Array, k: number): number {
  return pacfOlsLagChecked(x, k) ?? Number.NaN;
}

/**
 * Householder QR of [1, x_{t−1}, …, x_{t−k}] column by column, skipping any column whose part
 * orthogonal to the columns kept so far is below max(rows, k+1)·ε of its norm. The coefficient of
 * x_{t−k} is identified exactly when that last column is kept, and is then qtyₘ/Rₘₘ whatever the
 * dependencies among the shorter lags. null when it is not.
 */
export function pacfOlsLagChecked(x: Float64Array, k: number): number | null {
  if (k === 0) return 1;
  const n = x.length;
  const rows = n - k;
  const p = k + 1;
  const cols: Float64Array[] = [new Float64Array(rows).fill(1)];
  for (let lag = 1; lag <= k; lag++) cols.push(Float64Array.from(x.subarray(k - lag, n - lag)));
  const y = Float64Array.from(x.subarray(k));
  const tol = Math.max(rows, p) * 2 ** -52;
  const kept: Float64Array[] = []; // Householder vectors, v at [r..rows)
  const betas: number[] = [];
  let r = 0;
  let last: { rjj: number; qty: number } | null = null;
  for (let j = 0; j < p; j++) {
    const col = cols[j] as Float64Array;
    let full = 0;
    for (let i = 0; i < rows; i++) full = Math.max(full, Math.abs(col[i] as number));
    // Apply the reflections so far.
    kept.forEach((v, h) => reflectInto(v, betas[h] as number, h, col, rows));
    let norm2 = 0;
    let scale = 0;
    for (let i = r; i < rows; i++) scale = Math.max(scale, Math.abs(col[i] as number));
    if (scale > 0) for (let i = r; i < rows; i++) norm2 += ((col[i] as number) / scale) ** 2;
    const norm = scale * Math.sqrt(norm2);
    if (!(norm > tol * full * Math.sqrt(rows)) || r >= rows) {
      if (j === p - 1) return null;
      continue;
    }
    const head = col[r] as number;
    const alpha = (head > 0 ? -1 : 1) * norm;
    const v = new Float64Array(rows);
    for (let i = r; i < rows; i++) v[i] = col[i] as number;
    v[r] = head - alpha;
    const beta = 2 * alpha * (alpha - head);
    kept.push(v);
    betas.push(beta);
    if (j === p - 1) {
      kept.forEach((vh, h) => reflectInto(vh, betas[h] as number, h, y, rows));
      last = { rjj: alpha, qty: y[r] as number };
    }
    r++;
  }
  return last === null ? null : last.qty / last.rjj;
}

/** t −= (2 vᵀt / vᵀv)·v over [start, rows), for the h-th Householder vector (nonzero from h). */
function reflectInto(
  v: Float64Array,
  vtv: number,
  start: number,
  t: Float64Array,
  rows: number,
): void {
  let s = 0;
  for (let i = start; i < rows; i++) s += (v[i] as number) * (t[i] as number);
  const f = (2 * s) / vtv;
  if (f === 0) return;
  for (let i = start; i < rows; i++) t[i] = (t[i] as number) - f * (v[i] as number);
}

/** Half-width of the white-noise band for the PACF at lags ≥ 1: z_{1−α/2}/√n. */
export function pacfBand(n: number, alpha = 0.05): number {
  return normalQuantile(1 - alpha / 2) / Math.sqrt(n);
}
