// What a scored run gets on top of its metrics: the verdict against the best baseline and the
// h-step evaluation from one origin. Called last, once every baseline row is in place.
import type { RunResult } from '../../shared/schemas/model';
import { asJson } from '../analysis/jsonSafe';
import { hStepEvaluation } from './hStep';
import { runVerdict } from './verdict';

export function withEvaluation(run: RunResult, target: Float64Array): RunResult {
  const hStep = hStepEvaluation(run, target, run.dataset.seasonalPeriod);
  return {
    ...run,
    verdict: runVerdict(run),
    hStep: hStep ? asJson<NonNullable<RunResult['hStep']>>(hStep) : null,
  };
}
