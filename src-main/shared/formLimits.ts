// Form limits read from the zod schemas, so an input's min/max cannot drift from what the contract
// accepts: inclusive bounds as they are, an exclusive bound (`.gt`, `.lt`) moved inside by a step
// the field can show (0.89 for `.lt(0.9)` with two decimals).
import type { z } from 'zod';
import { AnalyzeRequest, StlRequest, TransformStep } from './schemas/analysis';
import { ImportChoices } from './schemas/dataset';
import { CollectionFitSettings } from './schemas/collection';
import { CompareRequest, SensitivityRequest } from './schemas/interpret';
import { FitSettings } from './schemas/model';

export interface NumberLimits {
  min?: number;
  max?: number;
}

interface CheckDef {
  check?: string;
  value?: unknown;
  inclusive?: boolean;
}

interface SchemaInternals {
  _zod: {
    def: { type?: string; innerType?: SchemaInternals; checks?: { _zod: { def: CheckDef } }[] };
  };
}

/** Limits of a numeric schema (optional, nullable and default wrappers are looked through). */
export function numberLimits(schema: z.ZodType, inside = 0.01): NumberLimits {
  let s = schema as unknown as SchemaInternals;
  while (s._zod.def.innerType) s = s._zod.def.innerType;
  if (s._zod.def.type !== 'number') throw new Error('numberLimits: not a number schema');
  const limits: NumberLimits = {};
  // Rounded to the digits of `inside`, so 0.9 − 0.01 reads 0.89, not 0.8900000000000001.
  const digits = Math.max(0, -Math.floor(Math.log10(inside)));
  const round = (v: number) => Number(v.toFixed(digits));
  for (const c of s._zod.def.checks ?? []) {
    const { check, value, inclusive } = c._zod.def;
    if (typeof value !== 'number') continue;
    if (check === 'greater_than') limits.min = inclusive ? value : round(value + inside);
    if (check === 'less_than') limits.max = inclusive ? value : round(value - inside);
  }
  return limits;
}

const shape = FitSettings.shape;

/** The model form's numeric fields and their limits. */
export const FIT_LIMITS = {
  lookback: numberLimits(shape.lookback),
  horizon: numberLimits(shape.horizon),
  stride: numberLimits(shape.stride),
  testSize: numberLimits(shape.testSize),
  testFraction: numberLimits(shape.testFraction),
  valFraction: numberLimits(shape.valFraction),
  units: numberLimits(shape.units),
  dropout: numberLimits(shape.dropout),
  recurrentDropout: numberLimits(shape.recurrentDropout),
  learningRate: numberLimits(shape.learningRate, 0.00001),
  momentum: numberLimits(shape.momentum),
  batchSize: numberLimits(shape.batchSize),
  epochs: numberLimits(shape.epochs),
  patience: numberLimits(shape.patience),
  seed: numberLimits(shape.seed),
} satisfies Record<string, NumberLimits>;

export type FitNumberField = keyof typeof FIT_LIMITS;

const [, boxcoxStep, , seasonalDiffStep] = TransformStep.options;

/** The exploration, comparison and explanation forms' numeric fields and their limits. */
export const FORM_LIMITS = {
  nlags: numberLimits(AnalyzeRequest.shape.nlags),
  stlPeriod: numberLimits(StlRequest.shape.period),
  boxcoxLambda: numberLimits(boxcoxStep.shape.lambda),
  seasonalDiffPeriod: numberLimits(seasonalDiffStep.shape.period),
  seasonalPeriod: numberLimits(ImportChoices.shape.seasonalPeriod),
  compareH: numberLimits(CompareRequest.shape.h),
  explainSteps: numberLimits(SensitivityRequest.shape.steps),
  explainDelta: numberLimits(SensitivityRequest.shape.delta, 0.001),
} satisfies Record<string, NumberLimits>;

const collectionShape = CollectionFitSettings.shape;

/** The global-model form's numeric fields and their limits. */
export const COLLECTION_FIT_LIMITS = {
  horizon: numberLimits(collectionShape.horizon),
  epochs: numberLimits(collectionShape.epochs),
  ensemble: numberLimits(collectionShape.ensemble),
} satisfies Record<string, NumberLimits>;
