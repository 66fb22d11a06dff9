import { describe, it, expect } from 'vitest';
import { defaultFitConfig, modelConfigOf, resolveFitConfig } from './fitConfig';

describe('defaultFitConfig', () => {
  it('monthly series of 144 rows: lookback 24, horizon 12', () => {
    const c = defaultFitConfig(144, 12, 'y');
    expect([c.lookback, c.horizon, c.units, c.epochs, c.patience, c.batchSize]).toEqual([
      24, 12, 32, 100, 10, 32,
    ]);
    expect([c.cell, c.optimizer, c.learningRate, c.scaler]).toEqual([
      'lstm',
      'adam',
      1e-3,
      'minmax',
    ]);
  });
  it('short non-seasonal series: lookback min(12, n/5), horizon 1', () => {
    const c = defaultFitConfig(40, 1);
    expect([c.lookback, c.horizon]).toEqual([8, 1]);
  });
  it('resolves the test size to at least one horizon and maps to a ModelConfig', () => {
    const c = resolveFitConfig(30, 1, { horizon: 8, features: ['x'] }, 'y');
    expect(c.testSize).toBe(8); // round(0.2*30)=6 < 8
    expect(c.target).toBe('y');
    expect(modelConfigOf(c).nFeatures).toBe(2);
  });
});
