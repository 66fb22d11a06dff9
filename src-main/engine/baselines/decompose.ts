// Classical decomposition as R's stats::decompose: a centred moving average of one season (2×m for
// an even period) for the trend, the per-season mean of the detrended values (missing ends left
// out) for the figure, normalised to sum 0 (additive) or mean 1 (multiplicative).

export interface Decomposition {
  /** Seasonal component at every time step (the figure repeated from the first observation). */
  seasonal: Float64Array;
  /** One value per season, seasonal[t] = figure[t mod m]. */
  figure: Float64Array;
  /** Centred moving average; NaN where the window runs off either end. */
  trend: Float64Array;
}

export function movingAverageTrend(x: ArrayLike<number>, m: number): Float64Array {
  const n = x.length;
  const even = m % 2 === 0;
  const weights = even
    ? [0.5, ...new Array<number>(m - 1).fill(1), 0.5].map((w) => w / m)
    : new Array<number>(m).fill(1 / m);
  const half = Math.floor(weights.length / 2);
  const out = new Float64Array(n).fill(Number.NaN);
  for (let t = half; t < n - (weights.length - 1 - half); t++) {
    let s = 0;
    for (let j = 0; j < weights.length; j++)
      s += (weights[j] as number) * (x[t + half - j] as number);
    out[t] = s;
  }
  return out;
}

export function decompose(
  x: ArrayLike<number>,
  m: number,
  type: 'additive' | 'multiplicative',
): Decomposition {
  const n = x.length;
  if (m <= 1 || n < 2 * m) throw new Error('time series has no or less than 2 periods');
  const trend = movingAverageTrend(x, m);
  const figure = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    let count = 0;
    for (let t = i; t < n; t += m) {
      const tr = trend[t] as number;
      if (Number.isNaN(tr)) continue;
      s += type === 'additive' ? (x[t] as number) - tr : (x[t] as number) / tr;
      count++;
    }
    figure[i] = s / count;
  }
  let mean = 0;
  for (const v of figure) mean += v / m;
  for (let i = 0; i < m; i++)
    figure[i] = type === 'additive' ? (figure[i] as number) - mean : (figure[i] as number) / mean;
  const seasonal = Float64Array.from({ length: n }, (_, t) => figure[t % m] as number);
  return { seasonal, figure, trend };
}

/** Intercept and slope of the least-squares line through (t0 + i, y_i). */
export function linearFit(y: ArrayLike<number>, t0: number): { intercept: number; slope: number } {
  const n = y.length;
  let st = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    st += t0 + i;
    sy += y[i] as number;
  }
  const tm = st / n;
  const ym = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dt = t0 + i - tm;
    sxx += dt * dt;
    sxy += dt * ((y[i] as number) - ym);
  }
  const slope = sxy / sxx;
  return { intercept: ym - slope * tm, slope };
}
