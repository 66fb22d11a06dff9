import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { stl } from './stl';
import { REFERENCE_KEYS, referenceFor, worstRelativeError } from './referenceFixture.testkit';

const STL_KEYS = REFERENCE_KEYS.filter((k) => referenceFor(k).stl !== undefined);

describe('STL(x, period).fit() against statsmodels 0.13.5', () => {
  it('covers the monthly and quarterly references', () => {
    expect(STL_KEYS.length).toBeGreaterThanOrEqual(5);
  });

  it.each(STL_KEYS)('%s', (key) => {
    const ref = referenceFor(key).stl;
    if (ref === undefined) throw new Error('filtered above');
    const r = stl(referenceSeries(key), ref.period);
    // Seasonal and residual components cross zero, so judge them against the series scale.
    const scale = Math.max(...ref.trend.map(Math.abs));
    expect(worstRelativeError(r.trend, ref.trend)).toBeLessThan(1e-8);
    expect(worstRelativeError(r.seasonal, ref.seasonal, scale * 1e-4)).toBeLessThan(1e-8);
    expect(worstRelativeError(r.resid, ref.resid, scale * 1e-4)).toBeLessThan(1e-8);
  });
});

describe('STL properties', () => {
  const period = 12;
  const x = Float64Array.from(
    { length: 120 },
    (_, t) => 50 + 0.3 * t + 8 * Math.sin((2 * Math.PI * t) / period),
  );

  it('components add back to the series', () => {
    const r = stl(x, period);
    r.trend.forEach((tr, i) => {
      expect(tr + (r.seasonal[i] as number) + (r.resid[i] as number)).toBeCloseTo(
        x[i] as number,
        10,
      );
    });
  });

  it('a line plus an exact sinusoid separates into trend and season with small residuals', () => {
    const r = stl(x, period);
    const maxResid = Math.max(...r.resid.map(Math.abs));
    expect(maxResid).toBeLessThan(0.5);
    // Seasonal amplitude close to 8 in the middle of the series.
    const mid = r.seasonal.slice(48, 60);
    expect(Math.max(...mid)).toBeGreaterThan(7);
  });

  it('robust fitting downweights an outlier that the plain fit absorbs', () => {
    const spiked = Float64Array.from(x);
    spiked[60] = (spiked[60] as number) + 200;
    const robust = stl(spiked, period, { robust: true });
    const plain = stl(spiked, period);
    expect(robust.weights[60]).toBe(0);
    expect(Math.abs((robust.resid[60] as number) - 200)).toBeLessThan(
      Math.abs((plain.resid[60] as number) - 200),
    );
    // Points at or below the median residual get (1 − (1/6)²)² ≈ 0.95 or more: at least half of them.
    expect(robust.weights.filter((w) => w > 0.9).length).toBeGreaterThanOrEqual(60);
  });

  it('validates spans', () => {
    expect(() => stl(x, 1)).toThrow(RangeError);
    expect(() => stl(x, 12, { seasonal: 8 })).toThrow(RangeError);
    expect(() => stl(x, 12, { trend: 11 })).toThrow(RangeError);
  });
});
