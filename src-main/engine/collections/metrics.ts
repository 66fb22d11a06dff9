// Accuracy of one forecast path, as the M-competitions score it: sMAPE = mean 200·|y−f|/(|y|+|f|),
// MASE = mean |y−f| / scale, scale = mean |x_t − x_{t−m}| of the rows the forecast was made from
// (m = 1 without a season, and when the series is shorter than m + 1).

export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const f = forecast[i] as number;
    const d = Math.abs(a) + Math.abs(f);
    s += d === 0 ? 0 : (200 * Math.abs(a - f)) / d;
  }
  return s / actual.length;
}

export function maseScale(train: ArrayLike<number>, m: number): number {
  const lag = m > 1 && train.length > m ? m : 1;
  let s = 0;
  let count = 0;
  for (let t = lag; t < train.length; t++) {
    s += Math.abs((train[t] as number) - (train[t - lag] as number));
    count++;
  }
  return count > 0 ? s / count : Number.NaN;
}

export function mase(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  scale: number,
): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++)
    s += Math.abs((actual[i] as number) - (forecast[i] as number));
  return s / actual.length / scale;
}
