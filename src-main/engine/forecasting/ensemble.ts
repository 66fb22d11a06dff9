// Combining ensemble members' forecast paths: the median per step, and the members' spread.
import type { Spread } from '../model/runResult';

export function medianOf(values: number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const mid = v.length >> 1;
  return v.length % 2 === 1
    ? (v[mid] as number)
    : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

/** Per position, the median over the members' arrays (all the same length). */
export function medianCombine(paths: readonly ArrayLike<number>[]): Float64Array {
  const len = paths[0]?.length ?? 0;
  return Float64Array.from({ length: len }, (_, i) =>
    medianOf(paths.map((p) => p[i] ?? Number.NaN)),
  );
}

export function meanCombine(paths: readonly ArrayLike<number>[]): Float64Array {
  const len = paths[0]?.length ?? 0;
  return Float64Array.from({ length: len }, (_, i) => {
    let s = 0;
    for (const p of paths) s += p[i] ?? Number.NaN;
    return s / paths.length;
  });
}

export type { Spread };

export function spreadOf(paths: readonly ArrayLike<number>[]): Spread {
  const len = paths[0]?.length ?? 0;
  const min: number[] = [];
  const max: number[] = [];
  for (let i = 0; i < len; i++) {
    const v = paths.map((p) => p[i] ?? Number.NaN);
    min.push(Math.min(...v));
    max.push(Math.max(...v));
  }
  return { min, max };
}
