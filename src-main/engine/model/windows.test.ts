import { describe, it, expect } from 'vitest';
import { buildWindows, findNonFinite, windowStarts } from './windows';

describe('windows', () => {
  const spec = { lookback: 3, horizon: 2, stride: 1 };
  it('target starts cover [lo, hi) anchored at the end', () => {
    // n=10, inputs from row 0: t0 from 3 to 8 (targets 8,9 end at hi-1)
    expect(windowStarts(spec, 0, 0, 10)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(windowStarts({ ...spec, stride: 2 }, 0, 0, 10)).toEqual([4, 6, 8]);
    expect(windowStarts(spec, 0, 7, 10)).toEqual([7, 8]);
    expect(windowStarts(spec, 0, 9, 10)).toEqual([]);
  });

  it('lays out [count, L, F] inputs (target first) and [count, H] targets', () => {
    const target = Float64Array.from([0, 1, 2, 3, 4, 5]);
    const other = Float64Array.from([10, 11, 12, 13, 14, 15]);
    const w = buildWindows([target, other], target, [3, 4], spec);
    expect(Array.from(w.x.subarray(0, 6))).toEqual([0, 10, 1, 11, 2, 12]);
    expect(Array.from(w.y)).toEqual([3, 4, 4, 5]);
    expect(w.count).toBe(2);
  });

  it('locates non-finite values by data row', () => {
    const t = Float64Array.from([0, 1, NaN, 3, 4, 5]);
    const w = buildWindows([t], t, [4], spec);
    expect(findNonFinite(w, 'x')).toEqual({ window: 0, row: 2 });
  });
});
