// A run's record, defined once in two number forms:
// - `Num` (number | null): the record as it crosses a boundary, where JSON has turned NaN and
//   ±Infinity into null (the contract's RunResult, shared/schemas/model.ts);
// - `z.number()`: the record as the engine builds it, before it is sent, every value a plain number
//   that may be NaN (engine/model/runResult.ts).
// Each builder takes the number schema, so the engine's types are `z.infer` of the same schemas
// the contract parses with, never a hand copy.
import { z } from 'zod';

/** The number schema of a form: `z.number()` before JSON, `Num` after. */
export type NumberSchema = z.ZodNumber | z.ZodNullable<z.ZodNumber>;

/** Point-forecast accuracy over (actual, predicted) pairs in original units (engine/model/metrics.ts). */
export function metricsSchema<N extends NumberSchema>(num: N) {
  return z.object({
    mse: num,
    rmse: num,
    mae: num,
    r2: num,
    mape: num,
    mapeSkipped: z.number(),
    smape: num,
    mase: num,
    count: z.number(),
  });
}

/** Predictions of a set of windows, flattened row-major [windows, horizon]. */
export function windowPredictionsSchema<N extends NumberSchema>(num: N) {
  return z.object({
    /** Row index of each window's first target. */
    targetStarts: z.array(z.number()),
    horizon: z.number(),
    times: z.array(z.number()),
    predicted: z.array(num),
    actual: z.array(num),
  });
}

export const StoppedReason = z.enum(['completed', 'early-stopping', 'cancelled', 'nan-loss']);

export function epochRecordSchema<N extends NumberSchema>(num: N) {
  return z.object({ epoch: z.number(), loss: num, valLoss: num.nullable(), seconds: z.number() });
}

export const ScalerParams = z.object({
  kind: z.enum(['none', 'minmax', 'standard', 'robust']),
  featureRange: z.tuple([z.number(), z.number()]).optional(),
  /** One entry per column. */
  offset: z.array(z.number()),
  scale: z.array(z.number()),
});

export const SplitBoundaries = z.object({
  n: z.number(),
  valStart: z.number(),
  testStart: z.number(),
});

export const FrequencyClass = z.enum(['yearly', 'quarterly', 'monthly']);
export const Adaptation = z.enum(['fine-tune', 'zero-shot', 'per-series', 'classical-fallback']);

/** One ensemble member of the forecasting pipeline (engine/forecasting/seriesForecaster.ts). */
export function memberRecordSchema<N extends NumberSchema>(num: N) {
  return z.object({
    index: z.number(),
    seed: z.number(),
    lookback: z.number(),
    init: z.enum(['pretrained', 'random']),
    adaptation: Adaptation,
    /** Epoch (0-based) validation chose; null = the initial (pretrained) weights. */
    bestEpoch: z.number().nullable(),
    epochsRun: z.number(),
    stoppedReason: StoppedReason,
    /** Epochs the all-data refit trained (null without a refit). */
    refitEpochs: z.number().nullable(),
    /** This member's forecast past the end, original units. */
    forecast: z.array(num),
  });
}

/** Seasonal adjustment and window normalisation as decided on some rows. */
export function preprocessingRecordSchema<N extends NumberSchema>(num: N) {
  return z.object({
    rows: z.number(),
    seasonality: z.object({
      mode: z.enum(['multiplicative', 'additive', 'none']),
      period: z.number(),
      figure: z.array(num),
      rm: num.nullable(),
      threshold: num.nullable(),
      reason: z.string(),
    }),
    normalisation: z.object({
      kind: z.enum(['ratio', 'difference']),
      scale: num,
      reason: z.string(),
    }),
  });
}

/** Smallest and largest member value per step. */
export function spreadSchema<N extends NumberSchema>(num: N) {
  return z.object({ min: z.array(num), max: z.array(num) });
}

