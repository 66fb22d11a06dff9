// A small auto-ARIMA for series shorter than the `arima` package accepts (it refuses fewer than
// 20 values): the differencing order from KPSS tests at 5% (as R's ndiffs), then ARIMA(p,d,q)
// with p + q ≤ 2, with and without a constant (mean for d = 0, drift for d = 1), each fitted by
// exact Gaussian maximum likelihood through the Kalman filter (kalmanArima.ts) and Nelder-Mead,
// the smallest AICc kept. Non-seasonal only: a series this short has at most a few seasons.
import { kpssTest } from '../stats/kpss';
import type { SarimaCoefficients, SarimaOrder } from './arimaFilter';
import { rootsWithin } from './ets';
import { kalmanFilter } from './kalmanArima';
import { nelderMead } from './nelderMead';

export interface ShortArimaFit {
  order: SarimaOrder;
  coefficients: SarimaCoefficients;
  sigma2: number;
  aic: number;
  aicc: number;
}

function difference(x: Float64Array): Float64Array {
  return x.subarray(1).map((v, i) => v - (x[i] as number));
}

/** R's ndiffs(x, test = "kpss", alpha = 0.05, max.d = 2) with the "short" lag truncation. */
export function kpssDifferences(x: Float64Array, maxD = 2): number {
  let d = 0;
  let w = x;
  while (d < maxD && w.length > 3) {
    const first = w[0] as number;
    if (w.every((v) => v === first)) break;
    const lags = Math.trunc(4 * (w.length / 100) ** 0.25);
    const k = kpssTest(w, { regression: 'c', nlags: lags });
    if (!(k.statistic > k.critical['5%'])) break;
    d++;
    w = difference(w);
  }
  return d;
}

/** −2·log-likelihood (without 2π constant) and σ² from the exact filter, R's arima convention. */
function likelihood(
  y: Float64Array,
  order: SarimaOrder,
  c: SarimaCoefficients,
): { m2ll: number; sigma2: number; nu: number } {
  const f = kalmanFilter(y, order, c);
  let ssq = 0;
  let sumlog = 0;
  let nu = 0;
  for (let t = 0; t < y.length; t++) {
    const g = f.gains[t] as number;
    // R leaves the diffuse start (gain ≥ 1e4) out of the likelihood.
    if (g >= 1e4) continue;
    const r = (y[t] as number) - (f.oneStep[t] as number);
    ssq += (r * r) / g;
    sumlog += Math.log(g);
    nu++;
  }
  const sigma2 = ssq / nu;
  return { m2ll: nu * Math.log(sigma2) + sumlog, sigma2, nu };
}

/** Stationary AR and invertible MA (R signs: 1 − Σφ z^i and 1 + Σθ z^i have roots outside |z| = 1). */
function admissibleArma(ar: number[], maR: number[]): boolean {
  const inside = (coef: number[], sign: number): boolean => {
    if (coef.length === 0) return true;
    // z^p − Σ sign·c_i z^{p−i}, ascending powers: [−sign·c_p, …, −sign·c_1, 1]
    const asc = [...coef].reverse().map((v) => -sign * v);
    asc.push(1);
    return rootsWithin(asc, 1 - 1e-6);
  };
  return inside(ar, 1) && inside(maR, -1);
}

export function fitShortArima(y: Float64Array): ShortArimaFit {
  const n = y.length;
  if (n < 6) throw new Error(`too short for ARIMA (${n} values; needs at least 6)`);
  const d = kpssDifferences(y);
  let w = y;
  for (let i = 0; i < d; i++) w = difference(w);
  let wMean = 0;
  for (const v of w) wMean += v / w.length;
  let best: ShortArimaFit | null = null;
  for (let p = 0; p <= 2; p++)
    for (let q = 0; q <= 2 - p; q++)
      for (const constant of d <= 1 ? [true, false] : [false]) {
        const k = p + q + (constant ? 1 : 0);
        if (n - d - k - 2 <= 0) continue;
        const order: SarimaOrder = { p, d, q, P: 0, D: 0, Q: 0, s: 0 };
        const unpack = (x: ArrayLike<number>): SarimaCoefficients => ({
          ar: Array.from({ length: p }, (_, i) => x[i] as number),
          // Box-Jenkins signs in SarimaCoefficients: θ_BJ = −θ_R.
          ma: Array.from({ length: q }, (_, i) => -(x[p + i] as number)),
          sar: [],
          sma: [],
          mean: constant && d === 0 ? (x[p + q] as number) : 0,
          drift: constant && d === 1 ? (x[p + q] as number) : 0,
        });
        const objective = (x: Float64Array): number => {
          const ar = Array.from(x.subarray(0, p));
          const maR = Array.from(x.subarray(p, p + q));
          if (!admissibleArma(ar, maR)) return Number.POSITIVE_INFINITY;
          try {
            return likelihood(y, order, unpack(x)).m2ll;
          } catch {
            return Number.POSITIVE_INFINITY;
          }
        };
        const start = new Array<number>(p + q).fill(0);
        if (constant) start.push(wMean);
        let x: ArrayLike<number> = start;
        if (start.length > 0) {
          try {
            x = nelderMead(objective, start, { maxit: 500 }).par;
          } catch {
            continue;
          }
        }
        const coefficients = unpack(x);
        const { m2ll, sigma2, nu } = likelihood(y, order, coefficients);
        if (!Number.isFinite(m2ll)) continue;
        const full = m2ll + nu * (Math.log(2 * Math.PI) + 1);
        const aic = full + 2 * (k + 1);
        const aicc = aic + (2 * (k + 1) * (k + 2)) / Math.max(1, nu - k - 2);
        if (!best || aicc < best.aicc) best = { order, coefficients, sigma2, aic, aicc };
      }
  if (!best) throw new Error('no ARIMA model could be fitted');
  return best;
}
