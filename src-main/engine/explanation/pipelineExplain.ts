// Explanations of a forecasting-pipeline run (engine/forecasting) in the target's original units.
// The pipeline's network sees a window seasonally adjusted and normalised by its own last value
// (the level), and its output is denormalised by that level and reseasonalised. Nudging one
// original value can therefore move every normalised input (when it is the level) and the
// denormalisation itself, so the nudge is made on the ORIGINAL window and the whole chain is
// re-run: F(v) = reseasonalise(denormalise(f(normalise(adjust(v))), level(v))). Perturbation gives
// (F(v + δe_l) − F(v − δe_l)) / 2δ, the change of the forecast per +1 original unit at lag l
// (exact for a model linear in original units); occlusion F(v with v_l := mean) − F(v).
import type * as tf from '@tensorflow/tfjs';
import { deseasonalise, reseasonalise } from '../forecasting/decomposition';
import { denormalise, normalise, type LocalNorm } from '../forecasting/localWindows';
import { inBatches, predictColumn, type ProgressOptions } from './modelOutput';

export interface WindowCodec {
  lookback: number;
  /** Model input row (lookback values, one feature) of window w from its original values. */
  encode(original: Float64Array, w: number, out: Float32Array): void;
  /** The original-unit forecast of window w from the model's output and its original values. */
  decode(output: number, original: Float64Array, w: number): number;
}

export interface PipelinePreprocessing {
  seasonality: { mode: 'multiplicative' | 'additive' | 'none'; period: number; figure: number[] };
  normalisation: LocalNorm;
}

/** The pipeline's chain for windows whose first target rows are `starts`, forecasting step h. */
export function pipelineCodec(
  starts: readonly number[],
  lookback: number,
  horizonIndex: number,
  prep: PipelinePreprocessing,
): WindowCodec {
  const { mode, figure } = prep.seasonality;
  const seasonal = mode !== 'none' && figure.length > 0 ? mode : null;
  const norm = prep.normalisation;
  const adjust = (original: Float64Array, w: number): Float64Array =>
    seasonal ? deseasonalise(original, figure, seasonal, (starts[w] ?? 0) - lookback) : original;
  return {
    lookback,
    encode(original, w, out) {
      const adjusted = adjust(original, w);
      const level = adjusted[lookback - 1] as number;
      for (let l = 0; l < lookback; l++) out[l] = normalise(adjusted[l] as number, level, norm);
    },
    decode(output, original, w) {
      const level = adjust(original, w)[lookback - 1] as number;
      const value = denormalise(output, level, norm);
      if (!seasonal) return value;
      return reseasonalise([value], figure, seasonal, (starts[w] ?? 0) + horizonIndex)[0] as number;
    },
  };
}

export interface OriginalSpaceOptions extends ProgressOptions {
  mode: 'plus-minus' | 'occlusion';
  /** Perturbation size in original units (plus-minus). */
  delta?: number;
  /** Replacement value in original units (occlusion). */
  occlusionValue?: number;
  horizonIndex?: number;
  batchSize?: number;
}

/**
 * Effects [windows × lookback] in original units: per +1 unit (plus-minus) or the change when the
 * value is replaced (occlusion). `windows` holds each window's original values, row-major.
 */
export async function originalSpaceEffects(
  model: tf.LayersModel,
  windows: Float64Array,
  codec: WindowCodec,
  opts: OriginalSpaceOptions,
): Promise<{ effect: Float64Array; base: Float64Array }> {
  const L = codec.lookback;
  const count = windows.length / L;
  const { mode, delta = 1, occlusionValue = 0, horizonIndex = 0, batchSize = 8192 } = opts;
  const sides = mode === 'plus-minus' ? 2 : 1;
  const perWindow = 1 + L * sides;
  const total = count * perWindow;
  const shape = { lookback: L, features: 1 };
  const raw = new Float64Array(total);
  const buffer = new Float32Array(Math.min(batchSize, total) * L);
  const variant = (j: number): Float64Array => {
    const w = Math.floor(j / perWindow);
    const r = j % perWindow;
    const v = windows.slice(w * L, (w + 1) * L);
    if (r > 0) {
      const lag = Math.floor((r - 1) / sides);
      if (mode === 'occlusion') v[lag] = occlusionValue;
      else v[lag] = (v[lag] as number) + ((r - 1) % sides === 0 ? delta : -delta);
    }
    return v;
  };
  // The batch's variants in original units, row by row.
  const originals: Float64Array[] = [];
  const fill = (j: number, b: number): void => {
    const v = variant(j);
    originals[b] = v;
    codec.encode(v, Math.floor(j / perWindow), buffer.subarray(b * L, (b + 1) * L));
  };
  await inBatches(total, batchSize, opts, fill, async (start, n) => {
    const out = await predictColumn(model, buffer, n, shape, horizonIndex);
    for (let b = 0; b < n; b++) {
      const j = start + b;
      raw[j] = codec.decode(
        out[b] as number,
        originals[b] as Float64Array,
        Math.floor(j / perWindow),
      );
    }
  });
  const effect = new Float64Array(count * L);
  const base = new Float64Array(count);
  for (let w = 0; w < count; w++) {
    const f0 = raw[w * perWindow] as number;
    base[w] = f0;
    for (let l = 0; l < L; l++) {
      const at = w * perWindow + 1 + l * sides;
      effect[w * L + l] =
        mode === 'plus-minus'
          ? ((raw[at] as number) - (raw[at + 1] as number)) / (2 * delta)
          : (raw[at] as number) - f0;
    }
  }
  return { effect, base };
}
