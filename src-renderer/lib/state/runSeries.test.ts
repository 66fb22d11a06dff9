import { describe, expect, it } from 'vitest';
import { coverageGap, pText, runActualSeries } from './runSeries';

describe('runActualSeries', () => {
  it('keeps each time once across overlapping validation and test windows, in time order', () => {
    // Horizon 2, stride 1: validation windows [1,2],[2,3]; test windows [3,4],[4,5].
    const validation = { times: [1, 2, 2, 3], actual: [10, 20, 20, 30] };
    const test = { times: [3, 4, 4, 5], actual: [30, 40, 40, 50] };
    expect(runActualSeries({ validation, test } as never)).toEqual({
      times: [1, 2, 3, 4, 5],
      values: [10, 20, 30, 40, 50],
    });
  });
  it('works without a validation part', () => {
    const test = { times: [5, 4], actual: [50, 40] };
    expect(runActualSeries({ validation: null, test } as never)).toEqual({
      times: [4, 5],
      values: [40, 50],
    });
  });
});

describe('coverageGap', () => {
  it('is the empirical coverage minus the nominal level', () => {
    // 0.9 covered at a nominal 0.95: 5 points short.
    expect(coverageGap(0.95, 0.9)).toBeCloseTo(-0.05, 12);
    expect(coverageGap(0.8, null)).toBeNull();
  });
});

describe('pText', () => {
  it('writes an equals sign only for shown values', () => {
    expect(pText(0.01234)).toBe('p = 0.0123');
    expect(pText(1e-7)).toBe('p < 0.0001');
    expect(pText(null)).toBe('p = —');
  });
});
