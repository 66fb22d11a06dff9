// Baselines for one backtest fold's test block, on the same points as the model's forecast.
import { fitArimaBaseline } from './arimaBaseline';
import { meanForecast, naiveForecast, seasonalNaiveForecast } from './baselines';
import { computeMetrics, type ForecastMetrics } from '../model/metrics';

export interface FoldBaselines {
  metrics: Record<string, ForecastMetrics>;
  notes: Record<string, string>;
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
  const metrics: Record<string, ForecastMetrics> = {
    naive: score(naiveForecast(target, starts, h)),
    seasonalNaive: score(seasonalNaiveForecast(target, starts, h, period)),
    mean: score(meanForecast(trainOnly, trainOnly.length, 1, h)),
  };
  const notes: Record<string, string> = {
    naive: 'last value before the test block',
    seasonalNaive: `value ${period} steps back`,
    mean: "mean of the fold's training part",
  };
  const arima = fitArimaBaseline(trainOnly, period, actual);
  if (arima.ok) {
    metrics.arima = score(arima.predictions);
    notes.arima = `${arima.label}, one-step-ahead through the test block`;
  } else {
    notes.arima = `auto-ARIMA not available: ${arima.reason}`;
  }
  return { metrics, notes };
}
