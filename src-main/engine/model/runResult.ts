// The record of one fit as the modelling core builds it (engine/model/runFit.ts), before
// runs/enrichRun.ts adds the classical baselines, intervals and verdict: the contract's run record
// (shared/schemas/runRecord.ts) in its before-JSON form, where numbers may still be NaN.
import { z } from 'zod';
import { FitConfig } from '../../shared/schemas/engine';
import type { BackendInfo, StoppedReason, SplitBoundaries } from '../../shared/schemas/runRecord';
import {
  ForecastModelInfo,
  RunFallback,
  ScalerParams,
  epochRecordSchema,
  forecasterDecisionsSchema,
  forecasterRecordSchema,
  metricsSchema,
  runCoreFields,
  windowPredictionsSchema,
} from '../../shared/schemas/runRecord';

const num = z.number();
const metrics = metricsSchema(num);
const values = z.array(num);
const windowPredictions = windowPredictionsSchema(num);
export const forecasterDecisions = forecasterDecisionsSchema(num);
export const epochRecord = epochRecordSchema(num);

/** The core's record; its type is the engine's RunResult (parsed in runFit.test.ts). */
export const CoreRunResult = z.object({
  ...runCoreFields(num),
  config: FitConfig,
  scaler: ScalerParams,
  /** Same windows and horizons; naive is always present. */
  baselines: z.object({ naive: metrics, seasonalNaive: metrics, mean: metrics }),
  test: windowPredictions.extend({
    baselinePredictions: z.object({ naive: values, seasonalNaive: values, mean: values }),
  }),
  /** Which model made `forecast`. */
  forecastModel: ForecastModelInfo.optional(),
  /** The forecasting pipeline's decisions, members and spread; null on the classic path. */
  forecaster: forecasterRecordSchema(num).nullable().optional(),
  fallback: RunFallback.nullable().optional(),
  /** Where the model was saved, if it was. */
  modelDir: z.string().nullable(),
});

export type RunResult = z.infer<typeof CoreRunResult>;
export type ForecasterRecord = NonNullable<RunResult['forecaster']>;
export type ForecastModelInfo = z.infer<typeof ForecastModelInfo>;
export type ScalerParams = z.infer<typeof ScalerParams>;
export type SplitBoundaries = z.infer<typeof SplitBoundaries>;
export type WindowPredictions = z.infer<typeof windowPredictions>;
export type EpochRecord = z.infer<typeof epochRecord>;
export type BackendInfo = z.infer<typeof BackendInfo>;
export type StoppedReason = z.infer<typeof StoppedReason>;
export type ForecasterDecisions = z.infer<typeof forecasterDecisions>;
export type MemberRecord = ForecasterDecisions['members'][number];
export type PreprocessingRecord = ForecasterDecisions['preprocessing'];
export type Spread = ForecasterDecisions['spread'];
export type Adaptation = MemberRecord['adaptation'];
export type FrequencyClass = NonNullable<ForecasterDecisions['frequencyClass']>;
