import { describe, it, expect } from 'vitest';
import { defaultFitConfig, modelConfigOf, resolveFitConfig } from './fitConfig';

describe('defaultFitConfig', () => {
  it('monthly series of 144 rows: lookback 24, one step ahead', () => {
    const c = defaultFitConfig(144, 12, 'y');
    expect([c.lookback, c.horizon, c.units, c.epochs, c.patience, c.batchSize]).toEqual([
      24, 1, 32, 100, 10, 32,
    ]);
    expect([c.cell, c.optimizer, c.learningRate, c.scaler]).toEqual([
      'lstm',
      'adam',
      1e-3,
      'minmax',
    ]);
  });
  it('short non-seasonal series: lookback min(8, n/5), horizon 1', () => {
    const c = defaultFitConfig(40, 1);
    expect([c.lookback, c.horizon]).toEqual([8, 1]);
  });
  it('keeps at least 10 validation windows when the training part can spare them', () => {
    // 144 rows, test 29 → 115 before test; 15% = 17 rows ≥ 10 for horizon 1.
    expect(resolveFitConfig(144, 12, {}, 'y').valSize).toBeNull();
    // horizon 12: 10 windows need 21 validation rows, more than 15% of 115 (17).
    expect(resolveFitConfig(144, 12, { horizon: 12 }, 'y').valSize).toBe(21);
    // Too short to spare them: the classic path leaves the fraction alone (15% of 28 = 4 < h, so no
    // validation part); the forecasting pipeline keeps one window (h = 12 rows) since 28 − 12 ≥ 13.
    expect(
      resolveFitConfig(40, 1, { horizon: 12, normalisation: 'scaler' }, 'y').valSize,
    ).toBeNull();
    expect(resolveFitConfig(40, 1, { horizon: 12 }, 'y').valSize).toBe(12);
    expect(resolveFitConfig(30, 1, { horizon: 8 }, 'y').valSize).toBe(8); // 22 − 8 ≥ 9
    expect(resolveFitConfig(20, 1, { horizon: 8 }, 'y').valSize).toBeNull(); // 12 − 8 < 9
  });
  it('resolves the test size to at least one horizon and maps to a ModelConfig', () => {
    const c = resolveFitConfig(30, 1, { horizon: 8, features: ['x'] }, 'y');
    expect(c.testSize).toBe(8); // round(0.2*30)=6 < 8
    expect(c.target).toBe('y');
    expect(modelConfigOf(c).nFeatures).toBe(2);
  });
});
