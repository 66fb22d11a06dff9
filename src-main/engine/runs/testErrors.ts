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
