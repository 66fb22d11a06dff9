import { describe, expect, it } from 'vitest';
import { aggregateFolds } from './foldAggregate';

const metrics = (rmse: number) => ({
  mse: rmse ** 2,
  rmse,
  mae: rmse,
  r2: 0,
  mape: 1,
  mapeSkipped: 0,
  smape: 1,
  mase: 1,
  count: 3,
});

function fold(index: number, rmse: number, naiveRmse: number) {
  return {
    index,
    trainStart: 0,
    trainEnd: 10,
    testStart: 10,
    testEnd: 13,
    times: [],
    actual: [],
    predicted: [],
    metrics: metrics(rmse),
    baselines: { naive: metrics(naiveRmse) },
    baselineNotes: {},
    interval95: null,
    trainingSeconds: 0,
  };
}

describe('aggregateFolds', () => {
  it('gives mean, sample std, min and max per forecaster', () => {
    const agg = aggregateFolds([fold(0, 1, 4), fold(1, 3, 4)]);
    expect(agg.rmse?.model).toEqual({ mean: 2, std: Math.SQRT2, min: 1, max: 3 });
    expect(agg.rmse?.naive).toEqual({ mean: 4, std: 0, min: 4, max: 4 });
  });
});
