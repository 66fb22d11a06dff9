import { z } from 'zod';
import { DatasetId } from './common';

/** Numbers that may be undefined mathematically (NaN, ±Infinity) travel as null, as in JSON. */
export const Num = z.number().nullable();

export const TransformStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('log') }),
  z.object({ kind: z.literal('boxcox'), lambda: z.number().min(-10).max(10).nullable() }),
  z.object({ kind: z.literal('diff') }),
  z.object({ kind: z.literal('seasonalDiff'), period: z.number().int().min(2).max(1000) }),
]);
export type TransformStep = z.infer<typeof TransformStep>;

export const AnalyzeRequest = z.object({
  datasetId: DatasetId,
  column: z.string().max(500),
  transforms: z.array(TransformStep).max(4).default([]),
  nlags: z.number().int().min(1).max(1000).optional(),
  pacfMethod: z.enum(['ywadjusted', 'ols']).default('ywadjusted'),
});

const TestResult = {
  statistic: Num,
  pValue: Num,
  verdict: z.string(),
};

export const AnalysisResult = z.object({
  column: z.string(),
  transforms: z.array(z.string()),
  n: z.number(),
  nlags: z.number(),
  summary: z.object({
    count: z.number(),
    mean: Num,
    std: Num,
    min: Num,
    q25: Num,
    median: Num,
    q75: Num,
    max: Num,
  }),
  acf: z.object({ values: z.array(Num), band: z.array(Num), method: z.string() }),
  pacf: z.object({
    method: z.enum(['ywadjusted', 'ols']),
    values: z.array(Num),
    ywadjusted: z.array(Num),
    ols: z.array(Num).nullable(),
    band: z.number(),
    label: z.string(),
  }),
  adf: z
    .object({
      ...TestResult,
      usedLag: z.number(),
      nobs: z.number(),
      critical: z.record(z.string(), z.number()),
      icBest: Num,
    })
    .nullable(),
  kpss: z
    .object({
      ...TestResult,
      lags: z.number(),
      pValueClipped: z.enum(['below', 'above']).nullable(),
      critical: z.record(z.string(), z.number()),
    })
    .nullable(),
  ljungBox: z.object({ ...TestResult, lags: z.number(), df: z.number() }).nullable(),
  hints: z.array(z.string()),
  labels: z.object({ adf: z.string(), kpss: z.string(), ljungBox: z.string() }),
  notes: z.array(z.string()),
  boxcoxLambda: Num,
});
export type AnalysisResult = z.infer<typeof AnalysisResult>;

export const StlRequest = z.object({
  datasetId: DatasetId,
  column: z.string().max(500),
  period: z.number().int().min(2).max(1000),
  robust: z.boolean().default(false),
});

export const StlResult = z.object({
  column: z.string(),
  period: z.number(),
  x: z.array(z.number()),
  observed: z.array(Num),
  trend: z.array(Num),
  seasonal: z.array(Num),
  resid: z.array(Num),
  note: z.string(),
});
export type StlResult = z.infer<typeof StlResult>;

export const TransformPreviewRequest = z.object({
  datasetId: DatasetId,
  column: z.string().max(500),
  transforms: z.array(TransformStep).max(4),
  maxPoints: z.number().int().min(10).max(20_000).default(2000),
});
