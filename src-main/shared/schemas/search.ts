import { z } from 'zod';
import { Num } from './analysis';
import { DatasetId, JobId } from './common';
import { FitSettings, Metrics, ScoredStretch } from './model';

/** Parameters a search may vary, with the values (grid) or ranges (random) to try. */
export const SearchParam = z.enum([
  'cell',
  'layers',
  'units',
  'lookback',
  'dropout',
  'learningRate',
  'batchSize',
]);
export type SearchParam = z.infer<typeof SearchParam>;

const ParamValue = z.union([z.string().max(20), z.number()]);

export const SearchRequest = z.object({
  jobId: JobId,
  datasetId: DatasetId,
  base: FitSettings,
  mode: z.enum(['grid', 'random']),
  /** grid: the values of each parameter; random: the choices (or [min, max] for numbers when `ranges`). */
  grid: z.partialRecord(SearchParam, z.array(ParamValue).min(1).max(50)),
  budget: z.number().int().min(1).max(500),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});

export const SearchTrial = z.object({
  index: z.number(),
  params: z.record(z.string(), ParamValue),
  runId: z.string().nullable(),
  valLoss: Num,
  testRmse: Num,
  rank: z.number().nullable(),
  isBest: z.boolean(),
  error: z.string().nullable(),
});

export const SearchResult = z.object({
  mode: z.enum(['grid', 'random']),
  planned: z.number(),
  trials: z.array(SearchTrial),
  bestRunId: z.string().nullable(),
  cancelled: z.boolean(),
  ranking: z.string(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const BacktestRequest = z.object({
  jobId: JobId,
  datasetId: DatasetId,
  settings: FitSettings,
  folds: z.number().int().min(1).max(50),
  horizon: z.number().int().min(1).max(500),
  stride: z.number().int().min(1).max(10_000).optional(),
  window: z.enum(['expanding', 'sliding']).default('expanding'),
  refit: z.enum(['scratch', 'finetune', 'none']).default('scratch'),
});

export const BacktestFold = z.object({
  index: z.number(),
  trainStart: z.number(),
  trainEnd: z.number(),
  testStart: z.number(),
  testEnd: z.number(),
  ...ScoredStretch.shape,
  baselineNotes: z.record(z.string(), z.string()),
  interval95: z.object({ lower: z.array(Num), upper: z.array(Num) }).nullable(),
  trainingSeconds: z.number(),
});

export const MetricSpread = z.object({ mean: Num, std: Num, min: Num, max: Num });

export const BacktestResult = z.object({
  datasetId: z.string(),
  target: z.string(),
  refit: z.enum(['scratch', 'finetune', 'none']),
  refitNote: z.string(),
  window: z.enum(['expanding', 'sliding']),
  horizon: z.number(),
  folds: z.array(BacktestFold),
  plannedFolds: z.number(),
  /** metric name → model / baseline name → spread over folds. */
  aggregate: z.record(z.string(), z.record(z.string(), MetricSpread)),
  /** Rolling one-step metrics: step 1 of every fold, pooled; model / baseline name → metrics. */
  oneStep: z.record(z.string(), Metrics).optional(),
  cancelled: z.boolean(),
  seconds: z.number(),
  backend: z.string(),
  kernel: z.string(),
});
export type BacktestResult = z.infer<typeof BacktestResult>;
