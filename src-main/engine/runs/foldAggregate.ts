// Mean and spread of each metric over folds, for the model and every baseline.
import type { BacktestResult } from '../../shared/schemas/search';

type Folds = BacktestResult['folds'];
const metricNames = ['rmse', 'mae', 'mape', 'smape', 'mase', 'r2'] as const;

function spread(values: number[]): {
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
} {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { mean: null, std: null, min: null, max: null };
  const mean = finite.reduce((s, v) => s + v, 0) / finite.length;
  const std =
    finite.length > 1
      ? Math.sqrt(finite.reduce((s, v) => s + (v - mean) ** 2, 0) / (finite.length - 1))
      : 0;
  return { mean, std, min: Math.min(...finite), max: Math.max(...finite) };
}

export function aggregateFolds(folds: Folds): BacktestResult['aggregate'] {
  const forecasters = ['model', ...new Set(folds.flatMap((f) => Object.keys(f.baselines)))];
  const result: BacktestResult['aggregate'] = {};
  for (const metric of metricNames) {
    const row: Record<string, ReturnType<typeof spread>> = {};
    for (const name of forecasters) {
      const values = folds.map(
        (f) => (name === 'model' ? f.metrics[metric] : f.baselines[name]?.[metric]) ?? Number.NaN,
      );
      row[name] = spread(values);
    }
    result[metric] = row;
  }
  return result;
}
