// Reference forecasts for the same windows (target starts) and horizons as the model, in original
// units. Each reads only values strictly before the window's first target.

export type BaselineKind = 'naive' | 'seasonalNaive' | 'mean';

/** Row-major [starts.length, horizon]. */
export function naiveForecast(
  series: Float64Array,
  starts: ArrayLike<number>,
  horizon: number,
): Float64Array {
  const out = new Float64Array(starts.length * horizon);
  for (let w = 0; w < starts.length; w++) {
    const t0 = starts[w] ?? 0;
    if (t0 < 1) throw new Error('naive forecast needs at least one past value');
    out.fill(series[t0 - 1] ?? Number.NaN, w * horizon, (w + 1) * horizon);
  }
  return out;
}

/**
 * Target t = t0+h gets y[t - k·m] with the smallest k that lands before t0 (the last observed
 * value of the same season); without a full season of history it falls back to naive.
 */
export function seasonalNaiveForecast(
  series: Float64Array,
  starts: ArrayLike<number>,
  horizon: number,
  period: number,
): Float64Array {
  const m = Math.max(1, Math.floor(period));
  const out = new Float64Array(starts.length * horizon);
  for (let w = 0; w < starts.length; w++) {
    const t0 = starts[w] ?? 0;
    for (let h = 0; h < horizon; h++) {
      const k = Math.floor(h / m) + 1;
      const src = t0 + h - k * m;
      out[w * horizon + h] =
        src >= 0 ? (series[src] ?? Number.NaN) : (series[t0 - 1] ?? Number.NaN);
    }
  }
  return out;
}

export function meanForecast(
  series: Float64Array,
  trainEnd: number,
  count: number,
  horizon: number,
): Float64Array {
  if (trainEnd < 1) throw new Error('mean forecast needs training data');
  let s = 0;
  for (let t = 0; t < trainEnd; t++) s += series[t] ?? 0;
  return new Float64Array(count * horizon).fill(s / trainEnd);
}
