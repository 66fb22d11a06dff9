// A few tiny trained models for the project kill tests: trained once per test run with the
// engine's own model builder and saved with its own model writer.
import * as tf from '@tensorflow/tfjs';
import path from 'node:path';
import { buildModel, lossFunction, makeOptimizer, type ModelConfig } from '../model/buildModel';
import { saveModel } from '../model/modelFiles';
import { opByOpRuntime } from '../model/opByOpKernel';

export const MODEL_COUNT = 3;
const LOOKBACK = 12;

/** Trains MODEL_COUNT tiny GRUs for a few steps and saves them under workModels/m<k>. */
export async function trainTinyModels(workModels: string): Promise<string[]> {
  const dirs: string[] = [];
  for (let k = 0; k < MODEL_COUNT; k++) {
    const config: ModelConfig = {
      cell: 'gru',
      layers: 1,
      units: 16,
      activation: 'tanh',
      dropout: 0,
      recurrentDropout: 0,
      horizon: 1,
      lookback: LOOKBACK,
      nFeatures: 1,
      optimizer: 'adam',
      learningRate: 0.01,
      momentum: 0,
      loss: 'mse',
      seed: 11 + k,
    };
    const model = buildModel(config, opByOpRuntime);
    const optimizer = makeOptimizer(config);
    const loss = lossFunction(config.loss);
    const x = tf.tidy(() =>
      tf.sin(
        tf
          .range(0, 16 * LOOKBACK)
          .reshape([16, LOOKBACK, 1])
          .div(5 + k),
      ),
    );
    const y = tf.tidy(() => x.slice([0, LOOKBACK - 1, 0], [16, 1, 1]).reshape([16, 1]));
    for (let step = 0; step < 3; step++) {
      optimizer.minimize(() => loss(y, model.predict(x) as tf.Tensor));
    }
    const dir = path.join(workModels, `m${k}`);
    await saveModel(dir, model, {
      format: 'series-studio-model',
      version: 1,
      createdAt: '2024-05-01T10:00:00.000Z',
      modelConfig: config,
      target: 'value',
      features: [],
      transforms: [],
      scaler: { kind: 'standard', offset: [0], scale: [1] },
      window: { lookback: LOOKBACK, horizon: 1, stride: 1 },
      seasonalPeriod: 12,
      cellInfo: 'GRU 1×16 tanh',
      trainedOn: { dataset: 'sine', rows: 16, runId: `m${k}` },
    });
    tf.dispose([x, y]);
    optimizer.dispose();
    model.dispose();
    dirs.push(dir);
  }
  return dirs;
}
