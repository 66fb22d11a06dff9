import { describe, expect, it } from 'vitest';
import { hStepEvaluation, rollingOneStep } from './hStep';

// Target 0..11 with period 1: the in-sample naive scale is 1 everywhere.
const target = Float64Array.from({ length: 12 }, (_, i) => i);

describe('hStepEvaluation', () => {
  // Two test windows of 3 steps starting at rows 8 and 9 (stride 1).
  const run = {
    test: {
      targetStarts: [8, 9],
      horizon: 3,
      times: [8, 9, 10, 9, 10, 11],
      actual: [8, 9, 10, 9, 10, 11],
      predicted: [8, 10, 12, 100, 100, 100],
      baselinePredictions: {
        naive: [7, 7, 7, 8, 8, 8],
        seasonalNaive: [7, 7, 7, 8, 8, 8],
        mean: [3.5, 3.5, 3.5, 3.5, 3.5, 3.5],
        arima: [8, 9, 10, 9, 10, 11],
      },
    },
    baselineNotes: { arima: 'ARIMA(0,1,0) fitted on the training part' },
  };

  it('scores the first window only, from its origin', () => {
    const r = hStepEvaluation(run, target, 1);
    expect(r?.origin).toBe(8);
    expect(r?.actual).toEqual([8, 9, 10]);
    expect(r?.predicted).toEqual([8, 10, 12]);
    // errors 0, 1, 2: MAE 1, RMSE √(5/3); MASE = MAE / 1 (scale of 0..7 with m = 1)
    expect(r?.metrics.mae).toBe(1);
    expect(r?.metrics.rmse).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(r?.metrics.mase).toBe(1);
    expect(r?.metrics.count).toBe(3);
    // naive from row 7: errors 1, 2, 3
    expect(r?.baselines.naive?.mae).toBe(2);
    expect(r?.baselines.mean?.mae).toBe(5.5);
  });

  it('leaves one-step baselines out at h > 1 and says why, by name', () => {
    const r = hStepEvaluation(run, target, 1);
    expect(Object.keys(r?.baselines ?? {})).toEqual(['naive', 'seasonalNaive', 'mean']);
    expect(r?.notes).toEqual([
      'ARIMA(0,1,0): test forecasts are one step ahead (each from the actuals before it), so it has no row here.',
    ]);
  });

  it('takes h-step paths of classical methods from the caller', () => {
    const r = hStepEvaluation(run, target, 1, { ets: [8, 9, 11] });
    expect(r?.baselines.ets?.mae).toBeCloseTo(1 / 3, 14);
  });

  it('at h = 1 every baseline forecast is from the origin', () => {
    const one = {
      test: {
        targetStarts: [10, 11],
        horizon: 1,
        times: [10, 11],
        actual: [10, 11],
        predicted: [12, 11],
        baselinePredictions: { naive: [9, 10], arima: [10.5, 11] },
      },
    };
    const r = hStepEvaluation(one, target, 1);
    expect(r?.metrics.mae).toBe(2);
    expect(r?.baselines.arima?.mae).toBe(0.5);
    expect(r?.notes).toEqual(['The run forecasts one step, so this is a single value.']);
  });

  it('no test window: null', () => {
    const empty = {
      test: {
        targetStarts: [],
        horizon: 2,
        times: [],
        actual: [],
        predicted: [],
        baselinePredictions: {},
      },
    };
    expect(hStepEvaluation(empty, target, 1)).toBeNull();
  });
});

describe('rollingOneStep', () => {
  it('pools the first step of each fold, MASE on each fold’s own scale', () => {
    const series = Float64Array.from([0, 2, 4, 6, 8, 10, 12, 14]);
    const folds = [
      { trainStart: 0, testStart: 4, actual: [8, 10], predicted: [9, 0] },
      { trainStart: 2, testStart: 6, actual: [12, 14], predicted: [12, 0] },
    ];
    const r = rollingOneStep(folds, series, 1);
    // model step-1 errors −1, 0; naive: 6 and 10 → errors 2, 2; mean of rows 0..3 = 3, rows 2..5 = 7
    expect(r.model?.mae).toBe(0.5);
    expect(r.model?.count).toBe(2);
    // each fold's scale is 2 (steps of 2): MASE = mean(1/2, 0/2)
    expect(r.model?.mase).toBe(0.25);
    expect(r.naive?.mae).toBe(2);
    expect(r.naive?.mase).toBe(1);
    expect(r.mean?.mae).toBe(5);
  });
});
