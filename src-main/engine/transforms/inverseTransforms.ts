// Inverse of applyTransforms for a block of predictions at consecutive target times
// start..start+h-1. Differencing is undone with the last levels strictly before `start` and,
// beyond them, with the block's own reconstructed predictions: no value at or after `start` is read.
import { inverseBoxCox, type TransformStep } from './transformSteps';

function invertStep(
  pred: Float64Array,
  start: number,
  step: TransformStep,
  previousLevel: Float64Array,
): Float64Array {
  const out = new Float64Array(pred.length);
  const levelAt = (t: number): number => {
    // Before the block: a known value; inside it: what we reconstructed.
    if (t < start) return previousLevel[t] ?? Number.NaN;
    return out[t - start] ?? Number.NaN;
  };
  for (let k = 0; k < pred.length; k++) {
    const p = pred[k] ?? Number.NaN;
    const t = start + k;
    switch (step.kind) {
      case 'log':
        out[k] = Math.exp(p);
        break;
      case 'boxcox':
        out[k] = inverseBoxCox(p, step.lambda);
        break;
      case 'diff':
        out[k] = levelAt(t - 1) + p;
        break;
      case 'seasonalDiff':
        out[k] = levelAt(t - step.period) + p;
        break;
    }
  }
  return out;
}

/**
 * Original-unit predictions for target times start..start+pred.length-1.
 * `levels` is TransformResult.levels of the series (or of any series that agrees with it before
 * `start`); only indices < start are read.
 */
export function invertPredictions(
  pred: Float64Array,
  start: number,
  levels: readonly Float64Array[],
  steps: readonly TransformStep[],
): Float64Array {
  if (levels.length !== steps.length + 1) {
    throw new Error(`expected ${steps.length + 1} levels, got ${levels.length}`);
  }
  let current = pred;
  for (let j = steps.length - 1; j >= 0; j--) {
    const step = steps[j];
    const prev = levels[j];
    if (step === undefined || prev === undefined) throw new Error('inconsistent transform levels');
    current = invertStep(current, start, step, prev);
  }
  return current;
}
