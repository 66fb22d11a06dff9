// What the studio adds to every fit beyond the modelling core: a run id the contract accepts, the
// classical baselines (ETS, Theta, auto-ARIMA) beside naive/seasonal-naive/mean, and split-conformal
// prediction intervals calibrated on the validation windows, per horizon step.
import type { RunResult as CoreRun } from '../model/runResult';
import { computeMetrics, type ForecastMetrics } from '../model/metrics';
import {
  CLASSICAL_METHODS,
  classicalBaselines,
  type ClassicalMethod,
} from '../baselines/classical';
import { conformalIntervals, empiricalCoverage } from '../interpret/conformal';
import type { BaselineModel, RunResult } from '../../shared/schemas/model';
import { asJson } from '../analysis/jsonSafe';
import { absoluteErrors } from './testErrors';
import { withEvaluation } from './evaluation';

export const intervalLevels = [0.8, 0.95] as const;

/** The classical rows of the baseline table (ETS, Theta, ARIMA): scores, or the note saying why not. */
interface ClassicalRow {
  fit: { metrics: ForecastMetrics; predictions: number[]; model: BaselineModel } | null;
  note: string;
}

function classicalRows(core: CoreRun, target: Float64Array): Record<ClassicalMethod, ClassicalRow> {
  const { valStart, testStart } = core.split;
  const m = core.dataset.seasonalPeriod;
  const train = target.subarray(0, valStart);
  const after = target.subarray(valStart);
  const { targetStarts, horizon } = core.test;
  const origin = (targetStarts[0] ?? testStart) - valStart;
  // Origins: the first test window, and the end of the data (the forecast past it, beside the model's).
  const results = classicalBaselines(train, m, horizon, {
    test: after,
    origins: [origin, after.length],
  });
  const rows = {} as Record<ClassicalMethod, ClassicalRow>;
  for (const method of CLASSICAL_METHODS) {
    const r = results[method];
    if (!r?.ok || !r.oneStep) {
      rows[method] = { fit: null, note: r?.note ?? `${method} not fitted` };
      continue;
    }
    const oneStep = r.oneStep;
    // One-step-ahead forecast of every target point, aligned with the model's (window, step) pairs.
    const predictions: number[] = [];
    for (const t0 of targetStarts) {
      for (let h = 0; h < horizon; h++) predictions.push(oneStep[t0 + h - valStart] ?? Number.NaN);
    }
    const metrics = computeMetrics(core.test.actual, predictions, target.subarray(0, testStart), m);
    const note =
      `${r.label} fitted on the training part, one-step-ahead forecasts` +
      (horizon > 1
        ? " (each point from all actuals before it: an easier task than the model's direct multi-step forecast)"
        : '');
    const model: BaselineModel = {
      label: r.label,
      parameters: r.parameters,
      note: r.note,
      originForecast: r.originPaths[0] ?? [],
      forecast: r.originPaths[1] ?? [],
    };
    rows[method] = { fit: { metrics, predictions, model }, note };
  }
  return rows;
}

type Band = RunResult['intervals'][number];

/** Split-conformal bands for `predictions`, with empirical coverage when the actuals are known. */
function bands(
  predictions: number[],
  scores: Float64Array,
  horizon: number,
  actual: number[] | null,
): Band[] {
  return conformalIntervals(Float64Array.from(predictions), scores, horizon, intervalLevels).map(
    (band) => ({
      level: band.level,
      lower: Array.from(band.lower),
      upper: Array.from(band.upper),
      halfWidth: Array.from(band.halfWidth),
      coverage: actual ? empiricalCoverage(actual, band.lower, band.upper) : null,
      notes: band.notes,
    }),
  );
}

function intervals(core: CoreRun): Pick<RunResult, 'intervals' | 'forecastIntervals'> {
  const validation = core.validation;
  if (!validation || validation.predicted.length === 0)
    return { intervals: [], forecastIntervals: [] };
  const scores = absoluteErrors(validation);
  const horizon = core.test.horizon;
  return {
    intervals: bands(core.test.predicted, scores, horizon, core.test.actual),
    forecastIntervals: bands(core.forecast.values, scores, horizon, null),
  };
}

export function enrichRun(
  core: CoreRun,
  datasetId: string,
  target: Float64Array,
  runId: string,
): RunResult {
  // A cancelled run should come back at once: skip the classical fits (they can take seconds).
  const cancelled: Record<ClassicalMethod, ClassicalRow> = {
    arima: { fit: null, note: 'auto-ARIMA not fitted: the run was cancelled' },
    ets: { fit: null, note: 'ETS not fitted: the run was cancelled' },
    theta: { fit: null, note: 'Theta not fitted: the run was cancelled' },
  };
  const classical = core.stoppedReason === 'cancelled' ? cancelled : classicalRows(core, target);
  const baselineNotes: Record<string, string> = {
    naive: 'last value before each test window',
    seasonalNaive: `value ${core.dataset.seasonalPeriod} steps back`,
    mean: 'mean of the training part',
  };
  const baselines: Record<string, ForecastMetrics> = { ...core.baselines };
  const baselinePredictions: Record<string, number[]> = { ...core.test.baselinePredictions };
  const baselineModels: Record<string, BaselineModel> = {};
  for (const method of CLASSICAL_METHODS) {
    const row = classical[method];
    baselineNotes[method] = row.note;
    if (row.fit) {
      baselines[method] = row.fit.metrics;
      baselinePredictions[method] = row.fit.predictions;
      baselineModels[method] = row.fit.model;
    }
  }
  const run = asJson<RunResult>({
    ...core,
    id: runId,
    datasetId,
    baselines,
    baselineNotes,
    test: { ...core.test, baselinePredictions },
    baselineModels,
    ...intervals(core),
  });
  return withEvaluation(run, target);
}
