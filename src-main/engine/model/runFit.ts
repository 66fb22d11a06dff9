// The whole pipeline behind `series-studio fit` and the job runner: validate and prepare data,
// build and train the model, score it on the test windows in original units against baselines,
// forecast past the end of the data, optionally save the model, and free every tensor.
import type * as tf from '@tensorflow/tfjs';
import { randomUUID } from 'node:crypto';
import { initBackend } from './backend';
import { meanForecast, naiveForecast, seasonalNaiveForecast } from '../baselines/baselines';
import { buildModel } from './buildModel';
import { modelConfigOf, resolveFitConfig, type FitConfig } from './fitConfig';
import { forecastFuture, type ForecastDataset } from './forecast';
import { computeMetrics } from './metrics';
import { loadStockModel, saveModel, type ModelSidecar } from './modelFiles';
import { getRecurrentKernel } from './opByOpKernel';
import { prepareData, selectColumns, type DataSpec } from './prepareData';
import { actualsFor, predictScaled, toOriginalUnits } from './predictWindows';
import type { RunResult, WindowPredictions } from './runResult';
import { trainModel, type TrainHooks } from './train';
import type { WindowSet } from './windows';

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
  const model = buildModel(modelConfig);
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
    const sidecar: ModelSidecar = {
      format: 'series-studio-model',
      version: 1,
      createdAt: new Date().toISOString(),
      modelConfig,
      target: config.target,
      features: config.features,
      transforms: config.transforms,
      scaler: prepared.scaler,
      window: spec.window,
      seasonalPeriod: m,
      cellInfo: `${config.cell.toUpperCase()} ${config.layers}×${config.units} ${config.activation}`,
      trainedOn: { dataset: dataset.name, rows: n, runId: null },
    };
    const id = options.id ?? randomUUID();
    sidecar.trainedOn.runId = id;
    const forecast = forecastFuture(model, sidecar, dataset);
    if (options.saveDir) await saveModel(options.saveDir, model, sidecar);
    return {
      id,
      createdAt: new Date().toISOString(),
      dataset: {
        name: dataset.name,
        filePath: dataset.filePath ?? null,
        rows: n,
        timeFormat: dataset.timeFormat,
        seasonalPeriod: m,
      },
      config,
      backend,
      kernel: getRecurrentKernel().name,
      timings: {
        totalSeconds: (performance.now() - started) / 1000,
        trainingSeconds: trained.trainingSeconds,
        perEpochSeconds: trained.epochs.map((e) => e.seconds),
      },
      epochs: trained.epochs,
      stoppedReason: trained.stoppedReason,
      stopMessage: trained.message,
      bestEpoch: trained.bestEpoch,
      split: {
        ...split,
        trainWindows: prepared.train.count,
        valWindows: prepared.val.count,
        testWindows: prepared.test.count,
      },
      scaler: prepared.scaler,
      metrics: score(test.predicted),
      baselines: {
        naive: score(baselinePredictions.naive),
        seasonalNaive: score(baselinePredictions.seasonalNaive),
        mean: score(baselinePredictions.mean),
      },
      test: {
        ...test,
        baselinePredictions: {
          naive: Array.from(baselinePredictions.naive),
          seasonalNaive: Array.from(baselinePredictions.seasonalNaive),
          mean: Array.from(baselinePredictions.mean),
        },
      },
      validation:
        prepared.val.count > 0
          ? windowPredictions(model, prepared.val, prepared, config, target, dataset.time)
          : null,
      forecast,
      modelDir: options.saveDir ?? null,
    };
  } finally {
    model.dispose();
  }
}
