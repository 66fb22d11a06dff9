import { describe, it, expect } from 'vitest';
import { normalQuantile } from '../stats/distributions';
import {
  allBounded,
  conformalIntervals,
  conformalQuantile,
  empiricalCoverage,
  modelBasedIntervals,
} from './conformal';
import { mulberry32 } from '../../shared/random';

describe('conformalQuantile', () => {
  it('takes rank ⌈(n+1)(1−α)⌉ of the sorted absolute residuals (hand-worked)', () => {
    const r = [3, -1, 2, -5, 4];
    // n = 5: α = 0.2 → ⌈4.8⌉ = 5 → 5; α = 0.5 → ⌈3⌉ = 3 → 3; α = 0.6 → ⌈2.4⌉ = 3 → 3
    expect(conformalQuantile(r, 0.2)).toMatchObject({ value: 5, rank: 5, n: 5 });
    expect(conformalQuantile(r, 0.5)).toMatchObject({ value: 3, rank: 3 });
    expect(conformalQuantile(r, 0.6)).toMatchObject({ value: 3, rank: 3 });
    // α = 0.7 → ⌈1.8⌉ = 2 → 2
    expect(conformalQuantile(r, 0.7).value).toBe(2);
  });

  it('is Infinity, with a reason, when the rank exceeds n', () => {
    const q = conformalQuantile([1, 2, 3, 4, 5], 0.05);
    // ⌈6·0.95⌉ = 6 > 5; needs n ≥ 0.95/0.05 = 19
    expect(q.value).toBe(Number.POSITIVE_INFINITY);
    expect(q.rank).toBe(6);
    expect(q.note).toMatch(/needs at least 19/);
  });

  it('does not let floating error push an exact integer rank up (n = 19, α = 0.05 → rank 19)', () => {
    const r = Array.from({ length: 19 }, (_, i) => i + 1);
    expect(conformalQuantile(r, 0.05)).toMatchObject({ value: 19, rank: 19 });
  });
});

describe('conformalIntervals and empiricalCoverage', () => {
  it('calibrates each horizon step separately (hand-worked, 4 calibration windows, H = 2)', () => {
    // step-1 |res| = 1,2,3,4 ; step-2 |res| = 10,20,30,40. Level 0.6 → α = 0.4 → rank ⌈5·0.6⌉ = 3.
    const cal = Float64Array.from([1, -10, -2, 20, 3, 30, -4, -40]);
    const preds = Float64Array.from([100, 200]);
    const [band] = conformalIntervals(preds, cal, 2, [0.6]);
    expect(Array.from(band?.halfWidth ?? [])).toEqual([3, 30]);
    expect(Array.from(band?.lower ?? [])).toEqual([97, 170]);
    expect(Array.from(band?.upper ?? [])).toEqual([103, 230]);
    expect(band?.notes).toEqual([]);
  });

  it('coverage counts inclusive bounds and skips NaN actuals', () => {
    expect(empiricalCoverage([1, 2, 3, Number.NaN], [1, 0, 4, 0], [1, 1, 5, 0])).toBeCloseTo(
      1 / 3,
      15,
    );
  });

  it('covers 80% and 95% within ±2 points on 20,000 Gaussian test points', () => {
    const random = mulberry32(2024);
    const gauss = (): number => {
      const u = 1 - random();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    };
    const sigma = [1, 2.5]; // the noise grows with the horizon step
    const H = 2;
    const calWindows = 20_000;
    const testWindows = 10_000;
    const cal = new Float64Array(calWindows * H);
    for (let i = 0; i < cal.length; i++) cal[i] = (sigma[i % H] as number) * gauss();
    // The predictor knows the true mean, so residuals are pure noise.
    const truth = Float64Array.from({ length: testWindows * H }, (_, i) => Math.sin(i / 50) * 10);
    const actual = truth.map((m, i) => m + (sigma[i % H] as number) * gauss());
    const bands = conformalIntervals(truth, cal, H, [0.8, 0.95]);
    for (const band of bands) {
      const coverage = empiricalCoverage(actual, band.lower, band.upper);
      expect(Math.abs(coverage - band.level)).toBeLessThan(0.02);
      // Half-widths approach the Gaussian quantiles z_{(1+level)/2}·σ_h (loose 5% check).
      const z = normalQuantile((1 + band.level) / 2);
      band.halfWidth.forEach((hw, h) => expect(hw / (z * (sigma[h] as number))).toBeCloseTo(1, 1));
    }
  });

  it('reports unbounded intervals per step when calibration is too small', () => {
    // 6 windows: step-1 |res| = 1,3,…,11. 80%: rank ⌈7·0.8⌉ = 6 → 11; 95%: rank ⌈6.65⌉ = 7 > 6.
    const cal = Float64Array.from({ length: 12 }, (_, i) => i + 1);
    const [b80, b95] = conformalIntervals(new Float64Array(2), cal, 2);
    expect(b80?.halfWidth[0]).toBe(11);
    expect(b80?.notes).toEqual([]);
    expect(b95?.halfWidth[0]).toBe(Number.POSITIVE_INFINITY);
    expect(b95?.notes).toHaveLength(2);
  });
});

describe('modelBasedIntervals (the fallback when calibration is short)', () => {
  /** Predictions 100, 200, 50, 60 (horizon 2) against reference forecast 10, 20 with the band
   * [8, 12], [15, 25] at the given level. */
  function handWorkedBand(scale: 'absolute' | 'relative', level: number) {
    const predictions = Float64Array.from([100, 200, 50, 60]);
    const reference = {
      forecast: [10, 20],
      bands: [{ level, lower: [8, 15], upper: [12, 25] }],
      scale,
    };
    const [band] = modelBasedIntervals(predictions, 2, reference, [level]);
    return band;
  }

  it('carries absolute half-widths per step over to the predictions (hand-worked)', () => {
    // 80% bands: half-widths 2 and 5.
    const band = handWorkedBand('absolute', 0.8);
    expect(Array.from(band?.halfWidth ?? [])).toEqual([2, 5]);
    expect(Array.from(band?.lower ?? [])).toEqual([98, 195, 48, 55]);
    expect(Array.from(band?.upper ?? [])).toEqual([102, 205, 52, 65]);
  });

  it('scales relative half-widths with the level of each prediction (hand-worked)', () => {
    // Fractions 2/10 = 0.2 and 5/20 = 0.25: 100 ± 20, 200 ± 50, 50 ± 10, 60 ± 15.
    const band = handWorkedBand('relative', 0.95);
    expect(Array.from(band?.lower ?? [])).toEqual([80, 150, 40, 45]);
    expect(Array.from(band?.upper ?? [])).toEqual([120, 250, 60, 75]);
    // Mean half-width over the two windows: (20 + 10)/2 and (50 + 15)/2.
    expect(Array.from(band?.halfWidth ?? [])).toEqual([15, 32.5]);
  });

  it('allBounded is false as soon as one step of one level is unbounded', () => {
    const cal = Float64Array.from({ length: 12 }, (_, i) => i + 1);
    expect(allBounded(conformalIntervals(new Float64Array(2), cal, 2, [0.8]))).toBe(true);
    expect(allBounded(conformalIntervals(new Float64Array(2), cal, 2, [0.8, 0.95]))).toBe(false);
  });
});
