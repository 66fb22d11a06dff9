import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { adfDefaultMaxlag, adfTest } from './adf';
import { mackinnonCriticalValues, mackinnonPValue } from './mackinnon';
import { REFERENCE_KEYS, expectAdfAgrees, referenceFor } from './referenceFixture.testkit';

describe('adfuller(x, regression="c", autolag="AIC") against statsmodels 0.13.5', () => {
  it.each(REFERENCE_KEYS)('%s', (key) => {
    const ref = referenceFor(key).adf;
    const r = adfTest(referenceSeries(key));
    expectAdfAgrees(r, ref);
  });
});

describe('ADF pieces', () => {
  it('default maxlag: ceil(12 (n/100)^¼) capped at n//2 − 2', () => {
    expect(adfDefaultMaxlag(144)).toBe(14); // 12·1.0954 = 13.1 → 14
    expect(adfDefaultMaxlag(100)).toBe(12);
    expect(adfDefaultMaxlag(20)).toBe(8); // 12·0.669 → 9, capped at 10 − 2
  });

  it('asymptotic critical values are the 2010 constants; p-value bounds are 0 and 1', () => {
    expect(mackinnonCriticalValues(Number.POSITIVE_INFINITY)['5%']).toBe(-2.86154);
    expect(mackinnonPValue(3)).toBe(1);
    expect(mackinnonPValue(-20)).toBe(0);
    // At τ* = −1.61 the small-p polynomial applies: Φ(2.1659 − 1.4412·1.61 + 0.038269·1.61²).
    const z = 2.1659 - 1.4412 * 1.61 + 0.038269 * 1.61 * 1.61;
    expect(mackinnonPValue(-1.61)).toBeCloseTo(0.5 * (1 + erfApprox(z / Math.SQRT2)), 6);
  });

  it('fixed lag without autolag reports the given lag and a stationary verdict for white-ish noise', () => {
    // Deterministic, strongly mean-reverting sequence: x_t = (−0.5)^t·10 + small periodic term.
    const x = Float64Array.from({ length: 80 }, (_, t) => 10 * (-0.5) ** t + Math.sin(t * 2.1));
    const r = adfTest(x, { autolag: null, maxlag: 2 });
    expect(r.usedLag).toBe(2);
    expect(r.nobs).toBe(80 - 1 - 2);
    expect(r.icBest).toBeNull();
    expect(r.pValue).toBeLessThan(0.05);
    expect(r.verdict).toMatch(/^Unit root rejected at 5%/);
  });
});

/** Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7), an independent check on the normal CDF use. */
function erfApprox(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-a * a);
  return s * y;
}
