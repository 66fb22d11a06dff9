import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { acf } from './acf';
import { analyzeSeries, OLS_PACF_MAX_N } from './analyzeSeries';
import { pacfOls, pacfYuleWalker } from './pacf';
import { ar1Series } from './syntheticSeries.testkit';
import { referenceFor, relativeError, worstRelativeError } from './referenceFixture.testkit';

describe('analyzeSeries', () => {
  const key = 'AirPassengers.csv:AirPassengers';
  const ref = referenceFor(key);
  const result = analyzeSeries(referenceSeries(key), { nlags: 40, seasonalPeriod: 12 });

  it('bundles the statsmodels-matching pieces', () => {
    expect(result.n).toBe(144);
    expect(worstRelativeError(result.acf.values, ref.acf)).toBeLessThan(1e-8);
    expect(worstRelativeError(result.pacf.ywadjusted, ref.pacf_yw_adjusted)).toBeLessThan(1e-8);
    expect(
      worstRelativeError(
        (result.pacf.ols ?? []).map((v) => v ?? NaN),
        ref.pacf_ols,
      ),
    ).toBeLessThan(1e-8);
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
    expect(text).toMatch(/Seasonality with period 12: the seasonality test/);
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

describe('analyzeSeries with the test options', () => {
  it('announces capped lags', () => {
    const r = analyzeSeries(ar1Series(240, 0.5, 3), { nlags: 500 });
    expect(r.nlags).toBe(119);
    expect(r.nlagsRequested).toBe(500);
    expect(r.notes).toContain(
      'Lags capped at 119 (asked for 500): the PACF needs fewer lags than half the 240 values.',
    );
    expect(analyzeSeries(ar1Series(240, 0.5, 3), { nlags: 119 }).nlagsRequested).toBeUndefined();
  });

  it('labels every result with what was run', () => {
    const x = referenceSeries('UKgas.csv:UKgas');
    const r = analyzeSeries(x, {
      seasonalPeriod: 4,
      adf: { regression: 'ct', autolag: 'BIC' },
      kpss: { regression: 'ct', nlags: 'legacy' },
      ljungBox: { lags: [12, 24], modelDf: 2, boxPierce: true },
      boxcoxMethod: 'guerrero',
    });
    // statsmodels: adfuller(x, regression="ct", autolag="BIC") picks lag 4 of 13.
    expect(r.adf?.usedLag).toBe(4);
    expect(r.labels.adf).toBe(
      'ADF, constant + trend, lag 4 chosen by BIC (max 13), MacKinnon p-value',
    );
    expect(r.labels.kpss).toBe(
      'KPSS trend stationarity, Bartlett kernel, 13 lags by ⌈12·(n/100)^¼⌉, table p-value (0.01–0.10, clipped outside)',
    );
    expect(r.labels.ljungBox).toBe(
      'Ljung-Box and Box-Pierce Q at lags 12, 24, χ² df = lags − 2 fitted parameters',
    );
    expect(r.portmanteau?.rows.map((row) => [row.lags, row.df])).toEqual([
      [12, 10],
      [24, 22],
    ]);
    expect(r.ljungBox?.lags).toBe(12);
    expect(r.boxcox?.label).toBe('Box-Cox λ by Guerrero (blocks of 4, λ in [−1, 2])');
    // R: forecast::BoxCox.lambda(ts(UKgas, frequency = 4), method = "guerrero")
    expect(relativeError(r.boxcox?.lambda ?? NaN, -0.44570228282182273)).toBeLessThan(1e-8);
    expect(r.notes).toEqual([]);
  });

  it('leaves out OLS PACF lags that a 0/1 step series cannot identify, and says why', () => {
    const x = Float64Array.from({ length: 40 }, (_, t) => (t >= 30 ? 1 : 0));
    const r = analyzeSeries(x, { nlags: 19, pacfMethod: 'ols' });
    expect(r.pacf.missing.map((m) => m.lag)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(r.pacf.values[10]).toBeNull();
    expect(r.pacf.values[1]).toBeCloseTo(0.9666666666666668, 14);
    expect(r.notes).toContain(r.pacf.missing[0]?.reason);
  });
});