/** What the forecasting pipeline decided and did, before the run adds its notes. */
export function forecasterDecisionsSchema<N extends NumberSchema>(num: N) {
  const preprocessing = preprocessingRecordSchema(num);
  return z.object({
    frequencyClass: FrequencyClass.nullable(),
    pretrained: z.object({
      used: z.boolean(),
      frequencyClass: FrequencyClass.nullable(),
      source: z.string().nullable(),
      note: z.string(),
    }),
    adaptation: Adaptation,
    adaptationNote: z.string(),
    lookback: z.number(),
    lookbackNote: z.string(),
    /** Decided on the training part (evaluation models). */
    preprocessing,
    /** Decided on all rows (the refitted models that made the forecast); null without a refit. */
    refitPreprocessing: preprocessing.nullable(),
    /** The ensemble members, each with its own forecast path past the end. */
    members: z.array(memberRecordSchema(num)),
    combine: z.literal('median'),
    spread: spreadSchema(num),
    windows: z.object({ train: z.number(), val: z.number(), test: z.number() }),
    /** How the members were trained: threads used, members a worker trained, in words (absent in runs before member workers). */
    memberThreads: z
      .object({ threads: z.number(), onWorkers: z.number(), note: z.string() })
      .optional(),
  });
}

/** The pipeline's record in a run (null on the classic scaler path). */
export function forecasterRecordSchema<N extends NumberSchema>(num: N) {
  return forecasterDecisionsSchema(num).extend({
    /** Plain-language notes, e.g. settings this pipeline does not apply. */
    notes: z.array(z.string()),
    /**
     * The combination that made the run's metrics, test, validation and forecast (null = the
     * networks alone): per step the median or mean of the network ensemble, ETS and Theta (one
     * step ahead the mean of ETS, auto-ARIMA and, when it earned its place on validation, the
     * ensemble). Runs recorded before the combination lack it.
     */
    combination: z
      .object({
        by: z.enum(['median', 'mean']),
        /** The network ensemble alone: its test metrics and forecast. */
        network: z.object({
          metrics: metricsSchema(num),
          forecast: z.array(num),
          testPredicted: z.array(num),
        }),
        /** The classical parts fitted on all rows: label and forecast past the end. */
        peers: z.array(
          z.object({
            method: z.enum(['ets', 'theta', 'arima']),
            label: z.string(),
            forecast: z.array(num),
          }),
        ),
        notes: z.array(z.string()),
        /** The parts the combination kept (runs recorded before this field lack it). */
        kept: z
          .object({
            network: z.boolean(),
            peers: z.array(z.enum(['ets', 'theta', 'arima'])),
          })
          .optional(),
      })
      .nullable()
      .optional(),
  });
}

/** The compute backend a run used, and why it was chosen (engine/model/backend.ts). */
export const BackendInfo = z.object({
  backend: z.enum(['tensorflow', 'wasm', 'cpu']),
  /** Why this backend was chosen and why each one tried before it was skipped. */
  detail: z.string(),
});

/** Which model made the forecast past the end. */
export const ForecastModelInfo = z.object({
  kind: z.enum(['all-data-refit', 'evaluation-models', 'classical-fallback']),
  label: z.string(),
});

/** Set when the series was too short for any network and a classical method forecast instead. */
export const RunFallback = z.object({ method: z.string(), message: z.string() });

/** The fields of a fit's record that the engine's modelling core writes (engine/model/runFit.ts). */
export function runCoreFields<N extends NumberSchema>(num: N) {
  return {
    id: z.string(),
    createdAt: z.string(),
    dataset: z.object({
      name: z.string(),
      filePath: z.string().nullable(),
      rows: z.number(),
      timeFormat: z.string(),
      seasonalPeriod: z.number(),
    }),
    backend: BackendInfo,
    /** Name of the RecurrentSequenceKernel used. */
    kernel: z.string(),
    timings: z.object({
      totalSeconds: z.number(),
      trainingSeconds: z.number(),
      perEpochSeconds: z.array(z.number()),
    }),
    epochs: z.array(epochRecordSchema(num)),
    stoppedReason: StoppedReason,
    stopMessage: z.string().nullable(),
    bestEpoch: z.number().nullable(),
    split: SplitBoundaries.extend({
      trainWindows: z.number(),
      valWindows: z.number(),
      testWindows: z.number(),
    }),
    /** Test-set metrics in original units over all (window, horizon step) pairs. */
    metrics: metricsSchema(num),
    validation: windowPredictionsSchema(num).nullable(),
    forecast: z.object({ times: z.array(z.number()), values: z.array(num) }),
  };
}
