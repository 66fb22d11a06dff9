// Descriptive statistics with numpy's conventions (pairwise sums, ddof, linear quantiles).
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

export function mean(x: Float64Array): number {
  return x.length === 0 ? Number.NaN : numpyMean(x);
}

/** Σ(x − x̄)² / (n − ddof); NaN when n ≤ ddof. */
export function variance(x: Float64Array, ddof = 0): number {
  if (x.length - ddof <= 0) return Number.NaN;
  return (laggedProductSums(x, 0)[0] as number) / (x.length - ddof);
}

export function std(x: Float64Array, ddof = 0): number {
  return Math.sqrt(variance(x, ddof));
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
