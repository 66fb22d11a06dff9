// The whole pipeline behind `series-studio fit` and the job runner: validate and prepare data,
// build and train the model, score it on the test windows in original units against baselines,
// forecast past the end of the data, optionally save the model, and free every tensor.
import type * as tf from '@tensorflow/tfjs';
import { randomUUID } from 'node:crypto';
import { initBackend } from './backend';
import { meanForecast, naiveForecast, seasonalNaiveForecast } from '../baselines/baselines';
import { buildModel } from './buildModel';
import { modelConfigOf, resolveFitConfig, usesForecaster, type FitConfig } from './fitConfig';
import { computeSplit } from './split';
import { inferNextTimes } from './futureTimes';
import { forecastSeries, type ForecasterSettings } from '../forecasting/seriesForecaster';
import { engineMemberPool } from '../forecasting/engineMemberPool';
import type { MemberPool } from '../forecasting/memberPool';
import { combineWithClassical, type Combined } from '../forecasting/combination';
import type { ClassicalFitCache } from '../baselines/classical';
import type { BackendInfo } from './backend';
import { forecastFuture, type ForecastDataset } from './forecast';
import { computeMetrics } from './metrics';
import { loadStockModel, newSidecar, saveModel } from './modelFiles';
import type { TrainingRuntime } from './recurrentKernel';
import { engineRuntime } from '../kernels/trainingRuntime';
import { prepareData, selectColumns, transformAndScale, type DataSpec } from './prepareData';
import { buildWindows, windowStarts } from './windows';
import { actualsFor, predictScaled, toOriginalUnits } from './predictWindows';
import type { ForecastModelInfo, RunResult, WindowPredictions } from './runResult';
import { trainModel, type TrainHooks, type TrainResult } from './train';
import type { WindowSet } from './windows';

type ClassicForecasts = Record<'naive' | 'seasonalNaive' | 'mean', ArrayLike<number>>;

/** The naive, seasonal-naive and mean forecasts of the test windows beside the run's own: scores and values. */
function classicBaselines<T extends object, M>(
  test: T,
  predictions: ClassicForecasts,
  score: (p: ArrayLike<number>) => M,
) {
  return {
    baselines: {
      naive: score(predictions.naive),
      seasonalNaive: score(predictions.seasonalNaive),
      mean: score(predictions.mean),
    },
    test: {
      ...test,
      baselinePredictions: {
        naive: Array.from(predictions.naive),
        seasonalNaive: Array.from(predictions.seasonalNaive),
        mean: Array.from(predictions.mean),
      },
    },
  };
}

/**
 * Which parts made the combined forecast: "median of the network ensemble (…) and ETS(…) fitted on
 * all 144 rows, Theta fitted on all 144 rows", or the one part the validation screen kept.
 */
function combinationLabel(combined: Combined, networkLabel: string, n: number): string {
  const parts = [
    ...(combined.kept.network ? [`the network ensemble (${networkLabel})`] : []),
    ...combined.peers
      .filter((p) => combined.kept.peers.includes(p.method))
      .map((p) => `${p.label} fitted on all ${n} rows`),
  ];
  const [first, ...rest] = parts;
  if (rest.length === 0)
    return `${first ?? 'no part'} alone: the other parts of the combination were far worse on the validation windows`;
  return `${combined.by} of ${first} and ${rest.join(', ')}`;
}

type RunHeader = Pick<
  RunResult,
  | 'id'
  | 'createdAt'
  | 'dataset'
  | 'config'
  | 'backend'
  | 'kernel'
  | 'timings'
  | 'epochs'
  | 'stoppedReason'
  | 'stopMessage'
  | 'bestEpoch'
  | 'split'
>;

