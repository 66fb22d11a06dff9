// Walk-forward (rolling-origin) evaluation. Each fold fits on its own training part only (scalers
// and transforms included, because runFit fits them on what it is given), then forecasts the next
// h points from the fold's origin. Finished folds survive a cancel.
import type { TrainingRuntime } from '../model/recurrentKernel';
import path from 'node:path';
import { BacktestFold, type BacktestResult } from '../../shared/schemas/search';
import { Metrics } from '../../shared/schemas/model';
import { StudioFailure } from '../../shared/result';
import { jsonAs, nullable } from '../analysis/jsonSafe';
import { absoluteErrors } from './testErrors';
import type { LoadedDataset } from '../datasets/openDataset';
import { makeFolds, type Fold } from '../evaluation/folds';
import { conformalIntervals } from '../evaluation/conformal';
import { forecastWithModel } from '../model/forecast';
import { loadModel } from '../model/modelFiles';
import { computeMetrics, type ForecastMetrics } from '../model/metrics';
import { runFit, type FitDataset } from '../model/runFit';
import type { FitConfig } from '../model/fitConfig';
import { fitDatasetOf } from './fitDataset';
import { resolveSteps } from '../analysis/columnSeries';
import type { TransformStep as ContractStep } from '../../shared/schemas/analysis';
import { foldBaselines } from '../baselines/foldBaselines';
import { aggregateFolds } from './foldAggregate';
import { rollingOneStep } from './hStep';

export interface BacktestParams {
  settings: Partial<Omit<FitConfig, 'transforms'>>;
  /** As chosen in exploration; a Box-Cox λ left to estimate is estimated on each fold's training part. */
  transforms: ContractStep[];
  folds: number;
  horizon: number;
  stride?: number | undefined;
  window: 'expanding' | 'sliding';
  refit: 'scratch' | 'finetune' | 'none';
}

export const refitNotes = {
  scratch:
    'Refit from scratch: a full training per fold (k × the cost of one fit); folds are independent.',
  finetune:
    "Fine-tune: each fold starts from the previous fold's weights and trains on its own (longer) training part — usually fewer epochs to converge, but folds are no longer independent.",
  none: 'Keep the first model: trained once on the first fold, then only predicts the later folds (1 fit in total); shows how a model ages without retraining.',
} as const;

function slice(data: FitDataset, from: number, to: number): FitDataset {
  const columns: Record<string, Float64Array> = {};
  for (const [name, values] of Object.entries(data.columns))
    columns[name] = values.subarray(from, to);
  return { ...data, time: data.time.subarray(from, to), columns };
}

