// Custom training loop: seeded shuffling within the training windows, per-batch/epoch progress,
// early stopping on validation loss with restore-best-weights, cancellation through an
// AbortSignal (checked between batches) and a stop on non-finite loss.
import * as tf from '@tensorflow/tfjs';
import { lossFunction, makeOptimizer, type ModelConfig } from './buildModel';
import { SeqRecurrent } from './recurrentLayer';
import { mulberry32, shuffledIndices } from '../../shared/random';
import { WeightSnapshot } from './weightSnapshot';
import { findNonFinite, type WindowSet } from './windows';
import type { EpochRecord, StoppedReason } from './runResult';

export interface TrainOptions extends Pick<
  ModelConfig,
  'optimizer' | 'learningRate' | 'momentum' | 'loss' | 'seed'
> {
  epochs: number;
  batchSize: number;
  /** Epochs without improvement of the monitored loss before stopping; 0 disables early stopping. */
  patience: number;
}

export interface TrainData {
  train: WindowSet;
  /** Monitored for early stopping; without windows the training loss is monitored instead. */
  val: WindowSet | null;
}

export interface BatchProgress {
  epoch: number;
  batch: number;
  batches: number;
  loss: number;
  samplesPerSec: number;
  etaSeconds: number;
}

export type { EpochRecord, StoppedReason };

export interface EpochProgress extends EpochRecord {
  epochs: number;
  samplesPerSec: number;
  etaSeconds: number;
  bestEpoch: number | null;
}

export interface TrainHooks {
  onBatch?: (p: BatchProgress) => void;
  onEpoch?: (p: EpochProgress) => void;
  signal?: AbortSignal;
}

export interface TrainResult {
  epochs: EpochRecord[];
  stoppedReason: StoppedReason;
  /** Human-readable explanation for anything but 'completed'. */
  message: string | null;
  /** Epoch (0-based) whose weights the model holds at the end; null = initial weights. */
  bestEpoch: number | null;
  trainingSeconds: number;
}

export interface FastTrainStepRequest {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  loss: ModelConfig['loss'];
}

/** A whole optimizer step done outside tfjs autodiff, owning a copy of the weights meanwhile. */
export interface FastTrainStep {
  readonly name: string;
  /** One update on windows idx of set; returns the batch loss. */
  step(set: WindowSet, idx: ArrayLike<number>): number;
  /** Writes the current weights into the model's variables. */
  sync(): void;
  dispose(): void;
}

/** Optional extra of a RecurrentSequenceKernel: null when the model or optimizer does not fit. */
export interface FastTrainStepProvider {
  createTrainStep(request: FastTrainStepRequest): FastTrainStep | null;
}

function fastTrainStep(request: FastTrainStepRequest): FastTrainStep | null {
  // The kernel the model was built with (its runtime's): every recurrent layer shares it.
  const layer = request.model.layers.find((l): l is SeqRecurrent => l instanceof SeqRecurrent);
  try {
    return layer?.sequenceKernel.createTrainStep?.(request) ?? null;
  } catch {
    // An optional speed-up: the tfjs step below is always correct.
    return null;
  }
}

function assertFinite(set: WindowSet, part: string): void {
  for (const which of ['x', 'y'] as const) {
    const bad = findNonFinite(set, which);
    if (bad) {
      throw new Error(
        `${part} ${which === 'x' ? 'inputs' : 'targets'} contain NaN/Infinity at data row ${bad.row} (window ${bad.window})`,
      );
    }
  }
}

function batchTensors(set: WindowSet, idx: ArrayLike<number>): [tf.Tensor3D, tf.Tensor2D] {
  const per = set.lookback * set.nFeatures;
  const x = new Float32Array(idx.length * per);
  const y = new Float32Array(idx.length * set.horizon);
  for (let i = 0; i < idx.length; i++) {
    const w = idx[i] ?? 0;
    x.set(set.x.subarray(w * per, (w + 1) * per), i * per);
    y.set(set.y.subarray(w * set.horizon, (w + 1) * set.horizon), i * set.horizon);
  }
  return [
    tf.tensor3d(x, [idx.length, set.lookback, set.nFeatures]),
    tf.tensor2d(y, [idx.length, set.horizon]),
  ];
}

/** Mean loss over a window set in inference mode. */
export function evaluateLoss(
  model: tf.LayersModel,
  set: WindowSet,
  loss: ModelConfig['loss'],
  batchSize = 256,
): number {
  const fn = lossFunction(loss);
  let total = 0;
  for (let start = 0; start < set.count; start += batchSize) {
    const idx = Array.from({ length: Math.min(batchSize, set.count - start) }, (_, i) => start + i);
    total +=
      tf.tidy(() => {
        const [x, y] = batchTensors(set, idx);
        return fn(y, model.predict(x) as tf.Tensor).dataSync()[0] ?? Number.NaN;
      }) * idx.length;
  }
  return total / set.count;
}

const yieldToEventLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

export async function trainModel(
  model: tf.LayersModel,
  data: TrainData,
  options: TrainOptions,
  hooks: TrainHooks = {},
): Promise<TrainResult> {
  const { train } = data;
  const val = data.val && data.val.count > 0 ? data.val : null;
  if (train.count === 0) throw new Error('no training windows');
  assertFinite(train, 'training');
  if (val) assertFinite(val, 'validation');
  const started = performance.now();
  const optimizer = makeOptimizer(options);
  const lossFn = lossFunction(options.loss);
  // Per-step tfjs work (autodiff tape, head, loss, Adam, copies) costs as much as a fused
  // recurrent kernel itself, so a kernel that can run the whole step does.
  const fast = fastTrainStep({ model, optimizer, loss: options.loss });
  const random = mulberry32(options.seed);
  const best = new WeightSnapshot();
  best.take(model);
  let bestLoss = Infinity;
  let bestEpoch: number | null = null;
  let sinceBest = 0;
  const epochs: EpochRecord[] = [];
  const batches = Math.ceil(train.count / options.batchSize);
  let samplesDone = 0;
  let stoppedReason: StoppedReason = 'completed';
  let message: string | null = null;
  try {
    outer: for (let epoch = 0; epoch < options.epochs; epoch++) {
      const epochStart = performance.now();
      const order = shuffledIndices(train.count, random);
      let lossSum = 0;
      for (let b = 0; b < batches; b++) {
        await yieldToEventLoop();
        if (hooks.signal?.aborted) {
          stoppedReason = 'cancelled';
          message = `cancelled during epoch ${epoch + 1}`;
          break outer;
        }
        const idx = order.subarray(
          b * options.batchSize,
          Math.min((b + 1) * options.batchSize, train.count),
        );
        let loss: number;
        if (fast) {
          loss = fast.step(train, idx);
        } else {
          const [x, y] = batchTensors(train, idx);
          const cost = optimizer.minimize(
            () => lossFn(y, model.apply(x, { training: true }) as tf.Tensor),
            true,
          );
          loss = cost?.dataSync()[0] ?? Number.NaN;
          tf.dispose([x, y, cost ?? []]);
        }
        if (!Number.isFinite(loss)) {
          stoppedReason = 'nan-loss';
          message = `training loss became ${loss} at epoch ${epoch + 1}, batch ${b + 1}; kept the weights of ${bestEpoch === null ? 'the initialisation' : `epoch ${bestEpoch + 1}`} (try a lower learning rate or another scaler)`;
          break outer;
        }
        lossSum += loss * idx.length;
        samplesDone += idx.length;
        const elapsed = (performance.now() - started) / 1000;
        const rate = samplesDone / Math.max(elapsed, 1e-9);
        hooks.onBatch?.({
          epoch,
          batch: b,
          batches,
          loss,
          samplesPerSec: rate,
          etaSeconds: (options.epochs * train.count - samplesDone) / rate,
        });
      }
      fast?.sync();
      const lossValue = lossSum / train.count;
      const valLoss = val ? evaluateLoss(model, val, options.loss) : null;
      const monitored = valLoss ?? lossValue;
      const record: EpochRecord = {
        epoch,
        loss: lossValue,
        valLoss,
        seconds: (performance.now() - epochStart) / 1000,
      };
      epochs.push(record);
      if (monitored < bestLoss) {
        bestLoss = monitored;
        bestEpoch = epoch;
        sinceBest = 0;
        best.take(model);
      } else {
        sinceBest++;
      }
      const elapsed = (performance.now() - started) / 1000;
      const rate = samplesDone / Math.max(elapsed, 1e-9);
      hooks.onEpoch?.({
        ...record,
        epochs: options.epochs,
        samplesPerSec: rate,
        etaSeconds: (options.epochs - epoch - 1) * (elapsed / (epoch + 1)),
        bestEpoch,
      });
      if (!Number.isFinite(monitored)) {
        stoppedReason = 'nan-loss';
        message = `${valLoss === null ? 'training' : 'validation'} loss became ${monitored} at epoch ${epoch + 1}`;
        break;
      }
      if (options.patience > 0 && sinceBest >= options.patience) {
        stoppedReason = 'early-stopping';
        message = `no improvement for ${options.patience} epochs; restored epoch ${(bestEpoch ?? 0) + 1}`;
        break;
      }
    }
    best.restore(model);
  } finally {
    fast?.dispose();
    best.dispose();
    optimizer.dispose();
  }
  return {
    epochs,
    stoppedReason,
    message,
    bestEpoch,
    trainingSeconds: (performance.now() - started) / 1000,
  };
}