/** What every run record opens with: its dataset, settings, backend, timings, training and split. */
function runHeader(h: {
  id: string;
  started: number;
  dataset: FitDataset;
  seasonalPeriod: number;
  config: FitConfig;
  backend: BackendInfo;
  /** Name of the recurrent kernel that trained the network. */
  kernel: string;
  training: TrainResult;
  trainingSeconds: number;
  split: ReturnType<typeof computeSplit>;
  windows: { train: number; val: number; test: number };
}): RunHeader {
  return {
    id: h.id,
    createdAt: new Date().toISOString(),
    dataset: {
      name: h.dataset.name,
      filePath: h.dataset.filePath ?? null,
      rows: h.dataset.time.length,
      timeFormat: h.dataset.timeFormat,
      seasonalPeriod: h.seasonalPeriod,
    },
    config: h.config,
    backend: h.backend,
    kernel: h.kernel,
    timings: {
      totalSeconds: (performance.now() - h.started) / 1000,
      trainingSeconds: h.trainingSeconds,
      perEpochSeconds: h.training.epochs.map((e) => e.seconds),
    },
    epochs: h.training.epochs,
    stoppedReason: h.training.stoppedReason,
    stopMessage: h.training.message,
    bestEpoch: h.training.bestEpoch,
    split: {
      ...h.split,
      trainWindows: h.windows.train,
      valWindows: h.windows.val,
      testWindows: h.windows.test,
    },
  };
}

export interface FitDataset extends ForecastDataset {
  name: string;
  filePath?: string;
  /** Epoch ms or row index. */
  time: Float64Array;
  timeFormat: string;
  columns: Record<string, Float64Array>;
  seasonalPeriod: number;
}

export interface RunFitOptions {
  /** Save model.json, weights.bin and the sidecar here. */
  saveDir?: string;
  /** Start from these weights (a model saved by an earlier fit of the same shape): fine-tuning. */
  initialWeightsDir?: string;
  /** Id to give the run (defaults to a random UUID). */
  id?: string;
  /** The kernels to build and train the network with; default the engine process's runtime. */
  runtime?: TrainingRuntime;
  /** The run's classical fits, shared with its baselines (enrichRun) so each is fitted once. */
  classicalCache?: ClassicalFitCache;
  /** Workers that train ensemble members beside this thread; default the engine process's pool (none outside it), null = none. */
  members?: MemberPool | null;
}

function windowPredictions(
  model: tf.LayersModel,
  set: WindowSet,
  prepared: ReturnType<typeof prepareData>,
  config: FitConfig,
  target: Float64Array,
  time: Float64Array,
): WindowPredictions {
  const predicted = toOriginalUnits(
    predictScaled(model, set),
    set,
    prepared.scaler,
    prepared.transformed.levels,
    config.transforms,
  );
  const times: number[] = [];
  for (const t0 of set.targetStarts)
    for (let h = 0; h < set.horizon; h++) times.push(time[t0 + h] ?? t0 + h);
  return {
    targetStarts: Array.from(set.targetStarts),
    horizon: set.horizon,
    times,
    predicted: Array.from(predicted),
    actual: Array.from(actualsFor(target, set)),
  };
}

/** Copies weights from a saved model of the same architecture (the shapes must agree). */
async function copyWeightsFrom(dir: string, model: tf.LayersModel): Promise<void> {
  const donor = await loadStockModel(dir);
  try {
    model.setWeights(donor.getWeights());
  } finally {
    donor.dispose();
  }
}

