// Shared kernel for ACF and Yule-Walker PACF: lagged cross-products of the demeaned series.
// Sums follow numpy's pairwise summation (blocks of 128 with 8 interleaved accumulators, halves
// split on multiples of 8) so the autocovariances are bit-for-bit those statsmodels builds from
// np.mean and ndarray.sum; on near-unit-root series the PACF is sensitive enough for this to matter.

const BLOCK = 128;

/**
 * numpy's pairwise sum of term(off + t) for t in [0, n): blocks of up to BLOCK terms summed with
 * eight interleaved accumulators, longer runs split in halves on a multiple of 8.
 */
function pairwise(term: (i: number) => number, off: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += term(off + i);
    return s;
  }
  if (n <= BLOCK) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => term(off + j));
    const whole = n - (n % 8);
    let i = 8;
    for (; i < whole; i += 8)
      for (let j = 0; j < 8; j++) r[j] = (r[j] as number) + term(off + i + j);
    const at = (j: number): number => r[j] as number;
    let s = at(0) + at(1) + (at(2) + at(3)) + (at(4) + at(5) + (at(6) + at(7)));
    for (; i < n; i++) s += term(off + i);
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwise(term, off, half) + pairwise(term, off + half, n - half);
}

/** numpy's pairwise sum of a[off + t]·a[off + t + lag] for t in [0, n). */
function pairwiseLaggedSum(a: Float64Array, off: number, n: number, lag: number): number {
  return pairwise((i) => (a[i] as number) * (a[i + lag] as number), off, n);
}

/** numpy's pairwise sum of a[off..off+n). */
function pairwiseSum(a: Float64Array, off: number, n: number): number {
  return pairwise((i) => a[i] as number, off, n);
}

/** Arithmetic mean with numpy's summation order. */
export function mean(x: Float64Array): number {
  return pairwiseSum(x, 0, x.length) / x.length;
}

/**
 * sums[k] = Σ_t (x_t − x̄)(x_{t+k} − x̄) for k = 0..nlags, unnormalised so callers can divide by n
 * (ACF) or n − k (adjusted Yule-Walker). O(n·nlags), no allocation inside the loops.
 */
export function laggedProductSums(x: Float64Array, nlags: number): Float64Array {
  const n = x.length;
  const m = mean(x);
  const xo = new Float64Array(n);
  for (let i = 0; i < n; i++) xo[i] = (x[i] as number) - m;
  const sums = new Float64Array(nlags + 1);
  for (let k = 0; k <= nlags; k++) sums[k] = pairwiseLaggedSum(xo, 0, n - k, k);
  return sums;
}
