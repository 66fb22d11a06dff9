import { describe, expect, it } from 'vitest';
import { backtestVerdict, foldOutcome, signTestPValue } from './backtestVerdict';

const fold = (model: number, naive: number, seasonalNaive: number) => ({
  metrics: { rmse: model },
  baselines: { naive: { rmse: naive }, seasonalNaive: { rmse: seasonalNaive } },
});

describe('signTestPValue', () => {
  it('is exact for small n', () => {
    // n = 6, k = 6: 2 · (1/64) = 0.03125; k = 5: 2 · 7/64 = 0.21875; k = 3: 1
    expect(signTestPValue(6, 6)).toBe(0.03125);
    expect(signTestPValue(0, 6)).toBe(0.03125);
    expect(signTestPValue(5, 6)).toBe(0.21875);
    expect(signTestPValue(3, 6)).toBe(1);
  });
});

describe('backtestVerdict', () => {
  it('compares with the best baseline by mean RMSE and counts the folds', () => {
    // seasonal naive means 2, naive 5: seasonal naive is the best; the model wins all 6 folds.
    const folds = [1, 1, 1, 1, 1, 1].map((m) => fold(m, 5, 2));
    const v = backtestVerdict(folds);
    expect(v?.baseline).toBe('seasonalNaive');
    expect(v?.wins).toBe(6);
    expect(v?.outcome).toBe('beats');
    expect(v?.headline).toBe(
      'The model beats seasonal naive, the best baseline over the folds: mean RMSE 1 vs 2, lower in 6 of 6 folds, sign test p = 0.0313.',
    );
  });

  it('five wins of six is no significant difference', () => {
    const folds = [1, 1, 1, 1, 1, 3].map((m) => fold(m, 5, 2));
    const v = backtestVerdict(folds);
    expect(v?.outcome).toBe('no-difference');
    expect(v?.pValue).toBe(0.21875);
  });

  it('loses when the baseline wins every fold', () => {
    const v = backtestVerdict([3, 3, 3, 3, 3, 3].map((m) => fold(m, 5, 2)));
    expect(v?.outcome).toBe('loses');
  });

  it('one fold: untested', () => {
    expect(backtestVerdict([fold(1, 5, 2)])?.outcome).toBe('untested');
  });

  it('colours each fold by its own best baseline', () => {
    expect(foldOutcome(fold(1.5, 5, 2))).toBe('beats');
    expect(foldOutcome(fold(3, 5, 2))).toBe('loses');
    expect(foldOutcome(fold(2, 5, 2))).toBe('tie');
    expect(foldOutcome({ metrics: { rmse: null }, baselines: {} })).toBeNull();
  });
});
