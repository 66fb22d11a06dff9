import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { residualDiagnostics } from './residualDiagnostics';

// actual = 10 + 3 sin(1.3 i) + 0.1 i, predicted = 10 + 2.8 sin(1.3 i + 0.2), i = 0..29.
// Reference numbers from numpy 2.4 / scipy 1.17.1 on the same residuals (script in the comments):
// Ljung-Box Q = n(n+2) Σ_{k≤6} r_k²/(n−k) with r_k the biased ACF, p = chi2.sf(Q, 6).
const n = 30;
const actual = Float64Array.from({ length: n }, (_, i) => 10 + Math.sin(i * 1.3) * 3 + 0.1 * i);
const predicted = Float64Array.from({ length: n }, (_, i) => 10 + Math.sin(i * 1.3 + 0.2) * 2.8);

describe('residualDiagnostics', () => {
  const d = residualDiagnostics(actual, predicted);

  it('computes residuals, mean and ddof-1 std', () => {
    expect(d.residuals[0]).toBeCloseTo(-0.556274126226171, 12);
    expect(d.n).toBe(30);
    expect(d.mean).toBeCloseTo(1.4314504899976768, 12);
    expect(d.std).toBeCloseTo(0.9690620047823638, 12);
  });

  it('builds the Freedman-Diaconis histogram like numpy', () => {
    expect(Array.from(d.histogram.counts)).toEqual([3, 8, 6, 8, 5]);
    expect(d.histogram.edges[1]).toBeCloseTo(0.19096708251469674, 12);
  });

  it('gives Q-Q points with plotting positions (i − 0.5)/n', () => {
    expect(d.qq.theoretical[0]).toBeCloseTo(-2.128045234184984, 9);
    expect(d.qq.theoretical[n - 1]).toBeCloseTo(2.128045234184984, 9);
    expect(d.qq.sample[0]).toBeCloseTo(-2.051184141380365, 12);
  });

  it('gives the residual ACF with the ±1.96/√n white-noise band', () => {
    expect(d.acf.values).toHaveLength(15); // statsmodels default nlags min(14, 14) + lag 0
    expect(d.acf.values[1]).toBeCloseTo(0.7606423301503609, 12);
    expect(d.acf.values[2]).toBeCloseTo(0.4837451912150249, 12);
    expect(d.acf.band).toBeCloseTo(1.959963984540054 / Math.sqrt(30), 12);
  });

  it('runs Ljung-Box at min(10, n/5) = 6 lags, Jarque-Bera and the mean t-test', () => {
    expect(d.ljungBox?.lags).toBe(6);
    expect(d.ljungBox?.statistic).toBeCloseTo(62.93138902394571, 9);
    expect(d.ljungBox?.pValue ?? 0).toBeCloseTo(1.1398658553940419e-11, 18);
    expect(d.jarqueBera.statistic).toBeCloseTo(0.8746173439226413, 12);
    expect(d.jarqueBera.pValue).toBeCloseTo(0.6457720689123234, 12);
    expect(d.meanZeroTTest.statistic).toBeCloseTo(8.090686864764999, 10);
    expect(d.meanZeroTTest.pValue).toBeCloseTo(6.373093058180853e-9, 15);
  });

  it('states verdicts in words', () => {
    expect(d.verdicts.mean).toMatch(/systematically too low \(under-forecasting\)/);
    expect(d.verdicts.autocorrelation).toMatch(/^The residuals are autocorrelated/);
    expect(d.verdicts.normality).toMatch(/^No significant departure from normality/);
  });

  it('drops missing pairs and refuses fewer than 4 residuals', () => {
    const a = Float64Array.from([1, Number.NaN, 3, 4, 5, 6]);
    const p = Float64Array.from([0, 0, Number.NaN, 0, 0, 0]);
    expect(residualDiagnostics(a, p).n).toBe(4);
    expect(() => residualDiagnostics(a.slice(0, 3), p.slice(0, 3))).toThrow(/at least 4/);
  });
});

describe('residual Ljung-Box with fitted ARMA parameters', () => {
  it('takes model_df off the χ² degrees of freedom, as acorr_ljungbox(model_df=2)', () => {
    const x = referenceSeries('Nile.csv:Nile');
    const d = residualDiagnostics(x, new Float64Array(x.length), { modelDf: 2 });
    // statsmodels 0.13.5: acorr_ljungbox(Nile, lags=[10], model_df=2) (stats-options.json)
    expect(d.ljungBox?.lags).toBe(10);
    expect(d.ljungBox?.df).toBe(8);
    expect(Math.abs((d.ljungBox?.statistic ?? NaN) / 88.12687155129981 - 1)).toBeLessThan(1e-8);
    expect(Math.abs((d.ljungBox?.pValue ?? NaN) / 1.115488849839937e-15 - 1)).toBeLessThan(1e-6);
    expect(d.verdicts.autocorrelation).toMatch(
      /Q\(10\) = 88.1 on 8 df \(2 fitted ARMA parameters\)/,
    );
    expect(residualDiagnostics(x, new Float64Array(x.length)).ljungBox?.df).toBe(10);
  });
});
