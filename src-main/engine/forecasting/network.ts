// One network trained on a window set through the engine's own builder and training loop (and so
// the engine's training runtime, the fused kernels when they load), seeded; optionally started
// from pretrained weights.
import * as tf from '@tensorflow/tfjs';
import { engineRuntime } from '../kernels/trainingRuntime';
import { buildModel, type ModelConfig } from '../model/buildModel';
import type { TrainingRuntime } from '../model/recurrentKernel';
import { trainModel, type TrainHooks, type TrainResult } from '../model/train';
import type { WindowSet } from '../model/windows';

export interface NetworkSpec {
  cell: ModelConfig['cell'];
  layers: number;
  units: number;
  lookback: number;
  horizon: number;
  seed: number;
  learningRate: number;
  loss: ModelConfig['loss'];
  epochs: number;
  batchSize: number;
  /** 0 = train all epochs (no early stopping). */
  patience: number;
}

/** Weights as plain arrays (no tensors held), in model.getWeights() order. */
export interface WeightValues {
  shapes: number[][];
  values: Float32Array[];
}

export function modelConfigFor(spec: NetworkSpec): ModelConfig {
  return {
    cell: spec.cell,
    layers: spec.layers,
    units: spec.units,
    activation: 'tanh',
    dropout: 0,
    recurrentDropout: 0,
    horizon: spec.horizon,
    lookback: spec.lookback,
    nFeatures: 1,
    optimizer: 'adam',
    learningRate: spec.learningRate,
    momentum: 0,
    loss: spec.loss,
    seed: spec.seed,
  };
}

export function readWeights(model: tf.LayersModel): WeightValues {
  const tensors = model.getWeights();
  return {
    shapes: tensors.map((t) => [...t.shape]),
    values: tensors.map((t) => Float32Array.from(t.dataSync())),
  };
}

/**
 * Copies weights into a model whose head has `horizon` ≤ the donor's outputs: the recurrent
 * weights do not depend on the lookback, and a direct multi-step head's first h columns are the
 * first h steps' forecasts, so the head is sliced. Throws when the shapes cannot agree.
 */
export function setWeightsSliced(model: tf.LayersModel, donor: WeightValues): void {
  const targets = model.getWeights();
  if (targets.length !== donor.values.length)
    throw new Error(`model has ${targets.length} weight arrays, the donor ${donor.values.length}`);
  const values = tf.tidy(() =>
    targets.map((t, i) => {
      const shape = donor.shapes[i] ?? [];
      const data = donor.values[i] ?? new Float32Array(0);
      const same = shape.length === t.shape.length && shape.every((d, j) => d === t.shape[j]);
      if (same) return tf.tensor(data, shape);
      const isHeadKernel = i === targets.length - 2 && shape.length === 2;
      const isHeadBias = i === targets.length - 1 && shape.length === 1;
      const full = tf.tensor(data, shape);
      if (isHeadKernel && shape[0] === t.shape[0] && (shape[1] ?? 0) >= (t.shape[1] ?? 0))
        return full.slice([0, 0], [t.shape[0] ?? 0, t.shape[1] ?? 0]);
      if (isHeadBias && (shape[0] ?? 0) >= (t.shape[0] ?? 0))
        return full.slice([0], [t.shape[0] ?? 0]);
      throw new Error(
        `weight ${i}: donor shape [${shape.join(',')}] does not fit [${t.shape.join(',')}]`,
      );
    }),
  );
  try {
    model.setWeights(values);
  } finally {
    tf.dispose(values);
  }
}

export interface TrainedNetwork {
  model: tf.LayersModel;
  result: TrainResult;
}

/** Builds, initialises (seeded, or from `init`) and trains a network; the caller disposes it. */
export async function trainNetwork(
  train: WindowSet | null,
  val: WindowSet | null,
  spec: NetworkSpec,
  init: WeightValues | null = null,
  hooks: TrainHooks = {},
  /** The kernels to build and train it with; default the engine process's runtime. */
  runtime?: TrainingRuntime,
): Promise<TrainedNetwork> {
  const model = buildModel(modelConfigFor(spec), runtime ?? (await engineRuntime()));
  try {
    if (init) setWeightsSliced(model, init);
    if (train === null || train.count === 0 || spec.epochs === 0) {
      return {
        model,
        result: {
          epochs: [],
          stoppedReason: 'completed',
          message: train === null || train.count === 0 ? 'no training windows' : null,
          bestEpoch: null,
          trainingSeconds: 0,
        },
      };
    }
    const result = await trainModel(
      model,
      { train, val },
      {
        optimizer: 'adam',
        learningRate: spec.learningRate,
        momentum: 0,
        loss: spec.loss,
        seed: spec.seed,
        epochs: spec.epochs,
        batchSize: spec.batchSize,
        patience: spec.patience,
      },
      hooks,
    );
    return { model, result };
  } catch (e) {
    model.dispose();
    throw e;
  }
}
