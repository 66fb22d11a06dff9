import { describe, expect, it } from 'vitest';
import { deseasonalise, reseasonalise, seasonalFigure } from './decomposition';
import { adjustSeries, decidePreprocessing, unadjust } from './preprocessing';

const s = [0.8, 1.2, 0.9, 1.1];

describe('classical decomposition', () => {
  it('recovers the figure of a level series times a seasonal pattern exactly', () => {
    // The 2×4 moving average of 10·s is 10·mean(s) = 10 everywhere it is defined, so the
    // detrended ratios are s itself.
    const x = Float64Array.from({ length: 16 }, (_, t) => 10 * (s[t % 4] as number));
    const figure = seasonalFigure(x, 4, 'multiplicative');
    Array.from(figure).forEach((v, i) => expect(v).toBeCloseTo(s[i] as number, 12));
    const add = seasonalFigure(
      Float64Array.from({ length: 16 }, (_, t) => 5 + [-2, 3, -1, 0][t % 4]!),
      4,
      'additive',
    );
    Array.from(add).forEach((v, i) => expect(v).toBeCloseTo([-2, 3, -1, 0][i] as number, 12));
  });

  it('deseasonalise then reseasonalise is the identity, from any start row', () => {
    const x = Float64Array.from([3, 7, 2, 9, 4, 8]);
    for (const mode of ['multiplicative', 'additive'] as const) {
      for (const start of [0, 3, 5]) {
        const back = reseasonalise(deseasonalise(x, s, mode, start), s, mode, start);
        Array.from(back).forEach((v, i) => expect(v).toBeCloseTo(x[i] as number, 12));
      }
    }
    // Row 5 has index s[5 mod 4] = 1.2: 4 / 1.2.
    expect(deseasonalise([4], s, 'multiplicative', 5)[0]).toBeCloseTo(4 / 1.2, 12);
  });

  it('decides on the training part only: rows after fitEnd change nothing', () => {
    const x = Float64Array.from({ length: 48 }, (_, t) => (100 + t) * (s[t % 4] as number));
    const changed = Float64Array.from(x);
    for (let t = 36; t < 48; t++) changed[t] = 1 + t;
    const a = decidePreprocessing(x, 36, 4, { seasonality: 'auto', normalisation: 'auto' });
    const b = decidePreprocessing(changed, 36, 4, { seasonality: 'auto', normalisation: 'auto' });
    expect(a.seasonal.mode).toBe('multiplicative');
    expect(b.seasonal.figure).toEqual(a.seasonal.figure);
    const adjusted = adjustSeries(x, a.seasonal);
    const back = unadjust(adjusted.subarray(40), 40, a.seasonal);
    Array.from(back).forEach((v, i) => expect(v).toBeCloseTo(x[40 + i] as number, 10));
  });

  it('uses an additive adjustment and difference normalisation for data that are not positive', () => {
    const x = Float64Array.from({ length: 48 }, (_, t) => 0.1 * t + [-2, 3, -1, 0][t % 4]!);
    const p = decidePreprocessing(x, 40, 4, { seasonality: 'auto', normalisation: 'auto' });
    expect(p.seasonal.mode).toBe('additive');
    expect(p.norm.kind).toBe('difference');
  });
});
