// Default transforms when the analyst chose none (the CLI without --transforms, the form's
// "suggested" choice), decided on the training part only, as an analyst would before an LSTM:
// - log when every value is positive and the level at least doubles (growth that scales the swings);
// - a seasonal difference when the differenced series still correlates strongly at the seasonal lag;
// - otherwise a first difference when ADF cannot reject a unit root at 5%.
// Each decision is explained in words and recorded with the run.
import type { TransformStep } from '../transforms';
import { acf } from '../stats/acf';
import { adfTest } from '../stats/adf';

export interface SuggestedTransforms {
  steps: TransformStep[];
  reasons: string[];
}

function diff(x: Float64Array, lag: number): Float64Array {
  const out = new Float64Array(Math.max(0, x.length - lag));
  for (let i = lag; i < x.length; i++) out[i - lag] = (x[i] ?? 0) - (x[i - lag] ?? 0);
  return out;
}

export function suggestTransforms(
  train: Float64Array,
  seasonalPeriod: number,
): SuggestedTransforms {
  const steps: TransformStep[] = [];
  const reasons: string[] = [];
  if (train.length < 24 || train.some((v) => !Number.isFinite(v)))
    return { steps, reasons: ['no transforms: too little complete training data to judge'] };
  let y = train;
  const min = Math.min(...train);
  const max = Math.max(...train);
  if (min > 0 && max / min >= 2) {
    steps.push({ kind: 'log' });
    reasons.push(
      `log: all values positive and the level grows ${(max / min).toFixed(1)}× over the training part`,
    );
    y = y.map(Math.log);
  }
  const m = Math.floor(seasonalPeriod);
  if (m > 1 && y.length >= 4 * m) {
    const seasonal = acf(diff(y, 1), m)[m] ?? 0;
    if (seasonal > 0.3) {
      steps.push({ kind: 'seasonalDiff', period: m });
      reasons.push(
        `seasonal difference (m = ${m}): the differenced series still correlates at lag ${m} (r = ${seasonal.toFixed(2)})`,
      );
      return { steps, reasons };
    }
  }
  try {
    const test = adfTest(y);
    if (test.pValue > 0.05) {
      steps.push({ kind: 'diff' });
      reasons.push(
        `first difference: ADF does not reject a unit root (p = ${test.pValue.toFixed(3)})`,
      );
    }
  } catch {
    // too short for ADF: leave the level alone
  }
  if (steps.length === 0) reasons.push('no transforms: the training part looks stationary');
  return { steps, reasons };
}
