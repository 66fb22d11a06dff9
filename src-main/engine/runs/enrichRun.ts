// What the studio adds to every fit beyond the modelling core: a run id the contract accepts, the
// auto-ARIMA baseline beside naive/seasonal-naive/mean, and split-conformal prediction intervals
// calibrated on the validation windows, per horizon step.
import type { RunResult as CoreRun } from '../model/runResult';
import { computeMetrics, type ForecastMetrics } from '../model/metrics';
import { fitArimaBaseline } from '../interpret/arimaBaseline';
import { conformalIntervals, empiricalCoverage } from '../interpret/conformal';
import type { RunResult } from '../../shared/schemas/model';

export const intervalLevels = [0.8, 0.95] as const;

function jsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

interface ArimaFit {
  metrics: ForecastMetrics;
  predictions: number[];
  note: string;
}

function arimaSkipped(): ReturnType<typeof arimaBaseline> {
  return { note: 'auto-ARIMA not fitted: the run was cancelled' };
}

function arimaBaseline(
  core: CoreRun,
  target: Float64Array,
): { metrics: ForecastMetrics; predictions: number[]; note: string } | { note: string } {
  const { valStart, testStart } = core.split;
  const m = core.dataset.seasonalPeriod;
  const train = target.subarray(0, valStart);
  const after = target.subarray(valStart);
  const fit = fitArimaBaseline(train, m, after);
  if (!fit.ok) return { note: `auto-ARIMA not available: ${fit.reason}` };
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
  return { metrics, predictions, note };
}

function intervals(core: CoreRun): Pick<RunResult, 'intervals' | 'forecastIntervals'> {
  const validation = core.validation;
  if (!validation || validation.predicted.length === 0)
    return { intervals: [], forecastIntervals: [] };
  const residuals = Float64Array.from(validation.actual, (a, i) =>
    Math.abs(a - (validation.predicted[i] ?? Number.NaN)),
  );
  const horizon = core.test.horizon;
  const bands = conformalIntervals(
    Float64Array.from(core.test.predicted),
    residuals,
    horizon,
    intervalLevels,
  );
  const forecastBands = conformalIntervals(
    Float64Array.from(core.forecast.values),
    residuals,
    horizon,
    intervalLevels,
  );
  return {
    intervals: bands.map((band) => ({
      level: band.level,
      lower: Array.from(band.lower),
      upper: Array.from(band.upper),
      halfWidth: Array.from(band.halfWidth),
      coverage: empiricalCoverage(core.test.actual, band.lower, band.upper),
      notes: band.notes,
    })),
    forecastIntervals: forecastBands.map((band) => ({
      level: band.level,
      lower: Array.from(band.lower),
      upper: Array.from(band.upper),
      halfWidth: Array.from(band.halfWidth),
      coverage: null,
      notes: band.notes,
    })),
  };
}

export function enrichRun(
  core: CoreRun,
  datasetId: string,
  target: Float64Array,
  runId: string,
): RunResult {
  // A cancelled run should come back at once: skip the auto-ARIMA search (it can take seconds).
  const arima = core.stoppedReason === 'cancelled' ? arimaSkipped() : arimaBaseline(core, target);
  const arimaFit = 'metrics' in arima ? (arima as ArimaFit) : null;
  const baselineNotes: Record<string, string> = {
    naive: 'last value before each test window',
    seasonalNaive: `value ${core.dataset.seasonalPeriod} steps back`,
    mean: 'mean of the training part',
    arima: arima.note,
  };
  const baselines: Record<string, ForecastMetrics> = { ...core.baselines };
  const baselinePredictions: Record<string, number[]> = { ...core.test.baselinePredictions };
  if (arimaFit) {
    baselines.arima = arimaFit.metrics;
    baselinePredictions.arima = arimaFit.predictions;
  }
  return jsonSafe({
    ...core,
    id: runId,
    datasetId,
    baselines,
    baselineNotes,
    test: { ...core.test, baselinePredictions },
    ...intervals(core),
  }) as unknown as RunResult;
}
