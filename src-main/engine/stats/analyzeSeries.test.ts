import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { acf } from './acf';
import { analyzeSeries, OLS_PACF_MAX_N } from './analyzeSeries';
import { pacfOls, pacfYuleWalker } from './pacf';
import { ar1Series } from './syntheticSeries';
import { referenceFor, relativeError, worstRelativeError } from './referenceFixture';

describe('analyzeSeries', () => {
  const key = 'AirPassengers.csv:AirPassengers';
  const ref = referenceFor(key);
  const result = analyzeSeries(referenceSeries(key), { nlags: 40, seasonalPeriod: 12 });

  it('bundles the statsmodels-matching pieces', () => {
    expect(result.n).toBe(144);
    expect(worstRelativeError(result.acf.values, ref.acf)).toBeLessThan(1e-8);
    expect(worstRelativeError(result.pacf.values, ref.pacf_yw_adjusted)).toBeLessThan(1e-8);
    expect(worstRelativeError(result.pacf.ols ?? [], ref.pacf_ols)).toBeLessThan(1e-8);
    expect(relativeError(result.pacf.band, ref.pacf_band)).toBeLessThan(1e-14);
    expect(relativeError(result.adf?.statistic ?? NaN, ref.adf.stat)).toBeLessThan(1e-8);
    expect(result.kpss?.lags).toBe(ref.kpss.lags);
    expect(relativeError(result.ljungBox?.pValue ?? NaN, ref.ljung_box_10.pvalue, 0)).toBeLessThan(
      1e-6,
    );
    expect(relativeError(result.summary.std, ref.std_ddof1)).toBeLessThan(1e-12);
  });

  it('explains a trending, seasonal, non-stationary series', () => {
    const text = result.hints.join('\n');
    expect(text).toMatch(/decays slowly/);
    expect(text).toMatch(/lag 12/);
    expect(text).toMatch(/agree: the series looks non-stationary/);
    expect(result.adf?.verdict).toBe(
      'Unit root not rejected at 5% (p = 0.99): the series looks non-stationary.',
    );
    expect(result.kpss?.verdict).toMatch(
      /^Level stationarity rejected at 5% \(p < 0.01, table bound\)/,
    );
    expect(result.acf.method).toBe('ACF (not adjusted), 95% Bartlett band');
  });

  it('is plain JSON (no typed arrays) and survives a round trip', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('uses the default lag count and the OLS PACF on request', () => {
    const r = analyzeSeries(referenceSeries('Nile.csv:Nile'), { pacfMethod: 'ols' });
    expect(r.nlags).toBe(20);
    expect(r.pacf.values).toEqual(r.pacf.ols);
    expect(r.pacf.label).toMatch(/OLS/);
  });

  it('rejects tiny or non-finite input', () => {
    expect(() => analyzeSeries(Float64Array.from([1, 2, 3]))).toThrow(RangeError);
    expect(() => analyzeSeries(Float64Array.from([1, 2, 3, 4, 5, 6, 7, NaN, 9]))).toThrow(
      RangeError,
    );
  });

  it('shares one autocovariance pass and fits the OLS PACF on long series with the fast solver', () => {
    const x = ar1Series(OLS_PACF_MAX_N + 5000, 0.9, 4);
    const r = analyzeSeries(x, { nlags: 12 });
    expect(r.acf.values).toEqual(acf(x, 12));
    expect(r.pacf.ywadjusted).toEqual(pacfYuleWalker(x, 12));
    expect(r.pacf.ols).toEqual(pacfOls(x, 12));
    expect(r.notes).toEqual([]);
    const exact = analyzeSeries(x.subarray(0, 3000), { nlags: 12, solver: 'exact' });
    const fast = analyzeSeries(x.subarray(0, 3000), { nlags: 12 });
    expect(Math.abs((fast.adf?.statistic ?? NaN) - (exact.adf?.statistic ?? NaN))).toBeLessThan(
      1e-9,
    );
  });
});
