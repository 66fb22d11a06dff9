// Sample autocorrelation as statsmodels.tsa.stattools.acf(x, nlags, adjusted=False, fft=False),
// with the Bartlett-formula confidence band that acf(..., alpha) reports.
import { laggedProductSums } from './autocovariance';
import { normalQuantile } from './distributions';

/** Autocorrelations for lags 0..nlags (lag 0 is 1); denominators n, as with adjusted=False. */
export function acf(x: Float64Array, nlags: number): number[] {
  checkLags(x.length, nlags);
  return acfFromSums(laggedProductSums(x, nlags));
}

/** Autocorrelations from laggedProductSums (shared with the Yule-Walker PACF). */
export function acfFromSums(sums: Float64Array): number[] {
  const c0 = sums[0] ?? Number.NaN;
  return Array.from(sums, (s) => s / c0);
}

/**
 * Half-width of the (1 − alpha) band around each ACF value, Bartlett's formula for an MA(k−1)
 * null: var(r_k) = (1 + 2 Σ_{j<k} r_j²) / n, var(r_1) = 1/n, and 0 at lag 0.
 */
export function acfBartlettBand(acfValues: readonly number[], n: number, alpha = 0.05): number[] {
  const z = normalQuantile(1 - alpha / 2);
  const band: number[] = [];
  let cumulative = 0;
  for (let k = 0; k < acfValues.length; k++) {
    if (k === 0) {
      band.push(0);
      continue;
    }
    if (k >= 2) cumulative += (acfValues[k - 1] ?? 0) ** 2;
    band.push(z * Math.sqrt((1 + 2 * cumulative) / n));
  }
  return band;
}

/** statsmodels' default lag count for ACF/PACF plots: min(⌊10·log10 n⌋, ⌊n/2⌋ − 1). */
export function defaultNlags(n: number): number {
  return Math.max(0, Math.min(Math.floor(10 * Math.log10(n)), Math.floor(n / 2) - 1));
}

export function checkLags(n: number, nlags: number): void {
  if (!Number.isInteger(nlags) || nlags < 0)
    throw new RangeError(`nlags must be a non-negative integer`);
  if (nlags > n - 1)
    throw new RangeError(`nlags (${nlags}) must be smaller than the series length (${n})`);
}
