// Descriptive statistics of one column, JSON-able (null where a statistic does not exist).
import type { ColumnSummary } from './types';

/** Quantile with linear interpolation between order statistics (R type 7, numpy's default). */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
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
  let sum = 0;
  for (const v of present) sum += v;
  const mean = sum / count;
  let ss = 0;
  for (const v of present) ss += (v - mean) ** 2;
  const sorted = present.slice().sort();
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
    std: count > 1 ? Math.sqrt(ss / (count - 1)) : null,
    min: sorted[0] as number,
    q25: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q75: quantileSorted(sorted, 0.75),
    max: sorted[count - 1] as number,
    firstTime: time[first] ?? null,
    lastTime: time[last] ?? null,
  };
}
