import { describe, expect, it } from 'vitest';
import { fitShortArima, kpssDifferences } from './shortArima';
import { readFixture } from './referenceFixtures.testkit';

const { cases } = readFixture<{ cases: { id: string; y: number[] }[] }>('classical-auto.json');
const series = (id: string): Float64Array =>
  Float64Array.from(cases.find((c) => c.id === id)?.y ?? []);

describe('fitShortArima (series below the arima package minimum)', () => {
  it('differences a trending series once (KPSS at 5%), not a level one', () => {
    const trend = Float64Array.from({ length: 15 }, (_, t) => 10 + 3 * t + ((t * 7) % 5) - 2);
    expect(kpssDifferences(trend)).toBe(1);
    const level = Float64Array.from({ length: 15 }, (_, t) => 10 + ((t * 7) % 5) - 2);
    expect(kpssDifferences(level)).toBe(0);
  });

  it('M1 YAC12 (13 values): ARIMA(0,1,0) with the mean step as drift, as R finds', () => {
    const y = series('YAC12');
    expect(y).toHaveLength(13);
    const fit = fitShortArima(y);
    expect(fit.order).toEqual({ p: 0, d: 1, q: 0, P: 0, D: 0, Q: 0, s: 0 });
    // The ML drift of a random walk with drift is the mean step.
    expect(fit.coefficients.drift).toBeCloseTo(((y[12] as number) - (y[0] as number)) / 12, 6);
  });

  it('refuses fewer than 6 values', () => {
    expect(() => fitShortArima(Float64Array.from([1, 2, 3, 4, 5]))).toThrow(/needs at least 6/);
  });
});
