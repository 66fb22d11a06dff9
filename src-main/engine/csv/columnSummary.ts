// Descriptive statistics of one column, JSON-able (null where a statistic does not exist).
//
// Overflow-safe: values near ±1.8e308 are divided by a power of two before they are summed or
// squared, and the result multiplied back. Dividing by a power of two is exact, so where plain
// arithmetic would not overflow (or underflow) the answer is bit-for-bit the plain one; where it
// would, the answer is still finite and as exact as the data allows. For finite values whose span
// (max − min) is finite, which the importer guarantees (TableBuilder refuses wider columns), every
// statistic here is finite: the mean and quantiles lie in [min, max], and the sample standard
// deviation is at most span · √(n / (4(n − 1))) ≤ span · 0.71.
import type { ColumnSummary } from './types';

/** Below this magnitude (and above its inverse) sums and squares of n ≤ 2^50 values cannot overflow. */
const SAFE = 2 ** 500;

/**
 * The power of two to divide values of largest magnitude `maxAbs` by before summing and squaring,
 * or 1 when plain arithmetic is safe (which keeps ordinary data bit-for-bit as before).
 */
export function overflowScale(maxAbs: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(maxAbs) || (maxAbs < SAFE && maxAbs > 1 / SAFE)) return 1;
  // log2 rounds up to 1024 for the largest doubles; 2^1023 is the largest power of two there is.
  return 2 ** Math.min(1023, Math.floor(Math.log2(maxAbs)));
}

/** Mean of `values` at `indices` (NaN skipped; NaN when none), without overflowing. */
export function overflowSafeMean(values: Float64Array, indices: readonly number[]): number {
  let sum = 0;
  let n = 0;
  let maxAbs = 0;
  for (const i of indices) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    sum += v;
    n++;
    if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  }
  if (n === 0) return NaN;
  if (Number.isFinite(sum)) return sum / n;
  const scale = overflowScale(maxAbs);
  let scaled = 0;
  for (const i of indices) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) scaled += v / scale;
  }
  return (scaled / n) * scale;
}

/**
 * Quantile with linear interpolation between order statistics (R type 7, numpy's default), also
 * where the difference of the two neighbours (of opposite sign near ±1.8e308) would overflow.
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  const t = h - lo;
  const diff = b - a;
  if (Number.isFinite(diff)) return a + t * diff;
  // Halved, the difference fits; from the nearer end the step is at most half of it, doubled.
  const half = b / 2 - a / 2;
  return t < 0.5 ? a + 2 * (t * half) : b - 2 * ((1 - t) * half);
}

export function columnSummary(values: Float64Array, time: Float64Array): ColumnSummary {
  const present = values.filter((v) => !Number.isNaN(v));
  const count = present.length;
  const missing = values.length - count;
  if (count === 0) {
    return {
      count,
      missing,
      mean: null,
      std: null,
      min: null,
      q25: null,
      median: null,
      q75: null,
      max: null,
      firstTime: null,
      lastTime: null,
    };
  }
  const sorted = present.slice().sort();
  const min = sorted[0] as number;
  const max = sorted[count - 1] as number;
  const scale = overflowScale(Math.max(Math.abs(min), Math.abs(max)));
  let sum = 0;
  for (const v of present) sum += v / scale;
  const scaledMean = sum / count;
  let ss = 0;
  for (const v of present) ss += (v / scale - scaledMean) ** 2;
  // Rounding can put the mean of values all equal to ±max just past them; it lies in [min, max].
  const mean = Math.min(max, Math.max(min, scaledMean * scale));
  let first = -1;
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    if (first < 0) first = i;
    last = i;
  }
  return {
    count,
    missing,
    mean,
    std: count > 1 ? Math.sqrt(ss / (count - 1)) * scale : null,
    min,
    q25: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q75: quantileSorted(sorted, 0.75),
    max,
    firstTime: time[first] ?? null,
    lastTime: time[last] ?? null,
  };
}
