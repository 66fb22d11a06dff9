// Integrated gradients (Sundararajan et al. 2017) for one horizon step: attribution of each input
// cell = (x − x′)·mean of ∂f/∂x along the straight path from the baseline x′ to x. The path
// integral uses the midpoint rule (error O(1/steps²) for smooth models, exact for linear ones).
// Path points of many windows share a batch; one tf.grad call per batch.
import * as tf from '@tensorflow/tfjs';
import {
  checkShape,
  horizonColumn,
  inBatches,
  predictColumn,
  type ProgressOptions,
} from './modelOutput';
import type { WindowShape } from './windowSelection';

export interface IntegratedGradientsOptions extends ProgressOptions {
  steps?: number;
  horizonIndex?: number;
  /** Path points per gradient call. */
  batchSize?: number;
}

export interface IntegratedGradientsResult {
  shape: WindowShape;
  steps: number;
  /** [windows × lookback × features], in scaled output units (multiply by the scaler's slope). */
  attributions: Float64Array;
  /** f(x) and f(x′) per window, scaled output units. */
  output: Float64Array;
  baselineOutput: number;
  /** Σ attributions − (f(x) − f(x′)) per window; 0 up to integration error when complete. */
  completenessGap: Float64Array;
}

export async function integratedGradients(
  model: tf.LayersModel,
  inputs: Float32Array,
  shape: WindowShape,
  baseline: readonly number[],
  opts: IntegratedGradientsOptions = {},
): Promise<IntegratedGradientsResult> {
  checkShape(inputs, shape);
  const { windows, lookback, features } = shape;
  if (baseline.length !== features) throw new RangeError('baseline needs one value per feature');
  const { steps = 32, horizonIndex = 0 } = opts;
  if (!Number.isInteger(steps) || steps < 1)
    throw new RangeError('steps must be a positive integer');
  const size = lookback * features;
  const batchSize = Math.max(steps, opts.batchSize ?? 4096);
  const base = Float32Array.from({ length: size }, (_, i) => baseline[i % features] as number);

  const gradSum = new Float64Array(windows * size);
  const total = windows * steps;
  const buffer = new Float32Array(Math.min(batchSize, total) * size);
  const gradient = tf.grad((x: tf.Tensor) => horizonColumn(model, x, horizonIndex).sum());
  const fill = (j: number, b: number): void => {
    const w = Math.floor(j / steps);
    const alpha = ((j % steps) + 0.5) / steps;
    const x = inputs.subarray(w * size, (w + 1) * size);
    const row = buffer.subarray(b * size, (b + 1) * size);
    for (let i = 0; i < size; i++)
      row[i] = (base[i] as number) + alpha * ((x[i] as number) - (base[i] as number));
  };
  await inBatches(total, batchSize, opts, fill, async (start, count) => {
    // Samples are independent in inference mode, so the gradient of the batch sum is the stack of
    // per-sample gradients.
    const g = tf.tidy(() =>
      gradient(tf.tensor3d(buffer.subarray(0, count * size), [count, lookback, features])),
    );
    let values: Float32Array;
    try {
      values = Float32Array.from(await g.data());
    } finally {
      g.dispose();
    }
    for (let b = 0; b < count; b++) {
      const w = Math.floor((start + b) / steps);
      for (let i = 0; i < size; i++)
        gradSum[w * size + i] =
          (gradSum[w * size + i] as number) + (values[b * size + i] as number);
    }
  });

  const output = Float64Array.from(
    await predictColumn(model, inputs, windows, shape, horizonIndex),
  );
  const baselineOutput = (await predictColumn(model, base, 1, shape, horizonIndex))[0] as number;
  const attributions = new Float64Array(windows * size);
  const completenessGap = new Float64Array(windows);
  for (let w = 0; w < windows; w++) {
    let sum = 0;
    for (let i = 0; i < size; i++) {
      const k = w * size + i;
      const a = ((inputs[k] as number) - (base[i] as number)) * ((gradSum[k] as number) / steps);
      attributions[k] = a;
      sum += a;
    }
    completenessGap[w] = sum - ((output[w] as number) - baselineOutput);
  }
  return { shape, steps, attributions, output, baselineOutput, completenessGap };
}
