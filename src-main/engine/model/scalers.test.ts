import { describe, it, expect } from 'vitest';
import { fitScaler, linearQuantile, scale, unscale } from './scalers';

const x = Float64Array.from([4, 1, 7, 10, 3]);

describe('scalers (scikit-learn formulas by hand)', () => {
  it('minmax [0,1]: (x - 1) / 9', () => {
    const p = fitScaler('minmax', [x]);
    expect(Array.from(scale(p, x))).toEqual(
      [3 / 9, 0, 6 / 9, 1, 2 / 9].map((v) => expect.closeTo(v, 12)),
    );
  });

  it('minmax [-1,1]: 2 (x - 1) / 9 - 1', () => {
    const p = fitScaler('minmax', [x], { featureRange: [-1, 1] });
    const s = scale(p, x);
    [3, 0, 6, 9, 2].forEach((d, i) => expect(s[i]).toBeCloseTo((2 * d) / 9 - 1, 12));
  });

  it('standard uses ddof 0: mean 5, var = (1+16+4+25+4)/5 = 10', () => {
    const p = fitScaler('standard', [x]);
    expect(p.offset[0]).toBeCloseTo(5, 12);
    expect(p.scale[0]).toBeCloseTo(Math.sqrt(10), 12);
  });

  it('robust: median 4, IQR from numpy linear quantiles (q25=3, q75=7)', () => {
    // sorted 1,3,4,7,10; q25 at pos 1 -> 3; q75 at pos 3 -> 7
    const p = fitScaler('robust', [x]);
    expect(p.offset[0]).toBe(4);
    expect(p.scale[0]).toBe(4);
    // even length: sorted 1,2,3,4 -> q25 at pos .75 = 1.75, q75 at pos 2.25 = 3.25, median 2.5
    const q = fitScaler('robust', [Float64Array.from([4, 2, 1, 3])]);
    expect(q.offset[0]).toBe(2.5);
    expect(q.scale[0]).toBeCloseTo(1.5, 12);
    expect(linearQuantile(Float64Array.from([1, 2, 3, 4]), 0.25)).toBe(1.75);
  });

  it('constant columns get scale 1 like sklearn', () => {
    const c = Float64Array.from([2, 2, 2]);
    for (const kind of ['minmax', 'standard', 'robust'] as const) {
      expect(fitScaler(kind, [c]).scale[0]).toBe(1);
    }
  });

  it('per column, none is the identity, and unscale inverts scale', () => {
    const y = Float64Array.from([100, 300, 200]);
    const p = fitScaler('standard', [x, y]);
    expect(p.offset[1]).toBeCloseTo(200, 12);
    const back = unscale(p, scale(p, y, 1), 1);
    back.forEach((v, i) => expect(v).toBeCloseTo(y[i] ?? NaN, 10));
    expect(Array.from(scale(fitScaler('none', [x]), x))).toEqual(Array.from(x));
  });

  it('refuses non-finite training values', () => {
    expect(() => fitScaler('minmax', [Float64Array.from([1, NaN])])).toThrow(/row 1/);
  });
});
