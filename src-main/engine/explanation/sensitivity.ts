// Perturbation sensitivity: how much the forecast at one horizon step moves, in original units,
// when a single (lag, feature) input cell is nudged or replaced. All perturbed copies of many
// windows are packed into large batches so the model runs once per batch, not once per window.
import type * as tf from '@tensorflow/tfjs';
import {
  checkShape,
  inBatches,
  predictColumn,
  type OutputScale,
  type ProgressOptions,
} from './modelOutput';
import type { WindowShape } from './windowSelection';
import { prefixPerturbationOutputs, type PrefixKernels } from './prefixPerturbation';

export type SensitivityMode = 'plus-minus' | 'occlusion';

export interface SensitivityOptions extends ProgressOptions {
  mode: SensitivityMode;
  /** Perturbation size in scaled input units (plus-minus). */
  delta?: number;
  /** Replacement value per feature (scaled training means) for occlusion. */
  occlusionValues?: readonly number[];
  outputScale: OutputScale;
  horizonIndex?: number;
  /** Model inputs per predict call. */
  batchSize?: number;
  /**
   * Start each perturbed copy from the unperturbed state at its lag (prefixPerturbation.ts) when
   * the model and engine allow it; default true. false = every copy over the whole window.
   */
  prefixReuse?: boolean;
  /** Fused kernels (and helper thread) for prefix reuse; default the engine's loaded kernels. */
  fused?: PrefixKernels;
  /** Prefix reuse with a helper thread: see PrefixOptions.split. */
  split?: 'auto' | 'always' | 'never';
}

export interface SensitivityResult {
  mode: SensitivityMode;
  shape: WindowShape;
  /**
   * [windows × lookback × features], original units. plus-minus: (f(x+δ) − f(x−δ))/2, a central
   * difference ≈ δ·∂f/∂x; occlusion: f(x with the cell set to its mean) − f(x).
   */
  effect: Float64Array;
  /** plus-minus only: f(x+δ) − f(x) and f(x−δ) − f(x), same layout as effect. */
  plusSide?: Float64Array;
  minusSide?: Float64Array;
  /** f(x) per window, original units. */
  base: Float64Array;
  /** Mean over windows and features of |effect|, per lag. */
  meanAbsPerLag: Float64Array;
  /** [lookback × features] mean over windows of |effect|. */
  meanAbsFeatureLag: Float64Array;
}

export async function sensitivityHeatmap(
  model: tf.LayersModel,
  inputs: Float32Array,
  shape: WindowShape,
  opts: SensitivityOptions,
): Promise<SensitivityResult> {
  checkShape(inputs, shape);
  const { windows, lookback, features } = shape;
  const { mode, delta = 0.1, horizonIndex = 0, batchSize = 8192, outputScale } = opts;
  const occlusion = opts.occlusionValues;
  if (mode === 'occlusion' && (occlusion === undefined || occlusion.length !== features)) {
    throw new RangeError('occlusion needs one replacement value per feature');
  }
  const size = lookback * features;
  const cells = size;
  const sides = mode === 'plus-minus' ? 2 : 1;
  if (opts.prefixReuse !== false) {
    const reused = prefixPerturbationOutputs(model, inputs, shape, {
      perturbation:
        mode === 'occlusion' ? { mode, values: occlusion as readonly number[] } : { mode, delta },
      horizonIndex,
      outputScale,
      ...(opts.fused ? { fused: opts.fused } : {}),
      ...(opts.split ? { split: opts.split } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    if (reused) return summarise(reused, shape, mode, 1 + cells * sides, sides);
  }
  // Job j: window w = ⌊j / perWindow⌋, r = j mod perWindow; r = 0 is the unperturbed window,
  // then (cell, side) pairs.
  const perWindow = 1 + cells * sides;
  const total = windows * perWindow;
  const raw = new Float64Array(total);
  const buffer = new Float32Array(Math.min(batchSize, total) * size);
  const fill = (j: number, b: number): void => {
    const w = Math.floor(j / perWindow);
    const r = j % perWindow;
    const row = buffer.subarray(b * size, (b + 1) * size);
    row.set(inputs.subarray(w * size, (w + 1) * size));
    if (r === 0) return;
    const cell = Math.floor((r - 1) / sides);
    if (mode === 'occlusion') row[cell] = occlusion?.[cell % features] as number;
    else row[cell] = (row[cell] as number) + ((r - 1) % sides === 0 ? delta : -delta);
  };
  await inBatches(total, batchSize, opts, fill, async (start, count) => {
    const scaled = await predictColumn(model, buffer, count, shape, horizonIndex);
    const original = outputScale(scaled);
    for (let b = 0; b < count; b++) raw[start + b] = original[b] as number;
  });
  return summarise(raw, shape, mode, perWindow, sides);
}

function summarise(
  raw: Float64Array,
  shape: WindowShape,
  mode: SensitivityMode,
  perWindow: number,
  sides: number,
): SensitivityResult {
  const { windows, lookback, features } = shape;
  const cells = lookback * features;
  const effect = new Float64Array(windows * cells);
  const plusSide = sides === 2 ? new Float64Array(windows * cells) : undefined;
  const minusSide = sides === 2 ? new Float64Array(windows * cells) : undefined;
  const base = new Float64Array(windows);
  const meanAbsFeatureLag = new Float64Array(cells);
  for (let w = 0; w < windows; w++) {
    const f0 = raw[w * perWindow] as number;
    base[w] = f0;
    for (let c = 0; c < cells; c++) {
      const at = w * perWindow + 1 + c * sides;
      let e: number;
      if (plusSide && minusSide) {
        const up = raw[at] as number;
        const down = raw[at + 1] as number;
        plusSide[w * cells + c] = up - f0;
        minusSide[w * cells + c] = down - f0;
        e = (up - down) / 2;
      } else {
        e = (raw[at] as number) - f0;
      }
      effect[w * cells + c] = e;
      meanAbsFeatureLag[c] = (meanAbsFeatureLag[c] as number) + Math.abs(e) / windows;
    }
  }
  const meanAbsPerLag = new Float64Array(lookback);
  for (let l = 0; l < lookback; l++) {
    let s = 0;
    for (let f = 0; f < features; f++) s += meanAbsFeatureLag[l * features + f] as number;
    meanAbsPerLag[l] = s / features;
  }
  return {
    mode,
    shape,
    effect,
    ...(plusSide && minusSide ? { plusSide, minusSide } : {}),
    base,
    meanAbsPerLag,
    meanAbsFeatureLag,
  };
}
