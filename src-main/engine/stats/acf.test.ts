import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { acf, acfBartlettBand, defaultNlags } from './acf';
import { REFERENCE_KEYS, referenceFor, worstRelativeError } from './referenceFixture.testkit';

describe('acf against statsmodels 0.13.5', () => {
  it.each(REFERENCE_KEYS)('%s', (key) => {
    const ref = referenceFor(key);
    const x = referenceSeries(key);
    expect(x.length).toBe(ref.n);
    // The reference used nlags = min(40, n//2 − 1).
    const nlags = Math.min(40, Math.floor(x.length / 2) - 1);
    const r = acf(x, nlags);
    expect(worstRelativeError(r, ref.acf)).toBeLessThan(1e-8);
    const band = acfBartlettBand(r, x.length);
    expect(
      worstRelativeError(
        band,
        ref.acf_band_lo.map((v) => -v),
      ),
    ).toBeLessThan(1e-8);
  });
});

describe('acf by hand', () => {
  it('x = 1,2,3,4: demeaned −1.5,−.5,.5,1.5, c0 = 5, c1 = −.75+−.25+.75 ... r1 = 1.25/5', () => {
    // c1 = (−1.5)(−.5) + (−.5)(.5) + (.5)(1.5) = 1.25; c2 = (−1.5)(.5) + (−.5)(1.5) = −1.5
    expect(acf(Float64Array.from([1, 2, 3, 4]), 2)).toEqual([1, 0.25, -0.3]);
  });

  it('Bartlett band: lag 0 is 0, lag 1 is z/√n, lag 2 adds 2·r1²', () => {
    const band = acfBartlettBand([1, 0.5, 0.2], 100);
    const z = 1.959963984540054;
    expect(band[0]).toBe(0);
    expect(band[1]).toBeCloseTo(z / 10, 14);
    expect(band[2]).toBeCloseTo(z * Math.sqrt(1.5 / 100), 14);
  });

  it('defaultNlags follows min(⌊10 log10 n⌋, ⌊n/2⌋ − 1)', () => {
    expect(defaultNlags(100)).toBe(20);
    expect(defaultNlags(1000)).toBe(30);
    expect(defaultNlags(20)).toBe(9);
    expect(defaultNlags(144)).toBe(21);
  });

  it('rejects too many lags', () => {
    expect(() => acf(Float64Array.from([1, 2, 3]), 3)).toThrow(RangeError);
  });
});
