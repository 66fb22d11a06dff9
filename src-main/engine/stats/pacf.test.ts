import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { pacfBand, pacfOls, pacfYuleWalker } from './pacf';
import {
  REFERENCE_KEYS,
  referenceFor,
  worstRelativeError,
  relativeError,
} from './referenceFixture.testkit';

describe('pacf against statsmodels 0.13.5', () => {
  it.each(REFERENCE_KEYS)('%s', (key) => {
    const ref = referenceFor(key);
    const x = referenceSeries(key);
    const nlags = Math.min(40, Math.floor(x.length / 2) - 1);
    expect(worstRelativeError(pacfYuleWalker(x, nlags), ref.pacf_yw_adjusted)).toBeLessThan(1e-8);
    expect(worstRelativeError(pacfOls(x, nlags), ref.pacf_ols)).toBeLessThan(1e-8);
    expect(relativeError(pacfBand(x.length), ref.pacf_band)).toBeLessThan(1e-14);
  });
});

describe('pacf by hand', () => {
  it('lag 1 of Yule-Walker adjusted is c1/(n−1) ÷ c0/n', () => {
    // x = 1..5 demeaned −2..2: c0 = 10, c1 = 2+0+0+2 = 4 → (4/4)/(10/5) = 0.5
    expect(pacfYuleWalker(Float64Array.from([1, 2, 3, 4, 5]), 1)[1]).toBeCloseTo(0.5, 15);
  });

  it('OLS lag 1 of an exact AR(1) with intercept recovers the coefficient', () => {
    // x_t = 2 + 0.5 x_{t−1} exactly, plus a non-collinear start: the regression is exact.
    const x = new Float64Array(30);
    x[0] = 7;
    for (let t = 1; t < x.length; t++) x[t] = 2 + 0.5 * (x[t - 1] as number);
    expect(pacfOls(x, 1)[1]).toBeCloseTo(0.5, 12);
  });
});
