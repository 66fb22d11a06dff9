// What the studio adds to every fit beyond the modelling core: a run id the contract accepts, the
// auto-ARIMA baseline beside naive/seasonal-naive/mean, and split-conformal prediction intervals
// calibrated on the validation windows, per horizon step.
import type { RunResult as CoreRun } from '../model/runResult';
import { computeMetrics, type ForecastMetrics } from '../model/metrics';
import { fitArimaBaseline } from '../baselines/arimaBaseline';
import { conformalIntervals, empiricalCoverage } from '../interpret/conformal';
import type { RunResult } from '../../shared/schemas/model';
import { asJson } from '../analysis/jsonSafe';
import { absoluteErrors } from './testErrors';
import { withEvaluation } from './evaluation';

export const intervalLevels = [0.8, 0.95] as const;

/** The auto-ARIMA row of the baseline table: its scores, or only the note saying why there are none. */
interface ArimaRow {
  fit: { metrics: ForecastMetrics; predictions: number[] } | null;
  note: string;
}

function arimaBaseline(core: CoreRun, target: Float64Array): ArimaRow {
  const { valStart, testStart } = core.split;
  const m = core.dataset.seasonalPeriod;
  const train = target.subarray(0, valStart);
  const after = target.subarray(valStart);
  const fit = fitArimaBaseline(train, m, after);
  if (!fit.ok) return { fit: null, note: `auto-ARIMA not available: ${fit.reason}` };
  // One-step-ahead forecast of every target point, aligned with the model's (window, step) pairs.
  const { targetStarts, horizon } = core.test;
  const predictions: number[] = [];
  for (const t0 of targetStarts) {
    for (let h = 0; h < horizon; h++)
      predictions.push(fit.predictions[t0 + h - valStart] ?? Number.NaN);
  }
  const metrics = computeMetrics(core.test.actual, predictions, target.subarray(0, testStart), m);
  const note =
    `${fit.label} fitted on the training part, one-step-ahead forecasts` +
    (horizon > 1
      ? " (each point from all actuals before it: an easier task than the model's direct multi-step forecast)"
      : '');
  return { fit: { metrics, predictions }, note };
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
  // A cancelled run should come back at once: skip the auto-ARIMA search (it can take seconds).
  const arima: ArimaRow =
    core.stoppedReason === 'cancelled'
      ? { fit: null, note: 'auto-ARIMA not fitted: the run was cancelled' }
      : arimaBaseline(core, target);
  const baselineNotes: Record<string, string> = {
    naive: 'last value before each test window',
    seasonalNaive: `value ${core.dataset.seasonalPeriod} steps back`,
    mean: 'mean of the training part',
    arima: arima.note,
  };
  const baselines: Record<string, ForecastMetrics> = { ...core.baselines };
  const baselinePredictions: Record<string, number[]> = { ...core.test.baselinePredictions };
  if (arima.fit) {
    baselines.arima = arima.fit.metrics;
    baselinePredictions.arima = arima.fit.predictions;
  }
  const run = asJson<RunResult>({
    ...core,
    id: runId,
    datasetId,
    baselines,
    baselineNotes,
    test: { ...core.test, baselinePredictions },
    ...intervals(core),
  });
  return withEvaluation(run, target);
}
