import { z } from 'zod';
import { Num, TransformStep } from './analysis';
import { DatasetId, JobId, RunId } from './common';
import {
  ForecastModelInfo,
  RunFallback,
  ScalerParams,
  forecasterRecordSchema,
  metricsSchema,
  runCoreFields,
  windowPredictionsSchema,
} from './runRecord';

export const CellType = z.enum(['lstm', 'gru', 'rnn']);

/**
 * Settings of the forecasting pipeline (engine/forecasting). A run's config holds what was decided
 * on the training part ('auto' resolved), so a form can show it and the user override it.
 */
const forecastingSettings = {
  /** Window-level normalisation: log ratio or difference to the window's last input level; 'scaler' = the classic global scaler path. */
  normalisation: z.enum(['auto', 'ratio', 'difference', 'scaler']),
  /** Classical seasonal adjustment; 'auto' = the 90% seasonality test on the training part. */
  seasonality: z.enum(['auto', 'multiplicative', 'additive', 'none']),
  /** Start from the pretrained forecaster of the frequency class when there is one. */
  pretrained: z.enum(['auto', 'none']),
  /** How pretrained members adapt to the series. */
  adaptation: z.enum(['fine-tune', 'zero-shot']),
  /** Ensemble members combined by the median (1 = a single network). */
  ensemble: z.number().int().min(1).max(20),
  /** Forecast past the end from models refitted on all rows. */
  refitAll: z.boolean(),
  /**
   * Combine the network ensemble with ETS and Theta per step ('none' = the networks alone); one
   * step ahead, the mean of ETS and auto-ARIMA, with the ensemble when it beats that on validation.
   */
  combination: z.enum(['none', 'median', 'mean']),
};
/** Keys a run recorded before the forecasting pipeline may lack. */
export const forecastingKeys = {
  normalisation: true,
  seasonality: true,
  pretrained: true,
  adaptation: true,
  ensemble: true,
  refitAll: true,
  combination: true,
} as const;

/** Every setting of a fit; the engine fills what is left out with its documented defaults. */
export const FitSettings = z
  .object({
    target: z.string().max(500),
    features: z.array(z.string().max(500)).max(50),
    transforms: z.array(TransformStep).max(4),
    scaler: z.enum(['none', 'minmax', 'standard', 'robust']),
    featureRange: z.tuple([z.number(), z.number()]),
    lookback: z.number().int().min(1).max(2000),
    horizon: z.number().int().min(1).max(500),
    stride: z.number().int().min(1).max(1000),
    testSize: z.number().int().min(1).nullable(),
    testFraction: z.number().gt(0).lt(0.9),
    valSize: z.number().int().min(0).nullable(),
    valFraction: z.number().min(0).lt(0.9),
    cell: CellType,
    layers: z.number().int().min(1).max(4),
    units: z.number().int().min(1).max(1024),
    activation: z.enum(['tanh', 'relu']),
    dropout: z.number().min(0).lt(1),
    recurrentDropout: z.number().min(0).lt(1),
    optimizer: z.enum(['adam', 'rmsprop', 'sgd']),
    learningRate: z.number().gt(0).max(10),
    momentum: z.number().min(0).lt(1),
    loss: z.enum(['mse', 'mae']),
    epochs: z.number().int().min(1).max(10_000),
    batchSize: z.number().int().min(1).max(65_536),
    patience: z.number().int().min(0).max(10_000),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    backend: z.enum(['tensorflow', 'wasm', 'cpu']).nullable(),
    ...forecastingSettings,
  })
  .partial();
export type FitSettings = z.infer<typeof FitSettings>;

export const FitRequest = z.object({ jobId: JobId, datasetId: DatasetId, settings: FitSettings });
export const DefaultsRequest = z.object({ datasetId: DatasetId, target: z.string().max(500) });

export const Metrics = metricsSchema(Num);
export type Metrics = z.infer<typeof Metrics>;

const WindowPredictions = windowPredictionsSchema(Num);

export const IntervalBand = z.object({
  level: z.number(),
  lower: z.array(Num),
  upper: z.array(Num),
  halfWidth: z.array(Num),
  coverage: Num,
  notes: z.array(z.string()),
  /** How the band was made: split conformal on the validation windows, or a classical model's intervals. */
  method: z.enum(['split-conformal', 'model-based']).optional(),
  /** The method in words, e.g. "ETS(M,A,M) prediction intervals (fitted on the training part), …". */
  methodLabel: z.string().optional(),
});

