// Combination forecasts: the median or mean, step by step, of several forecast paths (e.g. the
// network ensemble, ETS and Theta). Paths with a missing or non-finite value at a step are left out
// of that step; a step no path covers is NaN.

export type CombineBy = 'median' | 'mean';

export function combineForecasts(
  paths: readonly ArrayLike<number>[],
  by: CombineBy = 'median',
  length?: number,
): Float64Array {
  const h = length ?? Math.max(0, ...paths.map((p) => p.length));
  const out = new Float64Array(h);
  const column: number[] = [];
  for (let i = 0; i < h; i++) {
    column.length = 0;
    for (const p of paths) {
      const v = i < p.length ? (p[i] as number) : Number.NaN;
      if (Number.isFinite(v)) column.push(v);
    }
    out[i] = column.length === 0 ? Number.NaN : by === 'mean' ? mean(column) : median(column);
  }
  return out;
}

function mean(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1
    ? (values[mid] as number)
    : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}
