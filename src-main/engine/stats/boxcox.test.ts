import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { boxCox, inverseBoxCox } from '../transforms/transformSteps';
import {
  boxcox,
  boxcoxLambdaMle,
  boxcoxLogLikelihood,
  boxcoxValue,
  invBoxcox,
  invBoxcoxValue,
} from './boxcox';
import { REFERENCE_KEYS, referenceFor, relativeError } from './referenceFixture.testkit';

const KEYS = REFERENCE_KEYS.filter((k) => referenceFor(k).boxcox_lambda_mle !== undefined);

describe('scipy.stats.boxcox λ (MLE) against the reference', () => {
  it.each(KEYS)('%s', (key) => {
    const expected = referenceFor(key).boxcox_lambda_mle as number;
    expect(relativeError(boxcoxLambdaMle(referenceSeries(key)), expected)).toBeLessThan(1e-6);
  });
});

describe('Box-Cox transform', () => {
  it('λ = 0 is the log, λ = 1 shifts by one, λ = 2 is (x² − 1)/2', () => {
    const x = Float64Array.from([0.5, 1, 4]);
    expect(Array.from(boxcox(x, 0))).toEqual([Math.log(0.5), 0, Math.log(4)]);
    expect(Array.from(boxcox(x, 1))).toEqual([-0.5, 0, 3]);
    const sq = boxcox(x, 2);
    expect(sq[0]).toBeCloseTo(-0.375, 15);
    expect(sq[2]).toBeCloseTo(7.5, 14);
  });

  it('invBoxcox undoes boxcox', () => {
    // Kept where x^λ is not within ~1e-8 of 0 relative to 1: there (λy + 1) cancels and the round
    // trip is ill-conditioned by nature, whatever the implementation.
    const x = Float64Array.from([0.8, 3, 40]);
    for (const lambda of [-3.4, -0.5, 0, 0.15, 1.46, 26.6]) {
      const back = invBoxcox(boxcox(x, lambda), lambda);
      back.forEach((v, i) => expect(relativeError(v, x[i] as number)).toBeLessThan(1e-9));
    }
  });

  it('the log-likelihood is maximal at the fitted λ', () => {
    const x = referenceSeries('AirPassengers.csv:AirPassengers');
    const lambda = boxcoxLambdaMle(x);
    const best = boxcoxLogLikelihood(x, lambda);
    expect(boxcoxLogLikelihood(x, lambda - 0.01)).toBeLessThan(best);
    expect(boxcoxLogLikelihood(x, lambda + 0.01)).toBeLessThan(best);
  });

  it('rejects non-positive data', () => {
    expect(() => boxcoxLambdaMle(Float64Array.from([1, 0, 2]))).toThrow(RangeError);
  });
});

describe('the fit pipeline uses this Box-Cox (exact at tiny λ)', () => {
  it('λ = 1e-12 on 13067.3: ln v + λ ln²v / 2, and the round trip returns the value', () => {
    const v = 13067.3;
    const lambda = 1e-12;
    const z = boxCox(v, lambda);
    const logV = Math.log(v);
    // (v^λ − 1)/λ = ln v · (1 + λ ln v / 2 + …); pow-based (v^λ − 1)/λ gave 9.47797.
    expect(Math.abs(z - logV * (1 + (lambda * logV) / 2)) / logV).toBeLessThan(1e-15);
    expect(Math.abs(inverseBoxCox(z, lambda) - v) / v).toBeLessThan(1e-14);
    expect(boxCox(v, lambda)).toBe(boxcoxValue(v, lambda));
    expect(inverseBoxCox(z, lambda)).toBe(invBoxcoxValue(z, lambda));
  });
});
