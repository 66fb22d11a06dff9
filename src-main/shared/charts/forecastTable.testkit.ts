// A two-step monthly run's forecast and ETS intervals, as `forecastTable` reads them: the second
// step's 95% lower bound is unbounded (−∞), which the table shows as missing.
import type { forecastTable } from './forecastTable';

type TableInput = Parameters<typeof forecastTable>[0];

const ETS_METHOD =
  "ETS(M,A,M) prediction intervals (fitted on the training part), centred on the model's forecast";

const band = (level: number, lower: number[], upper: number[], coverage: number | null) => ({
  level,
  lower,
  upper,
  halfWidth: [],
  coverage,
  notes: [],
  method: 'model-based' as const,
  methodLabel: ETS_METHOD,
});

/** Forecasts 450.5 (1961-01) and 430 (1961-02); test-part coverage 75% (80%) and 11/12 (95%). */
export function twoStepForecastRun(): TableInput {
  return {
    dataset: { name: 'x', filePath: null, rows: 10, timeFormat: 'year-month', seasonalPeriod: 12 },
    forecast: { times: [Date.UTC(1961, 0, 1), Date.UTC(1961, 1, 1)], values: [450.5, 430] },
    forecastIntervals: [
      band(0.8, [430, 400], [470, 460], null),
      band(0.95, [420, Number.NEGATIVE_INFINITY], [480, 480], null),
    ],
    intervals: [band(0.8, [], [], 0.75), band(0.95, [], [], 11 / 12)],
  };
}
