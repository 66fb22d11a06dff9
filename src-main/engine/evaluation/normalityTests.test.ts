import { describe, it, expect } from 'vitest';
import { jarqueBera, oneSampleTTest } from './normalityTests';

const x = Float64Array.from([1, 2, 3, 4, 10, 2.5, 3.3, -1, 0.2, 7.5, 4.4, 3.9]);

describe('jarqueBera', () => {
  it('matches scipy.stats.jarque_bera / skew / kurtosis (scipy 1.17.1)', () => {
    const r = jarqueBera(x);
    expect(r.statistic).toBeCloseTo(1.2018923077362564, 12);
    expect(r.pValue).toBeCloseTo(0.5482926214142545, 12);
    expect(r.skewness).toBeCloseTo(0.7673435219472609, 12);
    expect(r.excessKurtosis).toBeCloseTo(0.22027322300907937, 12);
    expect(r.kurtosis).toBeCloseTo(3.22027322300907937, 12);
  });

  it('hand case 1,2,3,4,10: m2 = 10, m3 = 36, m4 = 278.8', () => {
    const r = jarqueBera(Float64Array.from([1, 2, 3, 4, 10]));
    const skew = 36 / 10 ** 1.5;
    const exKurt = 278.8 / 100 - 3;
    expect(r.skewness).toBeCloseTo(skew, 14);
    expect(r.excessKurtosis).toBeCloseTo(exKurt, 14);
    const jb = (5 / 6) * (skew ** 2 + exKurt ** 2 / 4);
    expect(r.statistic).toBeCloseTo(jb, 14);
    expect(r.pValue).toBeCloseTo(Math.exp(-jb / 2), 12); // χ²(2) survival is exp(−x/2)
  });
});

describe('oneSampleTTest', () => {
  it('matches scipy.stats.ttest_1samp(x, 0)', () => {
    const r = oneSampleTTest(x);
    expect(r.statistic).toBeCloseTo(3.9008452338042505, 12);
    expect(r.pValue).toBeCloseTo(0.0024729786433814417, 12);
    expect(r.df).toBe(11);
  });
});