export async function runFit(
  dataset: FitDataset,
  partial: Partial<FitConfig>,
  hooks: TrainHooks = {},
  options: RunFitOptions = {},
): Promise<RunResult> {
  const started = performance.now();
  const names = Object.keys(dataset.columns);
  const n = dataset.time.length;
  const config = resolveFitConfig(
    n,
    dataset.seasonalPeriod,
    partial,
    partial.target ?? names[0] ?? '',
  );
  const backend = await initBackend(config.backend ?? undefined);
  if (usesForecaster(config))
    return runForecasterFit(dataset, config, partial, backend, hooks, options, started);
  const spec: DataSpec = {
    target: config.target,
    features: config.features,
    transforms: config.transforms,
    scaler: config.scaler,
    featureRange: config.featureRange,
    window: { lookback: config.lookback, horizon: config.horizon, stride: config.stride },
  };
  const raw = selectColumns(dataset.columns, spec);
  if ((raw[0]?.length ?? 0) !== n)
    throw new Error(`time has ${n} rows, the target ${raw[0]?.length ?? 0}`);
  const prepared = prepareData(raw, spec, {
    testSize: config.testSize ?? undefined,
    testFraction: config.testFraction,
    valSize: config.valSize ?? undefined,
    valFraction: config.valFraction,
  });
  const target = raw[0] as Float64Array;
  const modelConfig = modelConfigOf(config);
  const runtime = options.runtime ?? (await engineRuntime());
  const model = buildModel(modelConfig, runtime);
  try {
    if (options.initialWeightsDir) await copyWeightsFrom(options.initialWeightsDir, model);
    const trained = await trainModel(
      model,
      { train: prepared.train, val: prepared.val },
      { ...config },
      hooks,
    );
    const test = windowPredictions(model, prepared.test, prepared, config, target, dataset.time);
    const { split } = prepared;
    const insample = target.subarray(0, split.testStart);
    const m = dataset.seasonalPeriod;
    const starts = prepared.test.targetStarts;
    const baselinePredictions = {
      naive: naiveForecast(target, starts, config.horizon),
      seasonalNaive: seasonalNaiveForecast(target, starts, config.horizon, m),
      mean: meanForecast(target, split.valStart, starts.length, config.horizon),
    };
    const score = (p: ArrayLike<number>) => computeMetrics(test.actual, p, insample, m);
    const sidecar = newSidecar({
      modelConfig,
      target: config.target,
      features: config.features,
      transforms: config.transforms,
      scaler: prepared.scaler,
      window: spec.window,
      seasonalPeriod: m,
      cellInfo: `${config.cell.toUpperCase()} ${config.layers}×${config.units} ${config.activation}`,
      trainedOn: { dataset: dataset.name, rows: n, runId: null },
    });
    const id = options.id ?? randomUUID();
    sidecar.trainedOn.runId = id;
    const refit =
      config.refitAll !== false && trained.stoppedReason !== 'cancelled'
        ? await refitClassic(dataset, raw, config, spec, trained.bestEpoch, options)
        : null;
    const forecast = refit?.forecast ?? forecastFuture(model, sidecar, dataset);
    const forecastModel: ForecastModelInfo = refit
      ? {
          kind: 'all-data-refit',
          label: `network refitted on all ${n} rows for ${refit.epochs} epoch${refit.epochs === 1 ? '' : 's'} (the count validation chose)`,
        }
      : {
          kind: 'evaluation-models',
          label: `network trained on the first ${split.valStart} rows`,
        };
    if (options.saveDir) await saveModel(options.saveDir, model, sidecar);
    return {
      ...runHeader({
        id,
        started,
        dataset,
        seasonalPeriod: m,
        config,
        backend,
        kernel: runtime.name,
        training: trained,
        trainingSeconds: trained.trainingSeconds,
        split,
        windows: {
          train: prepared.train.count,
          val: prepared.val.count,
          test: prepared.test.count,
        },
      }),
      scaler: prepared.scaler,
      metrics: score(test.predicted),
      ...classicBaselines(test, baselinePredictions, score),
      validation:
        prepared.val.count > 0
          ? windowPredictions(model, prepared.val, prepared, config, target, dataset.time)
          : null,
      forecast,
      forecastModel,
      forecaster: null,
      fallback: null,
      modelDir: options.saveDir ?? null,
    };
  } finally {
    model.dispose();
  }
}

/**
 * The classic path's forecast from a network refitted on every row: scaler and transforms fitted
 * on all rows, the same architecture, seed and initial weights, trained for the epoch count the
 * validation chose (no early stopping). Null when validation kept the initial weights.
 */
