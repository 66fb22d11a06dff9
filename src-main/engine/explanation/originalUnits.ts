// Explanations in the target's original units. A run's model sees scaled inputs (and a transformed
// target) and predicts a scaled, transformed target; the analyst thinks in the data's own units.
//
// - Outputs: every prediction goes back through the scaler and, when the target's transforms are
//   elementwise (log, Box-Cox), through their exact inverse, so effects are forecast changes in the
//   target's units.
// - Perturbation inputs: the ±δ step of a cell is measured in its own original units too (the
//   scaler's slope for a feature; the inverse transform of the step for the target), and the effect
//   is reported per +1 original unit: (F(x+δ) − F(x−δ)) / (x₊ − x₋), the secant slope of the
//   forecast in the cell, exact for a model that is linear in original units.
// Differenced targets (diff, seasonal diff) are not elementwise: a value moves two differenced
// inputs and the forecast's level, so their effects stay per unit of the differenced target.
import type { ResolvedTransformStep } from '../../shared/schemas/engine';
import { invBoxcoxValue } from '../stats/boxcox';
import type { OutputScale } from './modelOutput';
import type { WindowShape } from './windowSelection';

export interface UnitMap {
  /** Transformed target → original units; null when a transform step is not elementwise. */
  inverse: ((z: number) => number) | null;
  /** Scaler per model input: unscaled = scaled · scale[f] + offset[f]. */
  scale: readonly number[];
  offset: readonly number[];
}

/** The exact inverse of an elementwise transform chain (identity without steps), or null. */
export function elementwiseInverse(
  steps: readonly ResolvedTransformStep[],
): ((z: number) => number) | null {
  const inverses: ((z: number) => number)[] = [];
  for (const step of steps) {
    if (step.kind === 'log') inverses.push(Math.exp);
    else if (step.kind === 'boxcox') {
      const lambda = step.lambda;
      inverses.push((z) => invBoxcoxValue(z, lambda));
    } else return null;
  }
  return (z) => inverses.reduceRight((v, inv) => inv(v), z);
}

/** Scaled model output of the target → original units (transformed units when not invertible). */
export function outputToOriginal(map: UnitMap): OutputScale {
  const slope = map.scale[0] ?? 1;
  const offset = map.offset[0] ?? 0;
  const inverse = map.inverse ?? ((z: number) => z);
  return (scaled) => scaled.map((v) => inverse(v * slope + offset));
}

/** A scaled input of feature f in original units (the target through its inverse transforms). */
function inputToOriginal(map: UnitMap, f: number, scaled: number): number {
  const unscaled = scaled * (map.scale[f] ?? 1) + (map.offset[f] ?? 0);
  return f === 0 && map.inverse ? map.inverse(unscaled) : unscaled;
}

/**
 * Per +1 original unit of each cell: (up − down) / (x₊ − x₋), with up/down the forecasts (original
 * units) after the ±δ steps (`plusSide`/`minusSide` are their differences from `base`).
 */
export function perUnitEffects(
  sides: { base: Float64Array; plusSide: Float64Array; minusSide: Float64Array },
  inputs: Float32Array,
  shape: WindowShape,
  delta: number,
  map: UnitMap,
): Float64Array {
  const { windows, lookback, features } = shape;
  const cells = lookback * features;
  const out = new Float64Array(windows * cells);
  for (let w = 0; w < windows; w++) {
    for (let c = 0; c < cells; c++) {
      const k = w * cells + c;
      const f = c % features;
      const x = inputs[k] as number;
      const step = inputToOriginal(map, f, x + delta) - inputToOriginal(map, f, x - delta);
      out[k] = ((sides.plusSide[k] as number) - (sides.minusSide[k] as number)) / step;
    }
  }
  return out;
}

/**
 * Integrated-gradients attributions (transformed output units, summing to f(x) − f(x′)) rescaled per
 * window so that they sum to F(x) − F(x′) in original units; the completeness gap scales alike.
 */
export function attributionsToOriginal(
  attributions: Float64Array,
  gaps: Float64Array,
  output: Float64Array,
  baselineOutput: number,
  shape: WindowShape,
  map: UnitMap,
): { attributions: Float64Array; gaps: Float64Array } {
  const toOriginal = outputToOriginal(map);
  const slope = map.scale[0] ?? 1;
  const cells = shape.lookback * shape.features;
  const a = new Float64Array(attributions.length);
  const g = new Float64Array(gaps.length);
  const [b0] = toOriginal(Float32Array.of(baselineOutput));
  for (let w = 0; w < shape.windows; w++) {
    const fx = output[w] as number;
    const [Fx] = toOriginal(Float32Array.of(fx));
    const dz = (fx - baselineOutput) * slope;
    let factor: number;
    if (Math.abs(dz) > 1e-9 * Math.max(1, Math.abs(fx)))
      factor = ((Fx as number) - (b0 as number)) / dz;
    else {
      // f(x) = f(x′): the local slope of the inverse transform.
      const eps = 1e-4;
      const [up, down] = toOriginal(Float32Array.of(fx + eps, fx - eps));
      factor = ((up as number) - (down as number)) / (2 * eps * slope);
    }
    for (let c = 0; c < cells; c++)
      a[w * cells + c] = (attributions[w * cells + c] as number) * slope * factor;
    g[w] = (gaps[w] as number) * slope * factor;
  }
  return { attributions: a, gaps: g };
}

/**
 * "+1 in <input> at t−k moves the t+h forecast by …": the cell with the largest mean |effect|, its
 * mean signed effect and range over the windows.
 */
export function strongestEffect(
  effect: Float64Array,
  shape: WindowShape,
  featureNames: readonly string[],
  horizonStep: number,
): string {
  const { windows, lookback, features } = shape;
  const cells = lookback * features;
  let best = -1;
  let bestAbs = -1;
  for (let c = 0; c < cells; c++) {
    let s = 0;
    for (let w = 0; w < windows; w++) s += Math.abs(effect[w * cells + c] as number);
    if (s > bestAbs) {
      bestAbs = s;
      best = c;
    }
  }
  if (best < 0 || windows === 0) return '';
  let sum = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let w = 0; w < windows; w++) {
    const v = effect[w * cells + best] as number;
    sum += v;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const fmt = (v: number): string => String(Number(v.toPrecision(3)));
  const lag = lookback - Math.floor(best / features);
  const name = featureNames[best % features] ?? `input ${(best % features) + 1}`;
  const range = windows > 1 ? ` (from ${fmt(lo)} to ${fmt(hi)} over ${windows} windows)` : '';
  return `+1 in ${name} at t−${lag} moves the t+${horizonStep + 1} forecast by ${fmt(sum / windows)} on average${range}.`;
}
