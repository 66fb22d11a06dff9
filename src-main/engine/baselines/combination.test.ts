import { describe, expect, it } from 'vitest';
import { combineForecasts } from './combination';

describe('combineForecasts', () => {
  const paths = [
    [1, 2, 3],
    [3, 6, Number.NaN],
    [2, 10, 5],
  ];
  it('takes the step-wise median, leaving out missing values', () => {
    expect(Array.from(combineForecasts(paths))).toEqual([2, 6, 4]);
  });
  it('or the mean', () => {
    expect(Array.from(combineForecasts(paths, 'mean'))).toEqual([2, 6, 4]);
    expect(Array.from(combineForecasts([[1], [2], [6]], 'mean'))).toEqual([3]);
  });
  it('is NaN where no path has a value, and pads to the longest path', () => {
    const out = combineForecasts([[1], [Number.NaN, 4]]);
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(4);
    expect(Number.isNaN(combineForecasts([[Number.NaN]])[0])).toBe(true);
  });
});
