import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { buildModel, lossFunction, type ModelConfig } from './buildModel';
import { opByOpRuntime } from './opByOpKernel';

const config: ModelConfig = {
  cell: 'gru',
  layers: 2,
  units: 4,
  activation: 'tanh',
  dropout: 0,
  recurrentDropout: 0,
  horizon: 3,
  lookback: 5,
  nFeatures: 2,
  optimizer: 'adam',
  learningRate: 1e-3,
  momentum: 0,
  loss: 'mse',
  seed: 42,
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('buildModel', () => {
  it('stacks recurrent layers (sequences except the last) and a Dense head with H outputs', () => {
    const m = buildModel(config, opByOpRuntime);
    expect(m.layers.map((l) => l.name)).toEqual(['recurrent_0', 'recurrent_1', 'head']);
    expect(m.layers[0]?.outputShape).toEqual([null, 5, 4]);
    expect(m.layers[1]?.outputShape).toEqual([null, 4]);
    expect(m.outputShape).toEqual([null, 3]);
    // GRU: kernel [2, 3*4], recurrent [4, 12], bias [12]
    expect(m.weights.slice(0, 3).map((w) => w.shape)).toEqual([[2, 12], [4, 12], [12]]);
    m.dispose();
  });

  it('same seed -> same weights; different seed -> different weights', () => {
    const values = (c: ModelConfig): number[][] => {
      const m = buildModel(c, opByOpRuntime);
      const out = m.getWeights().map((w) => Array.from(w.dataSync()));
      m.dispose();
      return out;
    };
    const a = values(config);
    expect(values(config)).toEqual(a);
    expect(values({ ...config, seed: 43 })[0]).not.toEqual(a[0]);
  });

  it('LSTM forget-gate bias starts at 1', () => {
    const m = buildModel({ ...config, cell: 'lstm', layers: 1 }, opByOpRuntime);
    const bias = Array.from(m.getWeights()[2]?.dataSync() ?? []);
    expect(bias).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    m.dispose();
  });

  it('rejects invalid configs with a readable message', () => {
    expect(() => buildModel({ ...config, layers: 5 }, opByOpRuntime)).toThrow(
      /layers must be an integer in \[1, 4\]/,
    );
  });

  it('losses: mse and mae by hand', () => {
    const a = tf.tensor2d([[1, 2]]);
    const b = tf.tensor2d([[2, 4]]);
    expect(lossFunction('mse')(a, b).dataSync()[0]).toBeCloseTo(2.5, 6); // (1+4)/2
    expect(lossFunction('mae')(a, b).dataSync()[0]).toBeCloseTo(1.5, 6);
  });
});
