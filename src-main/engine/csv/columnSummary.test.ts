import { describe, expect, it } from 'vitest';
import { mean, quantile, std, summarize, variance } from '../stats/descriptive';
import { fourStepSummary } from '../stats/fourStepSummary.testkit';
import { columnSummary } from './columnSummary';

describe('columnSummary', () => {
  it('summarises present values with type-7 quantiles and the times of the first and last value', () => {
    const s = columnSummary(
      Float64Array.from([NaN, 4, 1, 3, NaN, 2]),
      Float64Array.from([10, 20, 30, 40, 50, 60]),
    );
    // Values 1..4: mean 2.5, sample variance 5/3; quantile positions 0.75, 1.5, 2.25 in the sorted values.
    expect(s).toEqual({ ...fourStepSummary(1), missing: 2, firstTime: 20, lastTime: 60 });
  });

  it('returns nulls for an empty column and no std for one value', () => {
    expect(columnSummary(Float64Array.from([NaN]), Float64Array.from([1]))).toMatchObject({
      count: 0,
      missing: 1,
      mean: null,
      firstTime: null,
    });
    expect(columnSummary(Float64Array.from([7]), Float64Array.from([1]))).toMatchObject({
      count: 1,
      mean: 7,
      std: null,
      median: 7,
    });
  });
});

describe('columnSummary near the ends of the double range', () => {
  const U = 2 ** 1020;

  it('is exact for values near 1.8e308 (12..15 · 2^1020), where plain sums overflow', () => {
    const values = Float64Array.from([15, 13, 14, 12].map((k) => k * U));
    // Plain arithmetic: 15·2^1020 + 13·2^1020 is already past 1.8e308.
    expect((values[0] as number) + (values[1] as number)).toBe(Infinity);
    // By hand in units of 2^1020: mean 13.5; deviations ±1.5, ±0.5, so Σd² = 5 and s² = 5/3;
    // type-7 positions 0.75, 1.5, 2.25 in 12, 13, 14, 15.
    expect(columnSummary(values, Float64Array.from([1, 2, 3, 4]))).toEqual({
      ...fourStepSummary(12, U),
      missing: 0,
      firstTime: 1,
      lastTime: 4,
    });
  });

  it('gives the largest double itself as the mean of three of them, not Infinity', () => {
    const max = Number.MAX_VALUE;
    const s = columnSummary(Float64Array.from([max, max, max]), Float64Array.from([1, 2, 3]));
    expect([s.mean, s.std, s.min, s.median, s.max]).toEqual([max, 0, max, max, max]);
  });

  it('interpolates quantiles between ±1.8e308 without overflowing the difference', () => {
    const max = Number.MAX_VALUE;
    const s = columnSummary(Float64Array.from([-max, max]), Float64Array.from([1, 2]));
    // Median: position 0.5 between -max and max is 0; q25 is -max/2, q75 max/2.
    expect([s.q25, s.median, s.q75]).toEqual([-max / 2, 0, max / 2]);
    expect(s.mean).toBe(0);
  });

  it('keeps the spread of subnormal values (3, 1, 2 · 2^-1070), whose squares underflow', () => {
    const u = 2 ** -1070;
    expect(u * u).toBe(0);
    const s = columnSummary(Float64Array.from([3 * u, u, 2 * u]), Float64Array.from([1, 2, 3]));
    // Mean 2u, deviations u, -u, 0: s² = 2u²/2, s = u.
    expect([s.mean, s.std, s.median]).toEqual([2 * u, u, 2 * u]);
  });
});

describe('stats/descriptive near the ends of the double range', () => {
  const U = 2 ** 1020;
  const values = Float64Array.from([15, 13, 14, 12].map((k) => k * U));

  it('mean, std and quantiles are finite and exact; the variance itself is beyond range', () => {
    expect(mean(values)).toBe(13.5 * U);
    expect(std(values, 1)).toBe(Math.sqrt(5 / 3) * U);
    // (5/3)·2^2040 ≈ 1.9e614 is no double: Infinity is the honest answer for the variance.
    expect(variance(values, 1)).toBe(Infinity);
    expect(summarize(values)).toEqual(fourStepSummary(12, U));
    const max = Number.MAX_VALUE;
    expect(mean(Float64Array.from([max, max, max]))).toBe(max);
    expect(quantile(Float64Array.from([-max, max]), 0.5)).toBe(0);
  });

  it('keeps numpy-identical results on ordinary data (1..4)', () => {
    const x = Float64Array.from([4, 1, 3, 2]);
    expect([mean(x), variance(x, 1), std(x)]).toEqual([2.5, 5 / 3, Math.sqrt(1.25)]);
  });
});
