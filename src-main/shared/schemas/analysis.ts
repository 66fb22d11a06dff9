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

/** An enum whose refusal lists what is supported, in words. */
function choice<const T extends readonly [string, ...string[]]>(
  what: string,
  values: T,
  supported: string,
) {
  return z.enum(values, {
    error: (issue) => `${what} ${JSON.stringify(issue.input)} is not supported; use ${supported}.`,
  });
}

export const AdfRegression = choice(
  'ADF regression',
  ['c', 'ct', 'ctt', 'n'],
  'c (constant), ct (constant + trend), ctt (constant + trend + trend²) or n (none)',
);
export const AdfAutolag = choice(
  'ADF lag selection',
  ['AIC', 'BIC', 't-stat', 'none'],
  'AIC, BIC, t-stat or none (fixed at the maximum lag)',
);
export const KpssRegression = choice(
  'KPSS regression',
  ['c', 'ct'],
  'c (level stationarity) or ct (trend stationarity)',
);
export const BoxcoxMethod = choice(
  'Box-Cox method',
  ['mle', 'guerrero'],
  'mle (maximum likelihood) or guerrero',
);

export const AdfOptions = z.strictObject({
  regression: AdfRegression.optional(),
  autolag: AdfAutolag.optional(),
  /** Largest lag; the default is ⌈12·(n/100)^¼⌉ capped at n/2 − terms − 1. */
  maxlag: z.number().int().min(0).max(10_000).optional(),
});
export type AdfOptions = z.infer<typeof AdfOptions>;

export const KpssOptions = z.strictObject({
  regression: KpssRegression.optional(),
  nlags: z
    .union([z.enum(['auto', 'legacy']), z.number().int().min(0).max(100_000)], {
      error:
        'KPSS lags must be auto (Hobijn et al.), legacy (⌈12·(n/100)^¼⌉) or a whole number ≥ 0.',
    })
    .optional(),
});
export type KpssOptions = z.infer<typeof KpssOptions>;

export const LjungBoxOptions = z.strictObject({
  lags: z
    .array(
      z
        .number({ error: 'Ljung-Box lags must be whole numbers ≥ 1, for example 10,20.' })
        .int()
        .min(1)
        .max(100_000),
    )
    .min(1)
    .max(20)
    .optional(),
  /** Fitted ARMA parameters to take off the χ² degrees of freedom. */
  modelDf: z.number().int().min(0).max(1000).optional(),
  boxPierce: z.boolean().optional(),
});
export type LjungBoxOptions = z.infer<typeof LjungBoxOptions>;

export const AnalyzeRequest = z.object({
  datasetId: DatasetId,
  column: z.string().max(500),
  transforms: z.array(TransformStep).max(4).default([]),
  nlags: z.number().int().min(1).max(1000).optional(),
  pacfMethod: z.enum(['ywadjusted', 'ols']).default('ywadjusted'),
  adf: AdfOptions.optional(),
  kpss: KpssOptions.optional(),
  ljungBox: LjungBoxOptions.optional(),
  boxcoxMethod: BoxcoxMethod.optional(),
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
  /** The lag count asked for, when it was capped (a note says so). */
  nlagsRequested: z.number().optional(),
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
    /** OLS lags left out because their regression is rank-deficient, with the reason. */
    missing: z.array(z.object({ lag: z.number(), reason: z.string() })).optional(),
  }),
  adf: z
    .object({
      ...TestResult,
      usedLag: z.number(),
      nobs: z.number(),
      critical: z.record(z.string(), z.number()),
      icBest: Num,
      regression: z.enum(['c', 'ct', 'ctt', 'n']).optional(),
      autolag: z.enum(['AIC', 'BIC', 't-stat']).nullable().optional(),
      maxlag: z.number().optional(),
      label: z.string().optional(),
    })
    .nullable(),
  kpss: z
    .object({
      ...TestResult,
      lags: z.number(),
      pValueClipped: z.enum(['below', 'above']).nullable(),
      critical: z.record(z.string(), z.number()),
      regression: z.enum(['c', 'ct']).optional(),
      nlagsMethod: z.enum(['auto', 'legacy', 'fixed']).optional(),
      label: z.string().optional(),
    })
    .nullable(),
  ljungBox: z.object({ ...TestResult, lags: z.number(), df: z.number() }).nullable(),
  /** Ljung-Box (and Box-Pierce when asked) at every lag asked for. */
  portmanteau: z
    .object({
      modelDf: z.number(),
      label: z.string(),
      rows: z.array(
        z.object({
          lags: z.number(),
          df: z.number(),
          ljungBox: z.object({ statistic: Num, pValue: Num }),
          boxPierce: z.object({ statistic: Num, pValue: Num }).nullable(),
        }),
      ),
    })
    .nullable()
    .optional(),
  boxcox: z
    .object({ method: z.enum(['mle', 'guerrero']), lambda: Num, label: z.string() })
    .nullable()
    .optional(),
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
