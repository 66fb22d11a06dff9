import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIT_LIMITS, FORM_LIMITS, numberLimits } from './formLimits';
import { SensitivityRequest } from './schemas/interpret';

describe('form limits from the schemas', () => {
  it('keeps inclusive bounds and moves exclusive ones inside', () => {
    expect(numberLimits(z.number().int().min(1).max(50))).toEqual({ min: 1, max: 50 });
    expect(numberLimits(z.number().gt(0).lt(0.9))).toEqual({ min: 0.01, max: 0.89 });
    expect(numberLimits(z.number().min(0).lt(1).optional())).toEqual({ min: 0, max: 0.99 });
    expect(numberLimits(z.number().gt(0).max(10), 0.00001)).toEqual({ min: 0.00001, max: 10 });
    expect(numberLimits(z.number().int().min(1).nullable())).toEqual({ min: 1 });
  });

  it('gives the model form the limits it showed before', () => {
    expect(FIT_LIMITS.valFraction).toEqual({ min: 0, max: 0.89 });
    expect(FIT_LIMITS.testFraction).toEqual({ min: 0.01, max: 0.89 });
    expect(FIT_LIMITS.units).toEqual({ min: 1, max: 1024 });
    expect(FIT_LIMITS.momentum).toEqual({ min: 0, max: 0.99 });
    expect(FIT_LIMITS.learningRate).toEqual({ min: 0.00001, max: 10 });
  });

  it('gives the explanation form its steps and δ limits', () => {
    expect(numberLimits(SensitivityRequest.shape.steps)).toEqual({ min: 8, max: 512 });
    expect(numberLimits(SensitivityRequest.shape.delta, 0.001)).toEqual({ min: 0.001, max: 10 });
  });

  it('gives the exploration and comparison forms the limits they showed before', () => {
    expect(FORM_LIMITS.nlags).toEqual({ min: 1, max: 1000 });
    expect(FORM_LIMITS.stlPeriod).toEqual({ min: 2, max: 1000 });
    expect(FORM_LIMITS.boxcoxLambda).toEqual({ min: -10, max: 10 });
    expect(FORM_LIMITS.seasonalDiffPeriod).toEqual({ min: 2, max: 1000 });
    expect(FORM_LIMITS.seasonalPeriod).toEqual({ min: 1, max: 10000 });
    expect(FORM_LIMITS.compareH).toEqual({ min: 1, max: 500 });
  });

  it('refuses a schema that is not a number', () => {
    expect(() => numberLimits(z.string())).toThrow(/not a number/);
  });
});