async function refitClassic(
  dataset: FitDataset,
  raw: Float64Array[],
  config: FitConfig,
  spec: DataSpec,
  bestEpoch: number | null,
  options: RunFitOptions,
): Promise<{ forecast: ReturnType<typeof forecastFuture>; epochs: number } | null> {
  const epochs = (bestEpoch ?? -1) + 1;
  if (epochs === 0) return null;
  const n = raw[0]?.length ?? 0;
  const scaled = transformAndScale(raw, spec, n);
  const first = scaled.transformed.offset;
  const windows = buildWindows(
    scaled.inputs,
    scaled.inputs[0] as Float64Array,
    windowStarts(spec.window, first, first, n),
    spec.window,
  );
  if (windows.count === 0) return null;
  const modelConfig = modelConfigOf(config);
  const model = buildModel(modelConfig, options.runtime ?? (await engineRuntime()));
  try {
    if (options.initialWeightsDir) await copyWeightsFrom(options.initialWeightsDir, model);
    await trainModel(model, { train: windows, val: null }, { ...config, epochs, patience: 0 });
    const forecast = forecastFuture(
      model,
      { ...spec, scaler: scaled.scaler, window: spec.window },
      dataset,
    );
    return { forecast, epochs };
  } finally {
    model.dispose();
  }
}

function forecasterSettingsOf(config: FitConfig, partial: Partial<FitConfig>): ForecasterSettings {
  const norm = config.normalisation ?? 'auto';
  return {
    seasonality: config.seasonality ?? 'auto',
    normalisation: norm === 'scaler' ? 'auto' : norm,
    pretrained: config.pretrained ?? 'auto',
    adaptation: config.adaptation ?? 'fine-tune',
    ensemble: config.ensemble ?? 5,
    refitAll: config.refitAll ?? true,
    lookback: partial.lookback ?? null,
    cell: config.cell,
    layers: config.layers,
    units: config.units,
    learningRate: config.learningRate,
    loss: config.loss,
    epochs: config.epochs,
    batchSize: config.batchSize,
    patience: config.patience,
    seed: config.seed,
  };
}

