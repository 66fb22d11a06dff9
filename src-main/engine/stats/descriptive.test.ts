import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { mean, quantile, std, summarize, variance } from './descriptive';
import { fourStepSummary } from './fourStepSummary.testkit';
import { REFERENCE_KEYS, referenceFor, relativeError } from './referenceFixture.testkit';

describe('mean and std (ddof 1) against numpy via the reference', () => {
  it.each(REFERENCE_KEYS)('%s', (key) => {
    const ref = referenceFor(key);
    const x = referenceSeries(key);
    const s = summarize(x);
    expect(s.count).toBe(ref.n);
    expect(relativeError(s.mean, ref.mean)).toBeLessThan(1e-12);
    expect(relativeError(s.std, ref.std_ddof1)).toBeLessThan(1e-12);
  });
});

describe('descriptive by hand', () => {
  const x = Float64Array.from([4, 1, 3, 2]);

  it('mean, variance with ddof', () => {
    expect(mean(x)).toBe(2.5);
    expect(variance(x)).toBe(1.25); // (2.25 + 0.25 + 0.25 + 2.25)/4
    expect(variance(x, 1)).toBeCloseTo(5 / 3, 15);
    expect(std(x, 1)).toBeCloseTo(Math.sqrt(5 / 3), 15);
    expect(Number.isNaN(variance(Float64Array.from([1]), 1))).toBe(true);
  });

  it('linear quantiles (type 7): position q·(n−1) in the sorted data', () => {
    // sorted 1,2,3,4: q25 at 0.75 → 1.75, median at 1.5 → 2.5, q75 at 2.25 → 3.25
    expect(quantile(x, 0.25)).toBe(1.75);
    expect(quantile(x, 0.5)).toBe(2.5);
    expect(quantile(x, 0.75)).toBe(3.25);
    expect(quantile(x, 0)).toBe(1);
    expect(quantile(x, 1)).toBe(4);
  });

  it('summarize', () => {
    // x is 1, 2, 3, 4 (unsorted): mean 2.5, s² = 5/3, quantiles 1.75, 2.5, 3.25.
    expect(summarize(x)).toEqual(fourStepSummary(1));
  });
});
