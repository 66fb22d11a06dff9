// Pure builder: JSON-able ModelConfig -> tf.Sequential of SeqRecurrent layers and a Dense head.
// Layer names are fixed ("recurrent_0", ..., "head") so saved weight names are predictable, and
// every initializer is seeded from config.seed so the same seed gives the same weights.
import * as tf from '@tensorflow/tfjs';
import type { CellActivation, CellKind, TrainingRuntime } from './recurrentKernel';
import { SeqRecurrent } from './recurrentLayer';

export interface ModelConfig {
  cell: CellKind;
  /** 1–4 stacked recurrent layers; all but the last return sequences. */
  layers: number;
  units: number;
  activation: CellActivation;
  dropout: number;
  recurrentDropout: number;
  /** Outputs of the Dense head (direct multi-step forecast). */
  horizon: number;
  lookback: number;
  nFeatures: number;
  optimizer: 'adam' | 'rmsprop' | 'sgd';
  learningRate: number;
  /** rmsprop and sgd only. */
  momentum: number;
  loss: 'mse' | 'mae';
  seed: number;
}

export function validateModelConfig(c: ModelConfig): void {
  const problems: string[] = [];
  const int = (v: number, lo: number, hi: number, name: string): void => {
    if (!Number.isInteger(v) || v < lo || v > hi)
      problems.push(`${name} must be an integer in [${lo}, ${hi}], got ${v}`);
  };
  int(c.layers, 1, 4, 'layers');
  int(c.units, 1, 4096, 'units');
  int(c.horizon, 1, 100000, 'horizon');
  int(c.lookback, 1, 100000, 'lookback');
  int(c.nFeatures, 1, 100000, 'nFeatures');
  int(c.seed, 0, 2 ** 31 - 1, 'seed');
  if (!(c.dropout >= 0 && c.dropout < 1))
    problems.push(`dropout must be in [0, 1), got ${c.dropout}`);
  if (!(c.recurrentDropout >= 0 && c.recurrentDropout < 1))
    problems.push(`recurrentDropout must be in [0, 1), got ${c.recurrentDropout}`);
  if (!(c.learningRate > 0)) problems.push(`learningRate must be > 0, got ${c.learningRate}`);
  if (!(c.momentum >= 0)) problems.push(`momentum must be >= 0, got ${c.momentum}`);
  if (!['lstm', 'gru', 'rnn'].includes(c.cell)) problems.push(`unknown cell ${c.cell}`);
  if (problems.length > 0) throw new Error(`invalid model config: ${problems.join('; ')}`);
}

/** The model's recurrent layers run on `runtime`'s kernel for their whole life. */
export function buildModel(config: ModelConfig, runtime: TrainingRuntime): tf.Sequential {
  validateModelConfig(config);
  const model = tf.sequential({ name: 'series_studio_model' });
  for (let i = 0; i < config.layers; i++) {
    model.add(
      new SeqRecurrent({
        name: `recurrent_${i}`,
        cell: config.cell,
        units: config.units,
        activation: config.activation,
        returnSequences: i < config.layers - 1,
        dropout: config.dropout,
        recurrentDropout: config.recurrentDropout,
        seed: config.seed * 16 + i * 2,
        kernel: runtime.kernel,
        ...(i === 0 ? { inputShape: [config.lookback, config.nFeatures] } : {}),
      }),
    );
  }
  model.add(
    tf.layers.dense({
      name: 'head',
      units: config.horizon,
      kernelInitializer: tf.initializers.glorotUniform({ seed: config.seed * 16 + 15 }),
    }),
  );
  return model;
}

export function makeOptimizer(
  config: Pick<ModelConfig, 'optimizer' | 'learningRate' | 'momentum'>,
): tf.Optimizer {
  if (config.optimizer === 'adam') return tf.train.adam(config.learningRate);
  if (config.optimizer === 'rmsprop')
    return tf.train.rmsprop(config.learningRate, 0.9, config.momentum);
  return config.momentum > 0
    ? tf.train.momentum(config.learningRate, config.momentum)
    : tf.train.sgd(config.learningRate);
}

export function lossFunction(
  kind: ModelConfig['loss'],
): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar {
  return kind === 'mae'
    ? (a, b) => tf.mean(tf.abs(tf.sub(a, b)))
    : (a, b) => tf.mean(tf.squaredDifference(a, b));
}
