import { describe, expect, it } from 'vitest';
import { forecastTable } from './forecastTable';

const band = (level: number, lower: number[], upper: number[], coverage: number | null) => ({
  level,
  lower,
  upper,
  halfWidth: [],
  coverage,
  notes: [],
  method: 'model-based' as const,
  methodLabel:
    "ETS(M,A,M) prediction intervals (fitted on the training part), centred on the model's forecast",
});

describe('forecastTable', () => {
  it('lists each future step with its date, point and both intervals', () => {
    const table = forecastTable({
      dataset: {
        name: 'x',
        filePath: null,
        rows: 10,
        timeFormat: 'year-month',
        seasonalPeriod: 12,
      },
      forecast: { times: [Date.UTC(1961, 0, 1), Date.UTC(1961, 1, 1)], values: [450, 430] },
      forecastIntervals: [
        band(0.8, [430, 400], [470, 460], null),
        band(0.95, [420, Number.POSITIVE_INFINITY], [480, 480], null),
      ],
      intervals: [band(0.8, [], [], 0.75), band(0.95, [], [], 0.9)],
    });
    expect(table.rows).toEqual([
      {
        step: 1,
        time: '1961-01',
        point: 450,
        lower80: 430,
        upper80: 470,
        lower95: 420,
        upper95: 480,
      },
      // A non-finite bound is shown as missing, never as a number.
      {
        step: 2,
        time: '1961-02',
        point: 430,
        lower80: 400,
        upper80: 460,
        lower95: null,
        upper95: 480,
      },
    ]);
    expect(table.intervalMethod).toMatch(/^ETS\(M,A,M\) prediction intervals/);
    expect(table.coverage).toEqual([
      { level: 0.8, coverage: 0.75 },
      { level: 0.95, coverage: 0.9 },
    ]);
  });
});