export async function runBacktest(
  dataset: LoadedDataset,
  params: BacktestParams,
  workDir: string,
  hooks: {
    signal: AbortSignal;
    progress: (fraction: number, message: string) => void;
    /** The kernels every fold's network is trained and run with. */
    runtime: TrainingRuntime;
  },
): Promise<BacktestResult> {
  const started = performance.now();
  const data = fitDatasetOf(dataset);
  const targetName = params.settings.target ?? dataset.table.columns[0]?.name ?? '';
  const target = data.columns[targetName];
  if (!target)
    throw new StudioFailure(
      'not-found',
      `${dataset.info.name} has no numeric column "${targetName}".`,
    );
  const lookback = params.settings.lookback ?? Math.min(2 * Math.max(1, data.seasonalPeriod), 24);
  const h = params.horizon;
  let folds: Fold[];
  try {
    folds = makeFolds({
      n: target.length,
      folds: params.folds,
      horizon: h,
      stride: params.stride,
      window: params.window,
      minTrain: 2 * (lookback + h),
      lookback,
    });
  } catch (error) {
    throw new StudioFailure(
      'invalid-request',
      error instanceof Error ? error.message : String(error),
    );
  }
  const period = data.seasonalPeriod;
  const out: BacktestResult['folds'] = [];
  // Step 1 of each classical baseline's path per fold, for the rolling one-step metrics.
  const stepOne: Record<string, (number | null)[]> = { arima: [], ets: [], theta: [] };
  let firstModelDir: string | null = null;
  let previousDir: string | null = null;
  let backend = '';
  let kernel = '';
  for (const fold of folds) {
    if (hooks.signal.aborted) break;
    const label = `Fold ${fold.index + 1}/${folds.length}`;
    hooks.progress(
      fold.index / folds.length,
      `${label}: training on rows ${fold.trainStart}–${fold.trainEnd - 1}`,
    );
    const window = slice(data, fold.trainStart, fold.testEnd);
    const dir = path.join(workDir, 'backtest', `fold-${fold.index}-${Date.now()}`);
    let predicted: number[];
    let trainingSeconds = 0;
    let interval95: { lower: (number | null)[]; upper: (number | null)[] } | null = null;
    if (params.refit === 'none' && firstModelDir !== null) {
      const loaded = await loadModel(firstModelDir, hooks.runtime);
      try {
        predicted = forecastWithModel(loaded, slice(data, fold.trainStart, fold.testStart)).values;
      } finally {
        loaded.model.dispose();
      }
    } else {
      const transforms = resolveSteps(
        target.subarray(fold.trainStart, fold.trainEnd),
        params.transforms,
      );
      const settings: Partial<FitConfig> = {
        ...params.settings,
        transforms,
        target: targetName,
        lookback,
        horizon: h,
        testSize: h,
      };
      const run = await runFit(
        window,
        settings,
        { signal: hooks.signal },
        {
          saveDir: dir,
          runtime: hooks.runtime,
          ...(params.refit === 'finetune' && previousDir ? { initialWeightsDir: previousDir } : {}),
        },
      );
      if (run.stoppedReason === 'cancelled') break;
      backend = run.backend.backend;
      kernel = run.kernel;
      trainingSeconds = run.timings.trainingSeconds;
      predicted = run.test.predicted.slice(0, h);
      firstModelDir ??= dir;
      previousDir = dir;
      const validation = run.validation;
      if (validation && validation.predicted.length > 0) {
        const scores = absoluteErrors(validation);
        const [band] = conformalIntervals(Float64Array.from(predicted), scores, h, [0.95]);
        if (band) interval95 = { lower: nullable(band.lower), upper: nullable(band.upper) };
      }
    }
    const actual = target.subarray(fold.testStart, fold.testEnd);
    const metrics: ForecastMetrics = computeMetrics(
      actual,
      predicted,
      target.subarray(fold.trainStart, fold.testStart),
      period,
    );
    const baselines = foldBaselines(target, fold, period);
    for (const [name, values] of Object.entries(stepOne))
      values.push(baselines.paths[name]?.[0] ?? null);
    out.push({
      index: fold.index,
      trainStart: fold.trainStart,
      trainEnd: fold.trainEnd,
      testStart: fold.testStart,
      testEnd: fold.testEnd,
      times: Array.from(data.time.subarray(fold.testStart, fold.testEnd)),
      actual: nullable(actual),
      predicted: nullable(predicted),
      metrics: jsonAs(Metrics, metrics),
      baselines: jsonAs(BacktestFold.shape.baselines, baselines.metrics),
      baselineNotes: baselines.notes,
      interval95,
      trainingSeconds,
    });
  }
  hooks.progress(1, `${out.length} of ${folds.length} folds done`);
  return {
    datasetId: dataset.info.datasetId,
    target: targetName,
    refit: params.refit,
    refitNote: refitNotes[params.refit],
    window: params.window,
    horizon: h,
    folds: out,
    plannedFolds: folds.length,
    aggregate: aggregateFolds(out),
    oneStep: jsonAs(
      BacktestFold.shape.baselines,
      rollingOneStep(
        out,
        target,
        period,
        // Only the classical baselines fitted on every fold.
        Object.fromEntries(Object.entries(stepOne).filter(([, v]) => v.every((x) => x !== null))),
      ),
    ),
    cancelled: out.length < folds.length,
    seconds: (performance.now() - started) / 1000,
    backend,
    kernel,
  };
}
