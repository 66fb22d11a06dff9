// What the studio adds to every fit beyond the modelling core: a run id the contract accepts, the
// classical baselines (ETS, Theta, auto-ARIMA) beside naive/seasonal-naive/mean, and split-conformal
// prediction intervals calibrated on the validation windows, per horizon step. When the validation
// windows are too few for a bounded 95% interval (fewer than 19), both intervals come instead from
// ETS's analytic prediction intervals (ARIMA's when ETS could not be fitted), fitted on the training
// part and centred on the model's forecast; each band names its method and its test coverage.
import type { RunResult as CoreRun } from '../model/runResult';
import { computeMetrics, type ForecastMetrics } from '../model/metrics';
import {
  CLASSICAL_METHODS,
  fitBeforeTest,
  type ClassicalBaselines,
  type ClassicalFitCache,
  type ClassicalMethod,
  type ClassicalSuccess,
} from '../baselines/classical';
import {
  allBounded,
  conformalIntervals,
  empiricalCoverage,
  modelBasedIntervals,
  type ConformalBand,
  type ReferenceIntervals,
} from '../evaluation/conformal';
import { RunResult, type BaselineModel } from '../../shared/schemas/model';
import { jsonAs } from '../analysis/jsonSafe';
import { absoluteErrors } from './testErrors';
import { withEvaluation } from './evaluation';

export const intervalLevels = [0.8, 0.95] as const;

/** The classical rows of the baseline table (ETS, Theta, ARIMA): scores, or the note saying why not. */
export interface ClassicalRow {
  fit: {
    metrics: ForecastMetrics;
    predictions: number[];
    model: BaselineModel;
    result: ClassicalSuccess;
  } | null;
  note: string;
}

/** Told before each classical baseline is fitted: its name in words and how many came before. */
export type BaselineProgress = (name: string, done: number, total: number) => void;

const baselineWords: Record<ClassicalMethod, string> = {
  ets: 'ETS',
  theta: 'Theta',
  arima: 'auto-ARIMA',
};

function classicalRows(
  core: CoreRun,
  target: Float64Array,
  onBaseline?: BaselineProgress,
  cache?: ClassicalFitCache,
): Record<ClassicalMethod, ClassicalRow> {
  // Fitted on every row before the test part (a classical method needs no validation rows), from
  // the first test window's origin and from the end of the data (the forecast past it, beside the
  // model's): the same fits as the combination's classical parts, which the cache shares.
  const { testStart } = core.split;
  const m = core.dataset.seasonalPeriod;
  const { targetStarts, horizon } = core.test;
  const endPath = targetStarts.length;
  // One method at a time, so progress can name the one being fitted.
  const results: ClassicalBaselines = {};
  CLASSICAL_METHODS.forEach((method, i) => {
    onBaseline?.(baselineWords[method], i, CLASSICAL_METHODS.length);
    Object.assign(
      results,
      fitBeforeTest(target, m, horizon, testStart, targetStarts, [method], cache),
    );
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
      for (let h = 0; h < horizon; h++) predictions.push(oneStep[t0 + h - testStart] ?? Number.NaN);
    }
    const metrics = computeMetrics(core.test.actual, predictions, target.subarray(0, testStart), m);
    const note =
      `${r.label} fitted on the rows before the test part, one-step-ahead forecasts` +
      (horizon > 1
        ? " (each point from all actuals before it: an easier task than the model's direct multi-step forecast)"
        : '');
    const model: BaselineModel = {
      label: r.label,
      parameters: r.parameters,
      note: r.note,
      originForecast: (targetStarts.length > 0 ? r.originPaths[0] : r.forecast) ?? [],
      forecast: r.originPaths[endPath] ?? [],
    };
    rows[method] = { fit: { metrics, predictions, model, result: r }, note };
  }
  return rows;
}

type Band = RunResult['intervals'][number];

function toBands(
  bands: ConformalBand[],
  actual: number[] | null,
  method: NonNullable<Band['method']>,
  methodLabel: string,
  extraNotes: string[],
): Band[] {
  return bands.map((band) => ({
    level: band.level,
    lower: Array.from(band.lower),
    upper: Array.from(band.upper),
    halfWidth: Array.from(band.halfWidth),
    coverage: actual ? empiricalCoverage(actual, band.lower, band.upper) : null,
    notes: [...extraNotes, ...band.notes],
    method,
    methodLabel,
  }));
}

