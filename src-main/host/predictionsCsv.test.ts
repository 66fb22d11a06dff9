import { describe, expect, it } from 'vitest';
import type { RunResult } from '../shared/schemas/model';
import { predictionsCsv } from './predictionsCsv';

const metrics = {
  mse: 1,
  rmse: 1,
  mae: 1,
  r2: 0,
  mape: 1,
  mapeSkipped: 0,
  smape: 1,
  mase: 1,
  count: 2,
};

// Two one-step test points (rows 8 and 9, times 8 and 9) and a two-step forecast at 10 and 11.
const run = {
  id: 'run_1',
  createdAt: '2026-01-01T00:00:00.000Z',
  datasetId: 'ds_0000000000000001',
  dataset: { name: 'x.csv', filePath: null, rows: 10, timeFormat: 'index', seasonalPeriod: 1 },
  config: { cell: 'lstm' },
  metrics,
  baselines: { naive: metrics },
  baselineNotes: {},
  test: {
    targetStarts: [8, 9],
    horizon: 1,
    times: [8, 9],
    predicted: [80, 90],
    actual: [81, 91],
    baselinePredictions: { naive: [79, 81] },
  },
  forecast: { times: [10, 11], values: [100, 110] },
  intervals: [{ level: 0.8, lower: [70, 80], upper: [90, 100], halfWidth: [10, 10] }],
  forecastIntervals: [{ level: 0.8, lower: [95, 105], upper: [105, 115], halfWidth: [5, 5] }],
  baselineModels: { ets: { label: 'ETS(A,N,N)', parameters: {}, note: '', forecast: [99, 98] } },
} as unknown as RunResult;

describe('predictionsCsv', () => {
  it("exports the model's forecast with its bands by default", () => {
    const lines = predictionsCsv(run).trim().split('\n');
    expect(lines[0]).toBe(
      'part,time,window_start,step,actual,predicted,baseline_naive,lower_80,upper_80',
    );
    expect(lines[3]).toBe('forecast,10,,1,,100,,95,105');
  });

  it("exports a classical method's forecast in its place, saying which made it", () => {
    const lines = predictionsCsv(run, 'ets').trim().split('\n');
    expect(lines[0]).toBe(
      'part,time,window_start,step,actual,predicted,baseline_naive,lower_80,upper_80,forecast_by',
    );
    expect(lines[1]).toBe('test,8,8,1,81,80,79,70,90,');
    // The model's conformal bands do not belong to ETS's forecast.
    expect(lines[3]).toBe('forecast,10,,1,,99,,,,"ETS(A,N,N)"');
    expect(lines[4]).toBe('forecast,11,,2,,98,,,,"ETS(A,N,N)"');
  });

  it('names the interval method in a column when the bands carry one', () => {
    const label =
      "ETS(A,N,N) prediction intervals (fitted on the training part), centred on the model's forecast";
    const named = {
      ...run,
      intervals: run.intervals.map((b) => ({ ...b, method: 'model-based', methodLabel: label })),
      forecastIntervals: run.forecastIntervals.map((b) => ({
        ...b,
        method: 'model-based',
        methodLabel: label,
      })),
    } as RunResult;
    const lines = predictionsCsv(named).trim().split('\n');
    expect(lines[0]).toBe(
      'part,time,window_start,step,actual,predicted,baseline_naive,lower_80,upper_80,interval_method',
    );
    expect(lines[1]).toBe(`test,8,8,1,81,80,79,70,90,"${label}"`);
    expect(lines[4]).toBe(`forecast,11,,2,,110,,105,115,"${label}"`);
    // Another method's forecast has none of the model's bands, so no method either.
    expect(predictionsCsv(named, 'ets').trim().split('\n')[3]).toBe(
      'forecast,10,,1,,99,,,,,"ETS(A,N,N)"',
    );
  });
});
