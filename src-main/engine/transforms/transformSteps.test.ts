import { describe, it, expect } from 'vitest';
import { applyStep, applyTransforms, boxCox, inverseBoxCox } from './transformSteps';

describe('transform steps', () => {
  it('first difference: [1,4,9,16] -> [NaN,3,5,7]', () => {
    const d = applyStep(Float64Array.from([1, 4, 9, 16]), { kind: 'diff' });
    expect(Number.isNaN(d[0])).toBe(true);
    expect(Array.from(d.subarray(1))).toEqual([3, 5, 7]);
  });

  it('seasonal difference with m=2: [1,2,4,7,11] -> [NaN,NaN,3,5,7]', () => {
    const d = applyStep(Float64Array.from([1, 2, 4, 7, 11]), { kind: 'seasonalDiff', period: 2 });
    expect(Array.from(d.subarray(2))).toEqual([3, 5, 7]);
    expect(Number.isNaN(d[1])).toBe(true);
  });

  it('Box-Cox closed forms: lambda=1 is v-1, lambda=0.5 is 2(sqrt(v)-1), lambda=0 is log', () => {
    expect(boxCox(5, 1)).toBeCloseTo(4, 12);
    expect(boxCox(9, 0.5)).toBeCloseTo(4, 12); // 2*(3-1)
    expect(boxCox(Math.E, 0)).toBeCloseTo(1, 12);
    expect(inverseBoxCox(4, 0.5)).toBeCloseTo(9, 12);
  });

  it('log rejects non-positive values naming the row', () => {
    expect(() => applyStep(Float64Array.from([1, 0]), { kind: 'log' })).toThrow(/row 1/);
  });

  it('chains steps and accumulates the offset', () => {
    const r = applyTransforms(Float64Array.from([1, 2, 4, 8, 16, 32]), [
      { kind: 'log' },
      { kind: 'diff' },
      { kind: 'seasonalDiff', period: 2 },
    ]);
    expect(r.offset).toBe(3);
    expect(r.levels).toHaveLength(4);
    // log2-spaced values: diff of logs is constant ln 2, so the seasonal difference is 0
    for (const v of r.values.subarray(3)) expect(v).toBeCloseTo(0, 12);
  });
});
