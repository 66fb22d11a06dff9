// The Theta method as R's forecast::thetaf (Hyndman & Billah 2003): seasonal adjustment by classical
// multiplicative decomposition when the 90% ACF test finds seasonality, simple exponential
// smoothing (ETS(A,N,N) fitted by MSE, as ses()) plus a drift of half the slope of the linear
// trend, then reseasonalised.
import { acf } from '../stats/acf';
import { normalQuantile } from '../stats/distributions';
import { decompose, linearFit } from './decompose';
import { etsFilter, fitEtsModel, type EtsFit } from './ets';

/** The M-competition seasonality test at 90%: |r_m| > 1.645·√((1 + 2Σ_{k<m} r_k²)/n). */
export function seasonalityTest(x: Float64Array, m: number): boolean {
  const n = x.length;
  if (m <= 1 || n <= 2 * m) return false;
  const first = x[0] as number;
  if (x.every((v) => v === first)) return false;
  const r = acf(x, m);
  let s = 0;
  for (let k = 1; k < m; k++) s += (r[k] as number) ** 2;
  const stat = Math.sqrt((1 + 2 * s) / n);
  return Math.abs(r[m] as number) / stat > normalQuantile(0.95);
}

export interface ThetaFit {
  seasonal: boolean;
  /** Seasonal indices of one season, figure[t mod m] (all 1 when not seasonal). */
  figure: Float64Array;
  m: number;
  n: number;
  alpha: number;
  /** Half the slope of the linear trend of the (adjusted) series. */
  drift: number;
  /** SES level after the last observation (adjusted scale). */
  level: number;
  /** ses()'s σ², the residual variance on the adjusted scale. */
  sigma2: number;
  ses: EtsFit;
}

export function fitTheta(x: Float64Array, m: number): ThetaFit {
  const n = x.length;
  if (n <= 6) throw new Error(`too few observations for Theta (${n}; needs at least 7)`);
  if (!x.every(Number.isFinite)) throw new Error('Theta needs finite values');
  let seasonal = seasonalityTest(x, m);
  let figure: Float64Array = new Float64Array(Math.max(1, m)).fill(1);
  let adjusted: Float64Array = x;
  if (seasonal) {
    const d = decompose(x, m, 'multiplicative');
    if (d.figure.some((v) => Math.abs(v) < 1e-4)) {
      seasonal = false;
    } else {
      figure = d.figure;
      adjusted = x.map((v, t) => v / (d.figure[t % m] as number));
    }
  }
  const ses = fitEtsModel(
    adjusted,
    1,
    { error: 'A', trend: 'N', season: 'N', damped: false },
    {
      criterion: 'mse',
    },
  );
  const drift = linearFit(adjusted, 0).slope / 2;
  return {
    seasonal,
    figure,
    m: seasonal ? m : 1,
    n,
    alpha: Math.max(1e-10, ses.par.alpha),
    drift,
    level: ses.finalState[0] as number,
    sigma2: ses.sigma2,
    ses,
  };
}

export interface ThetaForecast {
  mean: Float64Array;
  bands: { level: number; lower: Float64Array; upper: Float64Array }[];
}

export function thetaForecast(
  fit: ThetaFit,
  h: number,
  levels: readonly number[] = [0.8, 0.95],
): ThetaForecast {
  const { alpha, drift, n } = fit;
  const mean = new Float64Array(h);
  const base = (1 - Math.pow(1 - alpha, n)) / alpha;
  for (let i = 0; i < h; i++) {
    const season = fit.seasonal ? (fit.figure[(n + i) % fit.m] as number) : 1;
    mean[i] = (fit.level + drift * (i + base)) * season;
  }
  // As thetaf: the standard error of SES on the adjusted scale, not reseasonalised.
  const se = Float64Array.from(
    { length: h },
    (_, i) => Math.sqrt(fit.sigma2) * Math.sqrt(i * alpha * alpha + 1),
  );
  const bands = levels.map((level) => {
    const z = -normalQuantile((1 - level) / 2);
    return {
      level,
      lower: mean.map((v, i) => v - z * (se[i] as number)),
      upper: mean.map((v, i) => v + z * (se[i] as number)),
    };
  });
  return { mean, bands };
}

/**
 * One-step Theta forecasts of each test value from the actuals before it, without refitting: the
 * SES level continues through the adjusted actuals, the drift term grows with the origin.
 */
export function thetaOneStep(fit: ThetaFit, test: ArrayLike<number>): Float64Array {
  const { alpha, drift, n } = fit;
  const season = (t: number): number => (fit.seasonal ? (fit.figure[t % fit.m] as number) : 1);
  const adjusted = Float64Array.from(
    { length: test.length },
    (_, k) => (test[k] as number) / season(n + k),
  );
  const levels = etsFilter(
    adjusted,
    [fit.level],
    1,
    { error: 'A', trend: 'N', season: 'N', damped: false },
    { alpha, beta: 0, gamma: 0, phi: 1 },
  ).fitted;
  return Float64Array.from({ length: test.length }, (_, k) => {
    const origin = n + k;
    return (
      ((levels[k] as number) + drift * ((1 - Math.pow(1 - alpha, origin)) / alpha)) * season(n + k)
    );
  });
}
