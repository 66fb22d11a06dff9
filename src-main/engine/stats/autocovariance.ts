// Shared kernel for ACF and Yule-Walker PACF: lagged cross-products of the demeaned series.
// Sums follow numpy's pairwise summation (blocks of 128 with 8 interleaved accumulators, halves
// split on multiples of 8) so the autocovariances are bit-for-bit those statsmodels builds from
// np.mean and ndarray.sum; on near-unit-root series the PACF is sensitive enough for this to matter.

const BLOCK = 128;

/** numpy's pairwise sum of a[off + t]·b[off + t + lag] for t in [0, n). */
function pairwiseLaggedSum(a: Float64Array, off: number, n: number, lag: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (a[off + i] as number) * (a[off + i + lag] as number);
    return s;
  }
  if (n <= BLOCK) {
    let r0 = (a[off] as number) * (a[off + lag] as number);
    let r1 = (a[off + 1] as number) * (a[off + 1 + lag] as number);
    let r2 = (a[off + 2] as number) * (a[off + 2 + lag] as number);
    let r3 = (a[off + 3] as number) * (a[off + 3 + lag] as number);
    let r4 = (a[off + 4] as number) * (a[off + 4 + lag] as number);
    let r5 = (a[off + 5] as number) * (a[off + 5 + lag] as number);
    let r6 = (a[off + 6] as number) * (a[off + 6 + lag] as number);
    let r7 = (a[off + 7] as number) * (a[off + 7 + lag] as number);
    const whole = n - (n % 8);
    let i = 8;
    for (; i < whole; i += 8) {
      const p = off + i;
      const q = p + lag;
      r0 += (a[p] as number) * (a[q] as number);
      r1 += (a[p + 1] as number) * (a[q + 1] as number);
      r2 += (a[p + 2] as number) * (a[q + 2] as number);
      r3 += (a[p + 3] as number) * (a[q + 3] as number);
      r4 += (a[p + 4] as number) * (a[q + 4] as number);
      r5 += (a[p + 5] as number) * (a[q + 5] as number);
      r6 += (a[p + 6] as number) * (a[q + 6] as number);
      r7 += (a[p + 7] as number) * (a[q + 7] as number);
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) s += (a[off + i] as number) * (a[off + i + lag] as number);
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseLaggedSum(a, off, half, lag) + pairwiseLaggedSum(a, off + half, n - half, lag);
}

/** numpy's pairwise sum of a[off..off+n). */
function pairwiseSum(a: Float64Array, off: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[off + i] as number;
    return s;
  }
  if (n <= BLOCK) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => a[off + j] as number);
    const whole = n - (n % 8);
    let i = 8;
    for (; i < whole; i += 8)
      for (let j = 0; j < 8; j++) r[j] = (r[j] as number) + (a[off + i + j] as number);
    const [r0, r1, r2, r3, r4, r5, r6, r7] = r as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) s += a[off + i] as number;
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(a, off, half) + pairwiseSum(a, off + half, n - half);
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