/** The model against the best baseline on the test part (engine/runs/verdict.ts). */
export const RunVerdict = z.object({
  outcome: z.enum(['beats', 'no-difference', 'loses', 'untested']),
  metric: z.enum(['rmse', 'mase']),
  /** Key of the best baseline in `baselines`. */
  baseline: z.string(),
  /** Its name in words, e.g. "seasonal naive", "ETS(M,Ad,M)". */
  baselineLabel: z.string(),
  modelValue: Num,
  baselineValue: Num,
  relativeDifference: Num,
  level: z.number(),
  /** Diebold–Mariano (HLN, h = the horizon) on per-window losses; null with fewer than 2 windows. */
  dm: z
    .object({
      statistic: Num,
      pValue: Num,
      h: z.number(),
      n: z.number(),
      power: z.union([z.literal(1), z.literal(2)]),
      meanLossDifferential: Num,
      note: z.string().nullable(),
    })
    .nullable(),
  /** Every scored baseline, best first. */
  ranking: z.array(z.object({ name: z.string(), label: z.string(), value: z.number() })),
  /** A classical method that did better, offered as the forecast. */
  offer: z
    .object({
      baseline: z.string(),
      label: z.string(),
      /** That method's forecast past the data, at the run's forecast times, when it has one. */
      forecast: z.array(Num).optional(),
    })
    .nullable(),
  headline: z.string(),
});
export type RunVerdict = z.infer<typeof RunVerdict>;

/**
 * A forecast scored on a stretch of the series: its times, the actual and predicted values, the
 * model's metrics and each baseline's (forecasting the same stretch).
 */
export const ScoredStretch = z.object({
  times: z.array(z.number()),
  actual: z.array(Num),
  predicted: z.array(Num),
  metrics: Metrics,
  baselines: z.record(z.string(), Metrics),
});

/**
 * The M-competition protocol: the h-step forecast from one origin (the first test window), scored
 * with the baselines that forecast all h steps from the same origin.
 */
export const HStepEvaluation = z.object({
  /** Row of the first forecast value. */
  origin: z.number(),
  horizon: z.number(),
  ...ScoredStretch.shape,
  notes: z.array(z.string()),
});
export type HStepEvaluation = z.infer<typeof HStepEvaluation>;

/** A fitted classical baseline (engine/baselines/classical.ts): its label and parameters. */
export const BaselineModel = z.looseObject({
  label: z.string(),
  parameters: z.record(z.string(), z.union([Num, z.string(), z.boolean(), z.array(Num)])),
  note: z.string(),
  /** h-step forecast from the first test origin, without later actuals. */
  originForecast: z.array(Num).optional(),
  /** Forecast past the end of the data (from its last row), drawn beside the model's. */
  forecast: z.array(Num).optional(),
});
export type BaselineModel = z.infer<typeof BaselineModel>;

/** A finished run. Loose at the top level so fields added by newer engines pass through. */
export const RunResult = z.looseObject({
  ...runCoreFields(Num),
  datasetId: z.string(),
  config: FitSettings.required().partial(forecastingKeys),
  baselines: z.record(z.string(), Metrics),
  baselineNotes: z.record(z.string(), z.string()),
  test: WindowPredictions.extend({ baselinePredictions: z.record(z.string(), z.array(Num)) }),
  intervals: z.array(IntervalBand),
  forecastIntervals: z.array(IntervalBand),
  verdict: RunVerdict.nullable().optional(),
  hStep: HStepEvaluation.nullable().optional(),
  /** Fitted ETS / Theta / ARIMA baselines keyed as in `baselines`. */
  baselineModels: z.record(z.string(), BaselineModel).optional(),
  // Written by the modelling core (engine/model/runResult.ts); runs recorded before the
  // forecasting pipeline lack the pipeline's fields.
  scaler: ScalerParams.optional(),
  /** Which model made `forecast`. */
  forecastModel: ForecastModelInfo.optional(),
  /** The forecasting pipeline's decisions, members and spread; null on the classic path. */
  forecaster: forecasterRecordSchema(Num).nullable().optional(),
  fallback: RunFallback.nullable().optional(),
  /** Where the model was saved, if it was. */
  modelDir: z.string().nullable().optional(),
});
export type RunResult = z.infer<typeof RunResult>;

export const RunSummary = z.object({
  id: z.string(),
  datasetId: z.string(),
  datasetName: z.string(),
  createdAt: z.string(),
  label: z.string(),
  target: z.string(),
  stoppedReason: z.string(),
  metrics: Metrics,
  naiveRmse: Num,
  valLoss: Num,
  backend: z.string(),
  kernel: z.string(),
  trainingSeconds: z.number(),
  origin: z.enum(['fit', 'search', 'backtest', 'project']),
  best: z.boolean(),
  verdict: RunVerdict.pick({ outcome: true, baselineLabel: true, headline: true })
    .extend({ baselineValue: Num, pValue: Num })
    .nullable()
    .optional(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const RunRef = z.object({ runId: RunId });
