// Model outputs for a window set, mapped back to original units (unscale, then invert the
// transforms with the data strictly before each window's first target).
import * as tf from '@tensorflow/tfjs';
import { invertPredictions, type TransformStep } from '../transforms';
import { unscale, type ScalerParams } from './scalers';
import type { WindowSet } from './windows';

/** Raw model outputs, row-major [count, horizon], in the model's (scaled) units. */
export function predictScaled(
  model: tf.LayersModel,
  set: WindowSet,
  batchSize = 256,
): Float64Array {
  const out = new Float64Array(set.count * set.horizon);
  const per = set.lookback * set.nFeatures;
  for (let start = 0; start < set.count; start += batchSize) {
    const count = Math.min(batchSize, set.count - start);
    const values = tf.tidy(() => {
      const x = tf.tensor3d(set.x.subarray(start * per, (start + count) * per), [
        count,
        set.lookback,
        set.nFeatures,
      ]);
      return (model.predict(x) as tf.Tensor).dataSync();
    });
    out.set(values, start * set.horizon);
  }
  return out;
}

export function toOriginalUnits(
  scaled: Float64Array,
  set: WindowSet,
  scaler: ScalerParams,
  levels: readonly Float64Array[],
  steps: readonly TransformStep[],
): Float64Array {
  const transformed = unscale(scaler, scaled, 0);
  const out = new Float64Array(scaled.length);
  for (let w = 0; w < set.count; w++) {
    const block = transformed.subarray(w * set.horizon, (w + 1) * set.horizon);
    out.set(invertPredictions(block, set.targetStarts[w] ?? 0, levels, steps), w * set.horizon);
  }
  return out;
}

export function actualsFor(series: Float64Array, set: WindowSet): Float64Array {
  const out = new Float64Array(set.count * set.horizon);
  for (let w = 0; w < set.count; w++) {
    for (let h = 0; h < set.horizon; h++)
      out[w * set.horizon + h] = series[(set.targetStarts[w] ?? 0) + h] ?? Number.NaN;
  }
  return out;
}
