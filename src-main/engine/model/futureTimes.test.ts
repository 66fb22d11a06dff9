import { describe, it, expect } from 'vitest';
import { inferNextTimes } from './futureTimes';

describe('inferNextTimes', () => {
  it('index time: continues the median step', () => {
    expect(inferNextTimes(Float64Array.from([1, 2, 3, 4]))(4, 3)).toEqual([5, 6, 7]);
  });
  it('monthly epoch ms: calendar months (Nov 1960 -> Dec 1960, Jan 1961)', () => {
    const t = Float64Array.from([
      Date.UTC(1960, 8, 1),
      Date.UTC(1960, 9, 1),
      Date.UTC(1960, 10, 1),
    ]);
    expect(inferNextTimes(t)(Date.UTC(1960, 10, 1), 2)).toEqual([
      Date.UTC(1960, 11, 1),
      Date.UTC(1961, 0, 1),
    ]);
  });
  it('quarterly epoch ms: three months per step', () => {
    const t = Float64Array.from([Date.UTC(2000, 0, 1), Date.UTC(2000, 3, 1), Date.UTC(2000, 6, 1)]);
    expect(inferNextTimes(t)(Date.UTC(2000, 6, 1), 1)).toEqual([Date.UTC(2000, 9, 1)]);
  });
});
