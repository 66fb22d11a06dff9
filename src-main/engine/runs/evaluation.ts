// What a scored run gets on top of its metrics: the verdict against the best baseline and the
// h-step evaluation from one origin. Called last, once every baseline row is in place.
import { HStepEvaluation, type RunResult } from '../../shared/schemas/model';
import { jsonAs } from '../analysis/jsonSafe';
import { hStepEvaluation } from './hStep';
import { runVerdict } from './verdict';

/** Classical baselines' h-step forecasts from the first test origin (`baselineModels[k].originForecast`). */
export function originPaths(run: { baselineModels?: unknown }): Record<string, number[]> {
  const models = run.baselineModels;
  if (!models || typeof models !== 'object') return {};
  const out: Record<string, number[]> = {};
  for (const [name, model] of Object.entries(models as Record<string, unknown>)) {
    const path = (model as { originForecast?: unknown } | null)?.originForecast;
    if (Array.isArray(path) && path.length > 0)
      out[name] = path.map((v) => (typeof v === 'number' ? v : Number.NaN));
  }
  return out;
}

export function withEvaluation(run: RunResult, target: Float64Array): RunResult {
  const hStep = hStepEvaluation(run, target, run.dataset.seasonalPeriod, originPaths(run));
  return {
    ...run,
    verdict: runVerdict(run),
    hStep: hStep ? jsonAs(HStepEvaluation, hStep) : null,
  };
}
