// Shared helpers for explainers: evaluate one horizon column of a LayersModel on a batch of
// windows, inside tf.tidy so that no intermediate tensor outlives the call.
import * as tf from '@tensorflow/tfjs';
import type { WindowShape } from './windowSelection';

export type OutputScale = (scaled: Float32Array) => Float32Array;

export interface ProgressOptions {
  /** Called with the fraction of model evaluations done (0..1] after each batch. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs jobs 0..total-1 a batch at a time: `fill` writes job `job` into row `row` of the batch, then
 * `run` evaluates the `count` rows of the batch that starts at job `start`. The signal is checked
 * before each batch and progress reported after it.
 */
export async function inBatches(
  total: number,
  batchSize: number,
  opts: ProgressOptions,
  fill: (job: number, row: number) => void,
  run: (start: number, count: number) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < total; start += batchSize) {
    opts.signal?.throwIfAborted();
    const count = Math.min(batchSize, total - start);
    for (let b = 0; b < count; b++) fill(start + b, b);
    await run(start, count);
    opts.onProgress?.((start + count) / total);
  }
}

function firstTensor(y: tf.Tensor | tf.Tensor[]): tf.Tensor {
  const t = Array.isArray(y) ? y[0] : y;
  if (t === undefined) throw new Error('model returned no output');
  return t;
}

/** The model output at `horizonIndex` as a function of a [b, lookback, features] input. */
export function horizonColumn(
  model: tf.LayersModel,
  x: tf.Tensor,
  horizonIndex: number,
): tf.Tensor1D {
  const y = firstTensor(model.apply(x, { training: false }) as tf.Tensor | tf.Tensor[]);
  if (y.rank !== 2) throw new Error(`expected a [windows, H] output, got rank ${y.rank}`);
  const h = y.shape[1] ?? 0;
  if (!(horizonIndex >= 0 && horizonIndex < h))
    throw new RangeError(`horizonIndex ${horizonIndex} outside 0..${h - 1}`);
  return y.slice([0, horizonIndex], [-1, 1]).reshape([-1]);
}

/** Evaluates `count` windows stored row-major in `buffer`; returns scaled outputs. */
export async function predictColumn(
  model: tf.LayersModel,
  buffer: Float32Array,
  count: number,
  shape: Pick<WindowShape, 'lookback' | 'features'>,
  horizonIndex: number,
): Promise<Float32Array> {
  const out = tf.tidy(() => {
    const x = tf.tensor3d(buffer.subarray(0, count * shape.lookback * shape.features), [
      count,
      shape.lookback,
      shape.features,
    ]);
    return horizonColumn(model, x, horizonIndex);
  });
  try {
    return Float32Array.from(await out.data());
  } finally {
    out.dispose();
  }
}

export function checkShape(inputs: Float32Array, shape: WindowShape): void {
  const { windows, lookback, features } = shape;
  if (![windows, lookback, features].every((v) => Number.isInteger(v) && v > 0)) {
    throw new RangeError('shape entries must be positive integers');
  }
  if (inputs.length !== windows * lookback * features) {
    throw new RangeError(
      `inputs hold ${inputs.length} values, shape needs ${windows * lookback * features}`,
    );
  }
}