/** The forecasting pipeline (engine/forecasting) in the run's structure: same split, metrics and baselines. */
async function runForecasterFit(
  dataset: FitDataset,
  config: FitConfig,
  partial: Partial<FitConfig>,
  backend: BackendInfo,
  hooks: TrainHooks,
  options: RunFitOptions,
  started: number,
): Promise<RunResult> {
  const runtime = options.runtime ?? (await engineRuntime());
  const n = dataset.time.length;
  const target = selectColumns(dataset.columns, { target: config.target, features: [] })[0];
  if (!target || target.length !== n)
    throw new Error(`time has ${n} rows, the target ${target?.length ?? 0}`);
  const h = config.horizon;
  const split = computeSplit(
    n,
    {
      testSize: config.testSize ?? undefined,
      testFraction: config.testFraction,
      valSize: config.valSize ?? undefined,
      valFraction: config.valFraction,
    },
    h,
  );
  const m = dataset.seasonalPeriod;
  const out = await forecastSeries(
    target,
    m,
    h,
    split,
    forecasterSettingsOf(config, partial),
    hooks,
    {
      keepModel: options.saveDir !== undefined,
      runtime,
      members: options.members === undefined ? engineMemberPool(runtime) : options.members,
    },
  );
  try {
    const times = (starts: number[]): number[] =>
      starts.flatMap((t0) => Array.from({ length: h }, (_, i) => dataset.time[t0 + i] ?? t0 + i));
    const actual = (starts: number[]): number[] =>
      starts.flatMap((t0) => Array.from({ length: h }, (_, i) => target[t0 + i] ?? Number.NaN));
    const testStarts = out.test.targetStarts;
    const by = config.combination ?? 'none';
    const combined =
      by !== 'none' && out.fallback === null && out.training.stoppedReason !== 'cancelled'
        ? combineWithClassical(
            target,
            m,
            h,
            split,
            {
              test: out.test.predicted,
              testStarts,
              validation: out.validation?.predicted ?? null,
              valStarts: out.validation?.targetStarts ?? [],
              forecast: out.forecast,
            },
            by,
            options.classicalCache,
          )
        : null;
    const test: WindowPredictions = {
      targetStarts: testStarts,
      horizon: h,
      times: times(testStarts),
      predicted: Array.from(combined?.test ?? out.test.predicted),
      actual: actual(testStarts),
    };
    const validation: WindowPredictions | null = out.validation
      ? {
          targetStarts: out.validation.targetStarts,
          horizon: h,
          times: times(out.validation.targetStarts),
          predicted: Array.from(combined?.validation ?? out.validation.predicted),
          actual: actual(out.validation.targetStarts),
        }
      : null;
    const insample = target.subarray(0, split.testStart);
    const starts = Int32Array.from(testStarts);
    const baselinePredictions = {
      naive: naiveForecast(target, starts, h),
      seasonalNaive: seasonalNaiveForecast(target, starts, h, m),
      mean: meanForecast(target, split.valStart, starts.length, h),
    };
    const score = (p: ArrayLike<number>) => computeMetrics(test.actual, p, insample, m);
    const id = options.id ?? randomUUID();
    const notes: string[] = [];
    const forecastModel = combined
      ? {
          kind: out.forecastModel.kind,
          label: combinationLabel(combined, out.forecastModel.label, n),
        }
      : out.forecastModel;
    if (config.transforms.length > 0)
      notes.push(
        `Transforms (${config.transforms.map((t) => t.kind).join(', ')}) are not applied: this pipeline adjusts seasonality and normalises each window itself (normalisation "scaler" uses them).`,
      );
    if (out.fallback) notes.push(out.fallback.message);
    const resolved: FitConfig = {
      ...config,
      transforms: [],
      lookback: out.lookback,
      seasonality: out.preprocessing.seasonality.mode,
      normalisation: out.preprocessing.normalisation.kind,
      scaler: 'none',
    };
    if (options.saveDir && out.model && out.modelPrep) {
      const modelConfig = {
        ...modelConfigOf(resolved),
        lookback: out.modelPrep.lookback,
        nFeatures: 1,
      };
      const sidecar = newSidecar({
        modelConfig,
        target: config.target,
        features: [],
        transforms: [],
        scaler: { kind: 'none', offset: [0], scale: [1] },
        window: { lookback: out.modelPrep.lookback, horizon: h, stride: 1 },
        seasonalPeriod: m,
        cellInfo: `${config.cell.toUpperCase()} ${config.layers}×${config.units} tanh`,
        trainedOn: { dataset: dataset.name, rows: split.valStart, runId: id },
        forecasting: {
          seasonal: {
            mode: out.modelPrep.preprocessing.seasonal.mode,
            period: out.modelPrep.preprocessing.seasonal.period,
            figure: out.modelPrep.preprocessing.seasonal.figure,
          },
          norm: out.modelPrep.preprocessing.norm,
        },
      });
      await saveModel(options.saveDir, out.model, sidecar);
    }
    const next = dataset.nextTimes ?? inferNextTimes(dataset.time);
    return {
      ...runHeader({
        id,
        started,
        dataset,
        seasonalPeriod: m,
        config: resolved,
        backend,
        kernel: runtime.name,
        training: out.training,
        trainingSeconds: out.trainingSeconds,
        split,
        windows: out.windows,
      }),
      scaler: { kind: 'none', offset: [0], scale: [1] },
      metrics: score(test.predicted),
      ...classicBaselines(test, baselinePredictions, score),
      validation,
      forecast: {
        times: next(dataset.time[n - 1] ?? n - 1, h),
        values: Array.from(combined?.forecast ?? out.forecast),
      },
      forecastModel,
      forecaster: {
        frequencyClass: out.frequencyClass,
        pretrained: out.pretrained,
        adaptation: out.adaptation,
        adaptationNote: out.adaptationNote,
        lookback: out.lookback,
        lookbackNote: out.lookbackNote,
        preprocessing: out.preprocessing,
        refitPreprocessing: out.refitPreprocessing,
        members: out.members,
        combine: out.combine,
        spread: out.spread,
        windows: out.windows,
        ...(out.memberThreads ? { memberThreads: out.memberThreads } : {}),
        notes,
        combination: combined
          ? {
              by: combined.by,
              network: {
                metrics: score(out.test.predicted),
                forecast: Array.from(out.forecast),
                testPredicted: Array.from(out.test.predicted),
              },
              peers: combined.peers,
              notes: combined.notes,
              kept: combined.kept,
            }
          : null,
      },
      fallback: out.fallback,
      modelDir: options.saveDir && out.model ? options.saveDir : null,
    };
  } finally {
    out.model?.dispose();
  }
}
