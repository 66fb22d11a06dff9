import { describe, it, expect } from 'vitest';
import { meanForecast, naiveForecast, seasonalNaiveForecast } from './baselines';

const y = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

describe('baselines', () => {
  it('naive repeats the last value before each window', () => {
    expect(Array.from(naiveForecast(y, [6, 8], 2))).toEqual([6, 6, 8, 8]);
  });
  it('seasonal naive takes the last observed same-season value', () => {
    // m=3, t0=6: targets 6,7,8,9 -> rows 3,4,5,3 -> values 4,5,6,4
    expect(Array.from(seasonalNaiveForecast(y, [6], 4, 3))).toEqual([4, 5, 6, 4]);
    // m=4, t0=2: rows -2,-1 unavailable -> naive y[1]=2
    expect(Array.from(seasonalNaiveForecast(y, [2], 2, 4))).toEqual([2, 2]);
  });
  it('mean uses the training rows only', () => {
    expect(Array.from(meanForecast(y, 4, 2, 1))).toEqual([2.5, 2.5]);
  });
});
