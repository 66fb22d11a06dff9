// Descriptive statistics with numpy's conventions (pairwise sums, ddof, linear quantiles), safe from
// overflow: see scaleOf.
import { laggedProductSums, mean as numpyMean } from './autocovariance';

export interface Summary {
  count: number;
  mean: number;
  /** Sample standard deviation (ddof = 1). */
  std: number;
  min: number;
  q25: number;
  median: number;
  q75: number;
  max: number;
}

/** Below this magnitude (and above its inverse) sums and squares of n ≤ 2^50 values cannot overflow. */
const SAFE = 2 ** 500;

/**
 * The power of two that x is divided by before summing or squaring, or 1 when plain arithmetic is
 * safe. Dividing by a power of two is exact, so where numpy would not overflow (or underflow) the
 * results are bit-for-bit numpy's; where it would (values near ±1.8e308), they stay finite.
 */
function scaleOf(x: Float64Array): number {
  let maxAbs = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i] as number);
    if (a > maxAbs) maxAbs = a;
  }
  if (!(maxAbs > 0) || !Number.isFinite(maxAbs) || (maxAbs < SAFE && maxAbs > 1 / SAFE)) return 1;
  // log2 rounds up to 1024 for the largest doubles; 2^1023 is the largest power of two there is.
  return 2 ** Math.min(1023, Math.floor(Math.log2(maxAbs)));
}

function divided(x: Float64Array, scale: number): Float64Array {
  return scale === 1 ? x : x.map((v) => v / scale);
}

export function mean(x: Float64Array): number {
  if (x.length === 0) return Number.NaN;
  const scale = scaleOf(x);
  if (scale === 1) return numpyMean(x);
  // Rounding can put the mean of values all near ±1.8e308 just past them; it lies in [min, max].
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return Math.min(hi, Math.max(lo, numpyMean(divided(x, scale)) * scale));
}

/** Σ(x − x̄)² / (n − ddof) of x / scale (the variance is this times scale²); NaN when n ≤ ddof. */
function scaledVariance(x: Float64Array, ddof: number, scale: number): number {
  if (x.length - ddof <= 0) return Number.NaN;
  return (laggedProductSums(divided(x, scale), 0)[0] as number) / (x.length - ddof);
}

/** Σ(x − x̄)² / (n − ddof); NaN when n ≤ ddof (Infinity only when the variance exceeds 1.8e308). */
export function variance(x: Float64Array, ddof = 0): number {
  const scale = scaleOf(x);
  return scaledVariance(x, ddof, scale) * scale * scale;
}

/** √variance, computed from the scaled values so it is finite wherever it is representable. */
export function std(x: Float64Array, ddof = 0): number {
  const scale = scaleOf(x);
  return Math.sqrt(scaledVariance(x, ddof, scale)) * scale;
}

/** numpy.quantile(..., method="linear") (Hyndman-Fan type 7) on already sorted data. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0 || !(q >= 0 && q <= 1)) return Number.NaN;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const t = pos - lo;
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  const diff = b - a;
  if (!Number.isFinite(diff) && Number.isFinite(a) && Number.isFinite(b)) {
    // Neighbours of opposite sign near ±1.8e308: halved, the difference fits.
    const half = b / 2 - a / 2;
    return t >= 0.5 ? b - 2 * ((1 - t) * half) : a + 2 * (t * half);
  }
  // numpy's lerp: interpolate from the nearer end so t = 1 lands exactly on b.
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

export function quantile(x: Float64Array, q: number): number {
  return quantileSorted(Float64Array.from(x).sort(), q);
}

export function summarize(x: Float64Array): Summary {
  const sorted = Float64Array.from(x).sort();
  const n = x.length;
  return {
    count: n,
    mean: mean(x),
    std: std(x, 1),
    min: n > 0 ? (sorted[0] as number) : Number.NaN,
    q25: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q75: quantileSorted(sorted, 0.75),
    max: n > 0 ? (sorted[n - 1] as number) : Number.NaN,
  };
}