/** The classical model whose analytic intervals stand in when calibration is short: ETS, else ARIMA. */
function referenceModel(
  classical: Record<ClassicalMethod, ClassicalRow>,
): { result: ClassicalSuccess; reference: ReferenceIntervals } | null {
  for (const method of ['ets', 'arima'] as const) {
    const result = classical[method].fit?.result;
    if (!result || result.intervals.length < intervalLevels.length) continue;
    const multiplicative = method === 'ets' && result.parameters.error === 'M';
    return {
      result,
      reference: {
        forecast: result.forecast,
        bands: result.intervals,
        scale: multiplicative ? 'relative' : 'absolute',
      },
    };
  }
  return null;
}

/**
 * Split-conformal bands from the validation residuals when they bound every level at every step;
 * otherwise the model-based fallback (see the file header); otherwise the unbounded conformal bands
 * with their notes.
 */
export function runIntervals(
  core: Pick<CoreRun, 'validation' | 'test' | 'forecast'>,
  classical: Record<ClassicalMethod, ClassicalRow>,
): Pick<RunResult, 'intervals' | 'forecastIntervals'> {
  const validation = core.validation;
  const horizon = core.test.horizon;
  const testPred = Float64Array.from(core.test.predicted);
  const futurePred = Float64Array.from(core.forecast.values);
  const calWindows = validation ? validation.predicted.length / horizon : 0;
  const conformal =
    validation && validation.predicted.length > 0
      ? {
          test: conformalIntervals(testPred, absoluteErrors(validation), horizon, intervalLevels),
          future: conformalIntervals(
            futurePred,
            absoluteErrors(validation),
            horizon,
            intervalLevels,
          ),
        }
      : null;
  const conformalLabel = `split conformal on ${calWindows} validation window${calWindows === 1 ? '' : 's'}, per horizon step`;
  if (conformal && allBounded(conformal.test)) {
    return {
      intervals: toBands(conformal.test, core.test.actual, 'split-conformal', conformalLabel, []),
      forecastIntervals: toBands(conformal.future, null, 'split-conformal', conformalLabel, []),
    };
  }
  const fallback = referenceModel(classical);
  if (fallback) {
    const { result, reference } = fallback;
    const label = `${result.label} prediction intervals (fitted on the rows before the test part), centred on the model's forecast`;
    const why = [
      (calWindows === 0
        ? 'No validation windows to calibrate conformal intervals'
        : `Only ${calWindows} validation window${calWindows === 1 ? '' : 's'}: a bounded 95% conformal interval needs at least 19`) +
        `, so both intervals are ${result.label}'s analytic prediction intervals` +
        (reference.scale === 'relative' ? ", their width scaled to the forecast's level." : '.'),
    ];
    return {
      intervals: toBands(
        modelBasedIntervals(testPred, horizon, reference, intervalLevels),
        core.test.actual,
        'model-based',
        label,
        why,
      ),
      forecastIntervals: toBands(
        modelBasedIntervals(futurePred, horizon, reference, intervalLevels),
        null,
        'model-based',
        label,
        why,
      ),
    };
  }
  if (!conformal) return { intervals: [], forecastIntervals: [] };
  return {
    intervals: toBands(conformal.test, core.test.actual, 'split-conformal', conformalLabel, []),
    forecastIntervals: toBands(conformal.future, null, 'split-conformal', conformalLabel, []),
  };
}

export function enrichRun(
  core: CoreRun,
  datasetId: string,
  target: Float64Array,
  runId: string,
  onBaseline?: BaselineProgress,
  cache?: ClassicalFitCache,
): RunResult {
  // A cancelled run should come back at once: skip the classical fits (they can take seconds).
  const cancelled: Record<ClassicalMethod, ClassicalRow> = {
    arima: { fit: null, note: 'auto-ARIMA not fitted: the run was cancelled' },
    ets: { fit: null, note: 'ETS not fitted: the run was cancelled' },
    theta: { fit: null, note: 'Theta not fitted: the run was cancelled' },
  };
  const classical =
    core.stoppedReason === 'cancelled' ? cancelled : classicalRows(core, target, onBaseline, cache);
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
  const run = jsonAs(RunResult, {
    ...core,
    id: runId,
    datasetId,
    baselines,
    baselineNotes,
    test: { ...core.test, baselinePredictions },
    baselineModels,
    ...runIntervals(core, classical),
  });
  return withEvaluation(run, target);
}
