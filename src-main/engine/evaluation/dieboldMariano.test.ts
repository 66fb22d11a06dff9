import { describe, it, expect } from 'vitest';
import { readSharedJson } from '../testing/sharedData';
import { studentTSf } from '../stats/distributions';
import {
  autocovariances,
  dieboldMarianoTest,
  pairedTTest,
  type Alternative,
} from './dieboldMariano';

interface DmCase {
  e1: number[];
  e2: number[];
  h: number;
  power: 1 | 2;
  alternative: Alternative;
  statistic: number;
  p_value: number;
}
const reference = readSharedJson<{ source: string; cases: DmCase[] }>(
  'reference/dm-test-reference.json',
);

function relClose(actual: number, expected: number, tol = 1e-8): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    tol * Math.max(Math.abs(expected), 1e-300),
  );
}

describe('dieboldMarianoTest against R forecast::dm.test 8.20', () => {
  it('has the 24 reference cases', () => {
    expect(reference.cases).toHaveLength(24);
  });

  it.each(reference.cases.map((c, i) => [i, c] as const))(
    'case %i matches statistic and p-value to 1e-8 relative',
    (_i, c) => {
      const r = dieboldMarianoTest(Float64Array.from(c.e1), Float64Array.from(c.e2), {
        h: c.h,
        power: c.power,
        alternative: c.alternative,
      });
      relClose(r.statistic, c.statistic);
      relClose(r.pValue, c.p_value);
      expect(r.n).toBe(c.e1.length);
      expect(r.verdict.length).toBeGreaterThan(10);
    },
  );
});

describe('dieboldMarianoTest details', () => {
  it('autocovariances use the mean-centred sum over n (hand: d = 1,2,3,4)', () => {
    // mean 2.5, deviations −1.5,−0.5,0.5,1.5: γ0 = 5/4, γ1 = (0.75 − 0.25 + 0.75)/4 = 0.3125
    const g = autocovariances(Float64Array.from([1, 2, 3, 4]), 1);
    expect(g[0]).toBeCloseTo(1.25, 14);
    expect(g[1]).toBeCloseTo(0.3125, 14);
  });

  it('reports identical forecasts as untestable instead of throwing', () => {
    const e = Float64Array.from([1, -2, 3, 0.5]);
    const r = dieboldMarianoTest(e, e, { h: 1 });
    expect(Number.isNaN(r.statistic)).toBe(true);
    expect(r.verdict).toMatch(/No test possible/);
  });

  it('names the better forecast when the difference is clear', () => {
    const e1 = Float64Array.from({ length: 50 }, (_, i) => 0.1 * Math.sin(i));
    const e2 = Float64Array.from({ length: 50 }, (_, i) => 1 + Math.cos(i));
    const r = dieboldMarianoTest(e1, e2, { power: 2 });
    expect(r.pValue).toBeLessThan(0.001);
    expect(r.verdict).toMatch(/^Forecast 1 is significantly more accurate than forecast 2/);
  });
});

describe('pairedTTest', () => {
  it('matches the textbook formula for d = 1, 2, 3, 4, 10', () => {
    // mean = 4, sum sq dev = 9+4+1+0+36 = 50, s² = 12.5, se = sqrt(12.5/5) = 1.5811388300841898
    const r = pairedTTest(Float64Array.from([1, 2, 3, 4, 10]));
    const t = 4 / Math.sqrt(2.5);
    expect(r.df).toBe(4);
    expect(r.statistic).toBeCloseTo(t, 12);
    expect(r.pValue).toBeCloseTo(2 * studentTSf(t, 4), 12);
    // scipy.stats.ttest_1samp([1,2,3,4,10], 0) → t = 2.5298221281347035, p = 0.06460756... (two-sided)
    expect(r.statistic).toBeCloseTo(2.5298221281347035, 12);
    expect(r.pValue).toBeGreaterThan(0.064);
    expect(r.pValue).toBeLessThan(0.065);
  });
});
