import { describe, expect, it } from 'vitest';
import { seasonalityTest, SEASONALITY_Z } from './seasonality';

describe('seasonalityTest (M-competition 90% test)', () => {
  it('matches the hand-derived ACF and threshold of 1,2,3,4 repeated three times', () => {
    // mean 2.5, deviations d = (−1.5, −0.5, 0.5, 1.5) ×3; c0 = Σd² = 15.
    // Σ d_t d_{t+1} = 3·1.25 + 2·(1.5·−1.5) = −0.75 → r1 = −0.05
    // Σ d_t d_{t+2} = 10 · (−0.75) = −7.5 → r2 = −0.5
    // Σ d_t d_{t+3} = 2·(−2.25 + 0.75 − 0.25 + 0.75) − 2.25 = −4.25 → r3 = −0.283333…
    // Σ d_t d_{t+4} = 2·5 = 10 → r4 = 0.666667
    // threshold = 1.6449·√((1 + 2·(0.0025 + 0.25 + 0.0802778))/12) = 0.612799
    const x = Float64Array.from([1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4]);
    const t = seasonalityTest(x, 4);
    expect(t.rm).toBeCloseTo(10 / 15, 12);
    const sum = 0.05 ** 2 + 0.5 ** 2 + (4.25 / 15) ** 2;
    expect(t.threshold).toBeCloseTo(SEASONALITY_Z * Math.sqrt((1 + 2 * sum) / 12), 12);
    expect(t.threshold).toBeCloseTo(0.612799, 5);
    expect(t.seasonal).toBe(true);
    expect(t.skipped).toBeNull();
  });

  it('a linear trend is not seasonal at m = 4 (|r_4| below the bound)', () => {
    // x = 1..12, d_t = t − 6.5: c0 = Σd² = 143; Σ d_t d_{t+k} = 107.25, 72.5, 39.75, 10 for
    // k = 1..4 (c_k = Σ_{i} (i − 5.5)(i + k − 5.5) over i = 0..11−k), so r4 = 10/143 = 0.0699.
    const x = Float64Array.from({ length: 12 }, (_, i) => i + 1);
    const t = seasonalityTest(x, 4);
    expect(t.rm).toBeCloseTo(10 / 143, 12);
    const r = [107.25 / 143, 72.5 / 143, 39.75 / 143];
    const bound = SEASONALITY_Z * Math.sqrt((1 + 2 * r.reduce((a, v) => a + v * v, 0)) / 12);
    expect(t.threshold).toBeCloseTo(bound, 10);
    expect(t.seasonal).toBe(false);
  });

  it('is skipped without a period, with fewer than 3 seasons, and for a constant series', () => {
    expect(seasonalityTest(Float64Array.from([1, 2, 3, 4, 5, 6, 7]), 1).skipped).toBe(
      'no seasonal period (m = 1)',
    );
    expect(seasonalityTest(new Float64Array(11).fill(1), 4).skipped).toBe(
      '11 values, fewer than 3 seasons (12)',
    );
    const c = seasonalityTest(new Float64Array(12).fill(3), 4);
    expect([c.seasonal, c.skipped]).toEqual([false, 'constant series']);
  });
});
