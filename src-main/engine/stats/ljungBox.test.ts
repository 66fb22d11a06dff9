import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { defaultLjungBoxLag, ljungBox } from './ljungBox';
import { REFERENCE_KEYS, referenceFor, relativeError } from './referenceFixture.testkit';

describe('acorr_ljungbox(x, lags=[10]) against statsmodels 0.13.5', () => {
  it.each(REFERENCE_KEYS)('%s', (key) => {
    const ref = referenceFor(key).ljung_box_10;
    const r = ljungBox(referenceSeries(key), 10);
    expect(relativeError(r.statistic, ref.stat)).toBeLessThan(1e-8);
    // Several reference p-values underflow to exactly 0; the rest go down to 1e-177.
    if (ref.pvalue === 0) expect(r.pValue).toBe(0);
    else expect(relativeError(r.pValue, ref.pvalue, 0)).toBeLessThan(1e-6);
  });
});

describe('Ljung-Box by hand', () => {
  it('x = 1,2,3,4, lag 1: Q = 4·6·(0.25²/3) = 0.5, p = χ²₁ sf(0.5)', () => {
    const r = ljungBox(Float64Array.from([1, 2, 3, 4]), 1);
    expect(r.statistic).toBeCloseTo(0.5, 14);
    // scipy.stats.chi2.sf(0.5, 1)
    expect(r.pValue).toBeCloseTo(0.4795001221869535, 12);
    expect(r.verdict).toBe(
      'No significant autocorrelation up to lag 1 (p = 0.48): close to white noise.',
    );
  });

  it('model degrees of freedom reduce the χ² df; none left gives NaN', () => {
    const x = Float64Array.from({ length: 50 }, (_, t) => Math.sin(t * 0.7) + Math.cos(t * 2.3));
    const full = ljungBox(x, 5);
    const adjusted = ljungBox(x, 5, 2);
    expect(adjusted.statistic).toBe(full.statistic);
    expect(adjusted.df).toBe(3);
    expect(adjusted.pValue).toBeLessThan(full.pValue);
    expect(Number.isNaN(ljungBox(x, 2, 2).pValue)).toBe(true);
  });

  it('default lag is min(10, n/5)', () => {
    expect(defaultLjungBoxLag(144)).toBe(10);
    expect(defaultLjungBoxLag(36)).toBe(7);
  });
});
