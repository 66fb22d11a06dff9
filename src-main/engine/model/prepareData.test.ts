import { describe, it, expect } from 'vitest';
import { prepareData, selectColumns, type DataSpec } from './prepareData';

const n = 60;
const y = Float64Array.from({ length: n }, (_, t) => 5 + Math.sin(t / 3) + t / 10);
const z = Float64Array.from({ length: n }, (_, t) => Math.cos(t));
const spec: DataSpec = {
  target: 'y',
  features: ['z'],
  transforms: [{ kind: 'diff' }],
  scaler: 'minmax',
  window: { lookback: 5, horizon: 3, stride: 1 },
};

describe('prepareData', () => {
  it('keeps windows inside their part and fits the scaler on training rows only', () => {
    const p = prepareData(selectColumns({ y, z }, spec), spec, { testSize: 12, valSize: 6 });
    expect(p.split).toEqual({ n, valStart: 42, testStart: 48 });
    for (const t0 of p.train.targetStarts) expect(t0 + 3).toBeLessThanOrEqual(42);
    for (const t0 of p.val.targetStarts) expect(t0 >= 42 && t0 + 3 <= 48).toBe(true);
    for (const t0 of p.test.targetStarts) expect(t0).toBeGreaterThanOrEqual(48);
    expect(p.test.targetStarts.at(-1)).toBe(n - 3);
    // min of z over rows 0..41 (the diff target starts at row 1)
    expect(p.scaler.offset[1]).toBeCloseTo(Math.min(...z.subarray(0, 42)), 12);
  });

  it('leakage: changing test values changes neither the scaler nor earlier windows', () => {
    const a = prepareData(selectColumns({ y, z }, spec), spec, { testSize: 12, valSize: 6 });
    const y2 = y.slice();
    const z2 = z.slice();
    y2[55] = 999;
    z2[50] = -999;
    const b = prepareData(selectColumns({ y: y2, z: z2 }, spec), spec, {
      testSize: 12,
      valSize: 6,
    });
    expect(b.scaler).toEqual(a.scaler);
    expect(Array.from(b.train.x)).toEqual(Array.from(a.train.x));
    expect(Array.from(b.val.x)).toEqual(Array.from(a.val.x));
    // test windows whose inputs end before row 50 are unchanged too
    const per = 5 * 2;
    a.test.targetStarts.forEach((t0, w) => {
      if (t0 <= 50)
        expect(Array.from(b.test.x.subarray(w * per, (w + 1) * per))).toEqual(
          Array.from(a.test.x.subarray(w * per, (w + 1) * per)),
        );
    });
  });

  it('names missing columns and non-finite rows', () => {
    expect(() => selectColumns({ y }, spec)).toThrow(/"z"/);
    const bad = y.slice();
    bad[7] = NaN;
    expect(() => selectColumns({ y: bad, z }, spec)).toThrow(/row 7/);
  });
});
