// Partial autocorrelations as statsmodels.tsa.stattools.pacf with method "ywadjusted" (default)
// and "ols" (pacf_ols, efficient=True, adjusted=False), plus the white-noise band z/√n.
import { checkLags } from './acf';
import { laggedProductSums } from './autocovariance';
import { normalQuantile } from './distributions';
import { leastSquares } from './linalg';
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
 */
export function pacfOls(
  x: Float64Array,
  nlags: number,
  method: 'fast' | 'exact' = 'fast',
): number[] {
  checkPacfLags(x.length, nlags);
  if (method === 'exact')
    return [1, ...Array.from({ length: nlags }, (_, i) => pacfOlsLag(x, i + 1))];
  return pacfOlsGram(x, nlags).map((v, k) => v ?? pacfOlsLag(x, k));
}

/** One lag of the OLS PACF by Householder QR over all its rows. */
export function pacfOlsLag(x: Float64Array, k: number): number {
  const n = x.length;
  const rows = n - k;
  const p = k + 1;
  const design = new Float64Array(rows * p);
  design.fill(1, 0, rows);
  for (let lag = 1; lag <= k; lag++) design.set(x.subarray(k - lag, n - lag), lag * rows);
  return leastSquares(design, rows, p, x.subarray(k)).coef[k] as number;
}

/** Half-width of the white-noise band for the PACF at lags ≥ 1: z_{1−α/2}/√n. */
export function pacfBand(n: number, alpha = 0.05): number {
  return normalQuantile(1 - alpha / 2) / Math.sqrt(n);
}
