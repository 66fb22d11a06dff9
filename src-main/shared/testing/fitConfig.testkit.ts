// The settings of a small classic LSTM run as a run record holds them (one-step windows of 4, a
// min-max scaler, 10 test rows), for fixtures of run records and of the form's defaults; each test
// overrides what it varies.
import type { FitConfig } from '../schemas/engine';

export function fitConfigFixture(
  overrides: Partial<FitConfig> & Pick<FitConfig, 'target'>,
): FitConfig {
  return {
    features: [],
    transforms: [],
    scaler: 'minmax',
    featureRange: [0, 1],
    lookback: 4,
    horizon: 1,
    stride: 1,
    testSize: 10,
    testFraction: 0.2,
    valSize: null,
    valFraction: 0.1,
    cell: 'lstm',
    layers: 1,
    units: 8,
    activation: 'tanh',
    dropout: 0,
    recurrentDropout: 0,
    optimizer: 'adam',
    learningRate: 0.001,
    momentum: 0,
    loss: 'mse',
    epochs: 2,
    batchSize: 32,
    patience: 0,
    seed: 1,
    backend: null,
    ...overrides,
  };
}
