// Series near the limits of a double: every statistic except the summary is scale-invariant, so
// AirPassengers times 2^1000 (values up to 1.0e304, whose squares overflow) must give the
// statsmodels values of AirPassengers itself, and a finite summary of the scaled values.
import { describe, expect, it } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { analyzeSeries, rescaledForStatistics } from './analyzeSeries';
import { referenceFor, relativeError, worstRelativeError } from './referenceFixture.testkit';

describe('analyzeSeries on values near 1.8e308', () => {
  const key = 'AirPassengers.csv:AirPassengers';
  const ref = referenceFor(key);
  const base = referenceSeries(key);
  const huge = base.map((v) => v * 2 ** 1000);
  const result = analyzeSeries(huge, { nlags: 40, seasonalPeriod: 12 });

  it('rescales by an exact power of two only outside [2^-200, 2^200]', () => {
    expect(rescaledForStatistics(base)).toBe(base);
    const scaled = rescaledForStatistics(huge);
    // max 622 · 2^1000 → times 2^-1009: AirPassengers / 512 exactly.
    expect(Array.from(scaled)).toEqual(Array.from(base, (v) => v / 512));
  });

  it('gives statsmodels’ statistics of the unscaled series', () => {
    expect(worstRelativeError(result.acf.values, ref.acf)).toBeLessThan(1e-8);
    expect(worstRelativeError(result.pacf.ywadjusted, ref.pacf_yw_adjusted)).toBeLessThan(1e-8);
    expect(relativeError(result.adf?.statistic ?? NaN, ref.adf.stat)).toBeLessThan(1e-8);
    expect(result.kpss?.lags).toBe(ref.kpss.lags);
    expect(relativeError(result.kpss?.statistic ?? NaN, ref.kpss.stat)).toBeLessThan(1e-8);
    expect(relativeError(result.ljungBox?.pValue ?? NaN, ref.ljung_box_10.pvalue, 0)).toBeLessThan(
      1e-6,
    );
  });

  it('summarises the values themselves, finitely', () => {
    expect(relativeError(result.summary.std, ref.std_ddof1 * 2 ** 1000)).toBeLessThan(1e-12);
  });
});
