import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { kpssTest } from './kpss';
import { REFERENCE_KEYS, expectStatisticAndPValue, referenceFor } from './referenceFixture.testkit';

describe('kpss(x, regression="c", nlags="auto") against statsmodels 0.13.5', () => {
  it.each(REFERENCE_KEYS)('%s', (key) => {
    const ref = referenceFor(key).kpss;
    const r = kpssTest(referenceSeries(key));
    expect(r.lags).toBe(ref.lags);
    expectStatisticAndPValue(r, ref);
    const expectedClip = ref.pvalue === 0.01 ? 'below' : ref.pvalue === 0.1 ? 'above' : null;
    expect(r.pValueClipped).toBe(expectedClip);
  });
});

describe('kpss by hand', () => {
  it('x = 1,2,3,4 with 0 lags: η = Σ S_t² / n² = (2.25+4+2.25+0)/16, s² = 5/4', () => {
    // residuals −1.5, −.5, .5, 1.5 → partial sums −1.5, −2, −1.5, 0
    const r = kpssTest(Float64Array.from([1, 2, 3, 4]), { nlags: 0 });
    expect(r.statistic).toBeCloseTo(8.5 / 16 / 1.25, 14);
    // 0.425 lies between 0.347 (p .10) and 0.463 (p .05): .10 − .05·(0.425 − .347)/(.463 − .347)
    expect(r.pValue).toBeCloseTo(0.1 - (0.05 * (0.425 - 0.347)) / (0.463 - 0.347), 14);
    expect(r.pValueClipped).toBeNull();
    expect(r.verdict).toMatch(/^Level stationarity not rejected at 5% \(p = 0.066\)/);
  });

  it('a trend is flagged with the table bound', () => {
    const r = kpssTest(Float64Array.from({ length: 200 }, (_, t) => t + Math.sin(t)));
    expect(r.pValue).toBe(0.01);
    expect(r.pValueClipped).toBe('below');
    expect(r.verdict).toBe(
      'Level stationarity rejected at 5% (p < 0.01, table bound): the series looks non-stationary.',
    );
  });
});
