// The test-set pairs of a run at one horizon step (1-based), in time order.
import { StudioFailure } from '../../shared/result';

export interface RunTestPart {
  id: string;
  test: {
    targetStarts: number[];
    horizon: number;
    times: number[];
    predicted: (number | null)[];
    actual: (number | null)[];
  };
}

export interface StepSeries {
  targetStarts: number[];
  times: number[];
  actual: Float64Array;
  predicted: Float64Array;
}

export function stepSeries(run: RunTestPart, step: number): StepSeries {
  const { horizon, targetStarts } = run.test;
  if (step < 1 || step > horizon) {
    throw new StudioFailure(
      'invalid-request',
      `Run ${run.id} forecasts ${horizon} step(s) ahead; step ${step} does not exist.`,
    );
  }
  const k = targetStarts.length;
  const actual = new Float64Array(k);
  const predicted = new Float64Array(k);
  const times: number[] = [];
  for (let w = 0; w < k; w++) {
    const at = w * horizon + (step - 1);
    actual[w] = run.test.actual[at] ?? Number.NaN;
    predicted[w] = run.test.predicted[at] ?? Number.NaN;
    times.push(run.test.times[at] ?? Number.NaN);
  }
  return { targetStarts: targetStarts.map((t) => t + step - 1), times, actual, predicted };
}

/** actual − predicted, pair by pair (NaN where either is missing). */
export function stepErrors(series: Pick<StepSeries, 'actual' | 'predicted'>): Float64Array {
  return Float64Array.from(series.actual, (a, i) => a - (series.predicted[i] ?? Number.NaN));
}

/** |actual − predicted| over a run's windows: the conformal calibration scores. */
export function absoluteErrors(part: {
  actual: ArrayLike<number>;
  predicted: ArrayLike<number>;
}): Float64Array {
  return Float64Array.from(part.actual, (a, i) => Math.abs(a - (part.predicted[i] ?? Number.NaN)));
}

/** Two runs scored on the very same test windows (a paired comparison needs that). */
export function sameTestWindows(a: RunTestPart, b: RunTestPart): boolean {
  const x = a.test.targetStarts;
  const y = b.test.targetStarts;
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
