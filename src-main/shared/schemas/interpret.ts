import { z } from 'zod';
import { Num } from './analysis';
import { JobId, RunId } from './common';

export const ResidualsRequest = z.object({
  runId: RunId,
  horizonStep: z.number().int().min(0).max(499).default(0),
});

export const ResidualDiagnostics = z.object({
  runId: z.string(),
  horizonStep: z.number(),
  times: z.array(z.number()),
  predicted: z.array(Num),
  residuals: z.array(Num),
  n: z.number(),
  mean: Num,
  std: Num,
  histogram: z.object({
    rule: z.string(),
    edges: z.array(Num),
    counts: z.array(Num),
    centres: z.array(Num),
    normalCounts: z.array(Num),
  }),
  qq: z.object({ theoretical: z.array(Num), sample: z.array(Num) }),
  acf: z.object({ values: z.array(Num), band: Num, outsideBand: z.number() }),
  ljungBox: z.object({ statistic: Num, pValue: Num, lags: z.number() }).nullable(),
  jarqueBera: z.looseObject({ statistic: Num, pValue: Num, skewness: Num, kurtosis: Num }),
  meanZeroTTest: z.looseObject({ statistic: Num, pValue: Num }),
  verdicts: z.object({ mean: z.string(), autocorrelation: z.string(), normality: z.string() }),
});
export type ResidualDiagnostics = z.infer<typeof ResidualDiagnostics>;

export const CompareRequest = z.object({
  runA: RunId,
  runB: RunId,
  loss: z.enum(['squared', 'absolute']).default('squared'),
  h: z.number().int().min(1).max(500).optional(),
  alternative: z.enum(['two-sided', 'less', 'greater']).default('two-sided'),
});

const TestOutcome = z.object({ statistic: Num, pValue: Num, verdict: z.string() });

export const Comparison = z.object({
  runA: z.string(),
  runB: z.string(),
  n: z.number(),
  h: z.number(),
  loss: z.enum(['squared', 'absolute']),
  alternative: z.enum(['two-sided', 'less', 'greater']),
  dieboldMariano: TestOutcome.extend({ meanLossDifferential: Num, note: z.string().optional() }),
  pairedTTest: TestOutcome.extend({ df: z.number(), mean: Num }),
  metrics: z.object({ a: z.record(z.string(), Num), b: z.record(z.string(), Num) }),
});
export type Comparison = z.infer<typeof Comparison>;

export const SensitivityRequest = z.object({
  jobId: JobId,
  runId: RunId,
  method: z.enum(['perturbation', 'occlusion', 'integrated-gradients']),
  delta: z.number().gt(0).max(10).default(0.1),
  deltaUnit: z.enum(['scaled', 'std']).default('scaled'),
  /** 0 = all test windows. */
  maxWindows: z.number().int().min(0).max(100_000).default(200),
  horizonStep: z.number().int().min(0).max(499).default(0),
  steps: z.number().int().min(8).max(512).default(32),
});

/**
 * What the engine needs to rebuild a forecasting-pipeline run's network inputs for explanations:
 * its lookback, test windows and the preprocessing decided on the training part.
 */
export const PipelineInputs = z.object({
  lookback: z.number().int().min(1),
  testStarts: z.array(z.number().int().min(0)),
  preprocessing: z.object({
    seasonality: z.object({
      mode: z.enum(['multiplicative', 'additive', 'none']),
      period: z.number(),
      figure: z.array(z.number()),
    }),
    normalisation: z.object({ kind: z.enum(['ratio', 'difference']), scale: z.number() }),
  }),
});
export type PipelineInputs = z.infer<typeof PipelineInputs>;

/** A run's pipeline inputs, or null for a run of the classic path (no forecaster record). */
export function pipelineInputsOf(run: {
  test: { targetStarts: number[] };
  [key: string]: unknown;
}): PipelineInputs | null {
  const forecaster = run.forecaster;
  if (!forecaster || typeof forecaster !== 'object') return null;
  const f = forecaster as { lookback?: unknown; preprocessing?: unknown };
  const parsed = PipelineInputs.safeParse({
    lookback: f.lookback,
    testStarts: run.test.targetStarts,
    preprocessing: f.preprocessing,
  });
  return parsed.success ? parsed.data : null;
}

export const SensitivityResult = z.object({
  runId: z.string(),
  method: z.enum(['perturbation', 'occlusion', 'integrated-gradients']),
  windows: z.number(),
  lookback: z.number(),
  features: z.array(z.string()),
  windowTimes: z.array(z.number()),
  /** Row-major [windows × lookback × features]; lag index 0 is the oldest input step. */
  effect: z.array(Num),
  meanAbsPerLag: z.array(Num),
  /** Row-major [lookback × features], as the effect cells. */
  meanAbsFeatureLag: z.array(Num),
  units: z.string(),
  description: z.string(),
  /** The strongest effect in words: "+1 in <input> at t−k moves the t+h forecast by …". */
  headline: z.string().optional(),
  completenessGap: z.array(Num).nullable(),
  seconds: z.number(),
});
export type SensitivityResult = z.infer<typeof SensitivityResult>;

export const ExportRequest = z.object({
  /** json/csv: every run; predictions: one run's test predictions, baselines, intervals and forecast. */
  format: z.enum(['json', 'csv', 'predictions']),
  runId: RunId.optional(),
  /** predictions: a classical baseline ("ets", "theta", …) whose forecast replaces the model's. */
  forecastFrom: z.string().max(40).optional(),
});
export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
});
