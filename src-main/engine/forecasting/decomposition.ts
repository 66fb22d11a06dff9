// Classical decomposition (R's stats::decompose) for deseasonalising: a centred moving average of
// one season (2×m for even m) as the trend, the per-position mean of the detrended values as the
// seasonal figure, normalised to mean 1 (multiplicative) or sum 0 (additive). The figure is
// indexed by row: row t has index figure[t mod m], so a figure fitted on a prefix applies to any
// later row.

export type SeasonalMode = 'multiplicative' | 'additive';

function centredMovingAverage(x: ArrayLike<number>, m: number): Float64Array {
  const n = x.length;
  const weights =
    m % 2 === 0
      ? [0.5, ...new Array<number>(m - 1).fill(1), 0.5].map((w) => w / m)
      : new Array<number>(m).fill(1 / m);
  const half = Math.floor(weights.length / 2);
  const out = new Float64Array(n).fill(Number.NaN);
  for (let t = half; t + weights.length - 1 - half < n; t++) {
    let s = 0;
    for (let j = 0; j < weights.length; j++) s += (weights[j] ?? 0) * (x[t - half + j] ?? 0);
    out[t] = s;
  }
  return out;
}

/** The seasonal figure of x (length m), fitted on all of x (at least 2m values). */
export function seasonalFigure(x: ArrayLike<number>, m: number, mode: SeasonalMode): Float64Array {
  if (m <= 1 || x.length < 2 * m)
    throw new Error(`a seasonal figure needs period > 1 and 2 seasons, got m=${m}, n=${x.length}`);
  const trend = centredMovingAverage(x, m);
  const figure = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    let count = 0;
    for (let t = i; t < x.length; t += m) {
      const tr = trend[t] ?? Number.NaN;
      if (Number.isNaN(tr)) continue;
      const v = x[t] ?? Number.NaN;
      s += mode === 'additive' ? v - tr : v / tr;
      count++;
    }
    figure[i] = s / count;
  }
  let mean = 0;
  for (const v of figure) mean += v / m;
  for (let i = 0; i < m; i++)
    figure[i] = mode === 'additive' ? (figure[i] ?? 0) - mean : (figure[i] ?? 0) / mean;
  return figure;
}

/** Each value of rows start..start+values.length-1 combined with its season's figure. */
function withSeason(
  values: ArrayLike<number>,
  figure: ArrayLike<number>,
  start: number,
  combine: (value: number, seasonal: number) => number,
): Float64Array {
  const m = figure.length;
  return Float64Array.from({ length: values.length }, (_, i) =>
    combine(values[i] ?? Number.NaN, figure[(start + i) % m] ?? Number.NaN),
  );
}

/** Seasonally adjusted values of rows start..start+values.length-1. */
export function deseasonalise(
  values: ArrayLike<number>,
  figure: ArrayLike<number>,
  mode: SeasonalMode,
  start = 0,
): Float64Array {
  return withSeason(values, figure, start, mode === 'additive' ? (v, s) => v - s : (v, s) => v / s);
}

/** Inverse of deseasonalise for rows start..start+values.length-1. */
export function reseasonalise(
  values: ArrayLike<number>,
  figure: ArrayLike<number>,
  mode: SeasonalMode,
  start = 0,
): Float64Array {
  return withSeason(values, figure, start, mode === 'additive' ? (v, s) => v + s : (v, s) => v * s);
}
