// Baselines for one backtest fold's test block, on the same points as the model's forecast. Every
// row forecasts the whole block from the fold's origin, as the model does: naive, seasonal naive
// and the mean, and ETS, Theta and auto-ARIMA fitted on the fold's training part alone.
import { classicalBaselines, CLASSICAL_METHODS } from './classical';
import { meanForecast, naiveForecast, seasonalNaiveForecast } from './baselines';
import { computeMetrics, type ForecastMetrics } from '../model/metrics';

export interface FoldBaselines {
  metrics: Record<string, ForecastMetrics>;
  notes: Record<string, string>;
  /** Each baseline's forecast of the test block from the fold's origin. */
  paths: Record<string, number[]>;
  /** Labels of the fitted classical models ("ETS(A,Ad,N)", "ARIMA(0,1,1)"). */
  labels: Record<string, string>;
}

export function foldBaselines(
  target: Float64Array,
  fold: { trainStart: number; testStart: number; testEnd: number },
  period: number,
): FoldBaselines {
  const h = fold.testEnd - fold.testStart;
  const actual = target.subarray(fold.testStart, fold.testEnd);
  const insample = target.subarray(fold.trainStart, fold.testStart);
  const starts = [fold.testStart];
  const score = (p: ArrayLike<number>): ForecastMetrics =>
    computeMetrics(actual, p, insample, period);
  const trainOnly = target.subarray(fold.trainStart, fold.testStart);
  const paths: Record<string, number[]> = {
    naive: Array.from(naiveForecast(target, starts, h)),
    seasonalNaive: Array.from(seasonalNaiveForecast(target, starts, h, period)),
    mean: Array.from(meanForecast(trainOnly, trainOnly.length, 1, h)),
  };
  const notes: Record<string, string> = {
    naive: 'last value before the test block',
    seasonalNaive: `value ${period} steps back`,
    mean: "mean of the fold's training part",
  };
  const labels: Record<string, string> = {};
  const classical = classicalBaselines(Float64Array.from(trainOnly), period, h);
  for (const method of CLASSICAL_METHODS) {
    const r = classical[method];
    if (!r) continue;
    if (r.ok) {
      paths[method] = r.forecast;
      labels[method] = r.label;
      notes[method] =
        `${r.label} fitted on the fold's training part, forecasting the test block from its origin`;
    } else {
      notes[method] = r.note;
    }
  }
  const metrics: Record<string, ForecastMetrics> = {};
  for (const [name, path] of Object.entries(paths)) metrics[name] = score(path);
  return { metrics, notes, paths, labels };
}
