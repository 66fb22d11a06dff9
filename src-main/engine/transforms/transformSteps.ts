// Forward transforms of a target series. Every step is causal: value t depends only on values <= t,
// so the transform of a prefix equals the prefix of the transform. Inversion relies on that.

import type { ResolvedTransformStep } from '../../shared/schemas/engine';
import { boxcoxValue, invBoxcoxValue } from '../stats/boxcox';

/** One JSON-able transform step, applied in order: the contract's step with any Box-Cox λ resolved. */
export type TransformStep = ResolvedTransformStep;

/** Number of leading positions a step leaves undefined (NaN). */
export function stepLag(step: TransformStep): number {
  if (step.kind === 'diff') return 1;
  if (step.kind === 'seasonalDiff') return step.period;
  return 0;
}

/** Box-Cox of one value: the one implementation in stats/boxcox (expm1/log1p, exact at tiny λ). */
export const boxCox = boxcoxValue;

/** Inverse Box-Cox of one value (log1p, exact at tiny λ). */
export const inverseBoxCox = invBoxcoxValue;

function validate(step: TransformStep): void {
  if (step.kind === 'seasonalDiff' && (!Number.isInteger(step.period) || step.period < 1)) {
    throw new Error(`seasonal difference needs an integer period >= 1, got ${step.period}`);
  }
  if (step.kind === 'boxcox' && !Number.isFinite(step.lambda)) {
    throw new Error(`Box-Cox lambda must be finite, got ${step.lambda}`);
  }
}

/** Applies one step; positions without enough history become NaN. */
export function applyStep(values: Float64Array, step: TransformStep): Float64Array {
  validate(step);
  const out = new Float64Array(values.length);
  for (let t = 0; t < values.length; t++) {
    const v = values[t] ?? Number.NaN;
    switch (step.kind) {
      case 'log':
        if (!(v > 0))
          throw new Error(`log transform needs positive values; value ${v} at row ${t}`);
        out[t] = Math.log(v);
        break;
      case 'boxcox':
        if (!(v > 0)) throw new Error(`Box-Cox needs positive values; value ${v} at row ${t}`);
        out[t] = boxCox(v, step.lambda);
        break;
      case 'diff':
        out[t] = t < 1 ? Number.NaN : v - (values[t - 1] ?? Number.NaN);
        break;
      case 'seasonalDiff':
        out[t] = t < step.period ? Number.NaN : v - (values[t - step.period] ?? Number.NaN);
        break;
    }
  }
  return out;
}

export interface TransformResult {
  /** Transformed series, same length as the input; the first `offset` entries are NaN. */
  values: Float64Array;
  /** Leading rows that have no transformed value. */
  offset: number;
  /** levels[0] is the input, levels[j] the series after step j (used for inversion). */
  levels: Float64Array[];
}

export function applyTransforms(
  values: Float64Array,
  steps: readonly TransformStep[],
): TransformResult {
  const levels: Float64Array[] = [values];
  let current = values;
  let offset = 0;
  for (const step of steps) {
    current = applyStep(current, step);
    offset += stepLag(step);
    levels.push(current);
  }
  return { values: current, offset, levels };
}
