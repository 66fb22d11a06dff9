import { describe, expect, it } from 'vitest';
import { columnSummary } from './columnSummary';

describe('columnSummary', () => {
  it('summarises present values with type-7 quantiles and the times of the first and last value', () => {
    const s = columnSummary(
      Float64Array.from([NaN, 4, 1, 3, NaN, 2]),
      Float64Array.from([10, 20, 30, 40, 50, 60]),
    );
    // Values 1..4: mean 2.5, sample variance 5/3; quantile positions 0.75, 1.5, 2.25 in the sorted values.
    expect(s).toEqual({
      count: 4,
      missing: 2,
      mean: 2.5,
      std: Math.sqrt(5 / 3),
      min: 1,
      q25: 1.75,
      median: 2.5,
      q75: 3.25,
      max: 4,
      firstTime: 20,
      lastTime: 60,
    });
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
