// Point-forecast accuracy measures over paired (actual, predicted) values in original units.
import type { Metrics } from '../../shared/schemas/model';

/**
 * The contract's Metrics before JSON: the same fields, each a plain number that may be NaN (null
 * once it crosses a boundary). mape is a percent over non-zero actuals (see mapeSkipped), NaN if
 * all were skipped; smape is a percent in [0, 200]; mase is NaN when the in-sample seasonal-naive
 * scale is zero or unavailable.
 */
export type ForecastMetrics = { [K in keyof Metrics]-?: number };

function check(actual: ArrayLike<number>, predicted: ArrayLike<number>): void {
  if (actual.length !== predicted.length) {
    throw new Error(`actual (${actual.length}) and predicted (${predicted.length}) lengths differ`);
  }
  if (actual.length === 0) throw new Error('no values to score');
}

export function mse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  check(actual, predicted);
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += ((actual[i] ?? 0) - (predicted[i] ?? 0)) ** 2;
  return s / actual.length;
}

export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  check(actual, predicted);
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs((actual[i] ?? 0) - (predicted[i] ?? 0));
  return s / actual.length;
}

/** sklearn r2_score (force_finite): constant actuals give 1 if predicted exactly, else 0. */
export function r2(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  check(actual, predicted);
  let mean = 0;
  for (let i = 0; i < actual.length; i++) mean += actual[i] ?? 0;
  mean /= actual.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] ?? 0;
    ssRes += (a - (predicted[i] ?? 0)) ** 2;
    ssTot += (a - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

export function mape(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
): { value: number; skipped: number } {
  check(actual, predicted);
  let s = 0;
  let used = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] ?? 0;
    if (a === 0) continue;
    s += Math.abs((a - (predicted[i] ?? 0)) / a);
    used++;
  }
  return { value: used === 0 ? Number.NaN : (100 * s) / used, skipped: actual.length - used };
}

/** 200/n · Σ|a−p|/(|a|+|p|); a pair with both zero counts as a perfect forecast (0). */
export function smape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  check(actual, predicted);
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] ?? 0;
    const p = predicted[i] ?? 0;
    const den = Math.abs(a) + Math.abs(p);
    if (den > 0) s += Math.abs(a - p) / den;
  }
  return (200 * s) / actual.length;
}

/** M4 MASE denominator: mean |y_t − y_{t−m}| over the in-sample series. */
export function maseScale(insample: ArrayLike<number>, period: number): number {
  const m = Math.max(1, Math.floor(period));
  if (insample.length <= m) return Number.NaN;
  let s = 0;
  for (let t = m; t < insample.length; t++)
    s += Math.abs((insample[t] ?? 0) - (insample[t - m] ?? 0));
  return s / (insample.length - m);
}

export function mase(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  insample: ArrayLike<number>,
  period: number,
): number {
  const scaleValue = maseScale(insample, period);
  if (!(scaleValue > 0)) return Number.NaN;
  return mae(actual, predicted) / scaleValue;
}

export function computeMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  insample: ArrayLike<number>,
  period: number,
): ForecastMetrics {
  const m = mse(actual, predicted);
  const p = mape(actual, predicted);
  return {
    mse: m,
    rmse: Math.sqrt(m),
    mae: mae(actual, predicted),
    r2: r2(actual, predicted),
    mape: p.value,
    mapeSkipped: p.skipped,
    smape: smape(actual, predicted),
    mase: mase(actual, predicted, insample, period),
    count: actual.length,
  };
}
