import { describe, it, expect } from 'vitest';
import {
  differencingWeights,
  expandPolynomials,
  oneStepForecasts,
  type SarimaCoefficients,
} from './arimaFilter';

const none: SarimaCoefficients = { ar: [], ma: [], sar: [], sma: [], mean: 0, drift: 0 };
const x = Float64Array.from([5, 7, 6, 9, 8, 11, 10, 13, 12, 15]);

describe('expandPolynomials', () => {
  it('multiplies the seasonal factors (Box-Jenkins signs in, right-hand-side coefficients out)', () => {
    // (1 − 0.5B)(1 − 0.3B⁴): AR lags 1: 0.5, 4: 0.3, 5: −0.15
    // (1 − 0.4B)(1 − 0.6B⁴) on the MA side: e-lags 1: −0.4, 4: −0.6, 5: +0.24
    const { ar, ma } = expandPolynomials(
      { p: 1, d: 0, q: 1, P: 1, D: 0, Q: 1, s: 4 },
      { ...none, ar: [0.5], ma: [0.4], sar: [0.3], sma: [0.6] },
    );
    expect(Array.from(ar)).toEqual([0, 0.5, 0, 0, 0.3, -0.15]);
    expect(ma[1]).toBeCloseTo(-0.4, 15);
    expect(ma[4]).toBeCloseTo(-0.6, 15);
    expect(ma[5]).toBeCloseTo(0.24, 15);
  });
});

describe('differencingWeights', () => {
  it('gives y_t − z_t as a combination of past y', () => {
    expect(Array.from(differencingWeights(1, 0, 0))).toEqual([0, 1]); // y_{t−1}
    expect(Array.from(differencingWeights(2, 0, 0))).toEqual([0, 2, -1]); // 2y_{t−1} − y_{t−2}
    // (1 − B)(1 − B³) = 1 − B − B³ + B⁴
    expect(Array.from(differencingWeights(1, 1, 3))).toEqual([0, 1, 0, 1, -1]);
  });
});

describe('oneStepForecasts', () => {
  it('random walk ARIMA(0,1,0): forecast = previous value', () => {
    const f = oneStepForecasts(x, { p: 0, d: 1, q: 0, P: 0, D: 0, Q: 0, s: 0 }, none, 5);
    expect(Array.from(f)).toEqual([8, 11, 10, 13, 12]);
  });

  it('random walk with drift adds the slope', () => {
    const f = oneStepForecasts(
      x,
      { p: 0, d: 1, q: 0, P: 0, D: 0, Q: 0, s: 0 },
      { ...none, drift: 0.5 },
      8,
    );
    expect(Array.from(f)).toEqual([13.5, 12.5]);
  });

  it('AR(1) with mean: μ + φ(x_{t−1} − μ)', () => {
    const f = oneStepForecasts(
      x,
      { p: 1, d: 0, q: 0, P: 0, D: 0, Q: 0, s: 0 },
      { ...none, ar: [0.6], mean: 10 },
      1,
    );
    x.slice(0, -1).forEach((prev, i) => expect(f[i]).toBeCloseTo(10 + 0.6 * (prev - 10), 12));
  });

  it('MA(1): x̂_t = −θ·e_{t−1} with e_0 = x_0 (hand recursion)', () => {
    // θ = 0.5 (Box-Jenkins): x̂_1 = −0.5·5 = −2.5, e_1 = 7 + 2.5 = 9.5, x̂_2 = −4.75
    const f = oneStepForecasts(
      x,
      { p: 0, d: 0, q: 1, P: 0, D: 0, Q: 0, s: 0 },
      { ...none, ma: [0.5] },
      1,
    );
    expect(f[0]).toBeCloseTo(-2.5, 12);
    expect(f[1]).toBeCloseTo(-4.75, 12);
  });

  it('seasonal naive ARIMA(0,0,0)(0,1,0)[4]: forecast = value one season back', () => {
    const f = oneStepForecasts(x, { p: 0, d: 0, q: 0, P: 0, D: 1, Q: 0, s: 4 }, none, 4);
    expect(Array.from(f)).toEqual(Array.from(x.slice(0, 6)));
  });

  it('replaces a missing actual by its own forecast', () => {
    const withGap = Float64Array.from([1, 2, Number.NaN, 4]);
    const f = oneStepForecasts(withGap, { p: 0, d: 1, q: 0, P: 0, D: 0, Q: 0, s: 0 }, none, 1);
    expect(Array.from(f)).toEqual([1, 2, 2]);
  });
});
