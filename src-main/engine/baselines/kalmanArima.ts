// Exact one-step and multi-step SARIMA forecasts by the Kalman filter, in the state-space form R's
// arima() uses (makeARIMA: Harvey's form for the ARMA part, the differencing polynomial carried in
// the state, the ARMA part started at its stationary covariance and the differenced states diffuse
// with κ = 1e6). With the same coefficients the forecasts equal R's Arima(..., fixed=)/predict.
// Unlike a conditional recursion (pre-sample innovations set to 0) nothing is lost at the start, which
// matters for strong seasonal MA terms.
import {
  differencingWeights,
  expandPolynomials,
  type SarimaCoefficients,
  type SarimaOrder,
} from './arimaFilter';
import { armaStateCovariance } from './armaCovariance';

const KAPPA = 1e6;

export interface SarimaStateSpace {
  /** State dimension: r (ARMA) + d (differencing). */
  size: number;
  r: number;
  /** Row-major size×size transition. */
  T: Float64Array;
  Z: Float64Array;
  /** R·R' (innovation variance 1). */
  V: Float64Array;
  /** Covariance of the first state before any observation. */
  P0: Float64Array;
}

export function sarimaStateSpace(order: SarimaOrder, c: SarimaCoefficients): SarimaStateSpace {
  const { ar, ma } = expandPolynomials(order, c);
  const phi = ar.subarray(1);
  const theta = ma.subarray(1);
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const delta = differencingWeights(order.d, order.D, order.s).subarray(1);
  const d = delta.length;
  const size = r + d;
  const T = new Float64Array(size * size);
  for (let i = 0; i < p; i++) T[i * size] = phi[i] as number;
  for (let i = 0; i < r - 1; i++) T[i * size + i + 1] = 1;
  if (d > 0) {
    T[r * size] = 1;
    for (let j = 0; j < d; j++) T[r * size + r + j] = delta[j] as number;
    for (let j = 1; j < d; j++) T[(r + j) * size + r + j - 1] = 1;
  }
  const Z = new Float64Array(size);
  Z[0] = 1;
  for (let j = 0; j < d; j++) Z[r + j] = delta[j] as number;
  const R = new Float64Array(size);
  R[0] = 1;
  for (let i = 1; i < r; i++) R[i] = i - 1 < q ? (theta[i - 1] as number) : 0;
  const V = new Float64Array(size * size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) V[i * size + j] = (R[i] as number) * (R[j] as number);
  const P0 = new Float64Array(size * size);
  // The ARMA block: its stationary covariance (armaCovariance.ts, also the likelihood's).
  const Q0 = armaStateCovariance(phi, theta);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < r; j++) P0[i * size + j] = Q0[i * r + j] as number;
  for (let j = 0; j < d; j++) P0[(r + j) * size + r + j] = KAPPA;
  return { size, r, T, Z, V, P0 };
}

export interface KalmanResult {
  /** One-step forecasts of every observation from the ones before it (original units). */
  oneStep: Float64Array;
  /** Their variances in units of σ² (Z P_{t|t−1} Z'). */
  gains: Float64Array;
  /** Filtered state and covariance after the last observation. */
  state: Float64Array;
  cov: Float64Array;
  /** State and covariance after observation `snapshotAt − 1`, when asked for. */
  snapshot: { state: Float64Array; cov: Float64Array } | null;
}

function regression(order: SarimaOrder, c: SarimaCoefficients): (t: number) => number {
  const useMean = order.d === 0 && order.D === 0;
  return (t) => (useMean ? c.mean : 0) + c.drift * (t + 1);
}

/** The transition's non-zero entries by row (it is a companion-like, sparse matrix). */
interface SparseRows {
  start: Int32Array;
  col: Int32Array;
  val: Float64Array;
}
function sparseRows(T: Float64Array, k: number): SparseRows {
  const start = new Int32Array(k + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < k; i++) {
    start[i] = cols.length;
    for (let j = 0; j < k; j++) {
      const v = T[i * k + j] as number;
      if (v !== 0) {
        cols.push(j);
        vals.push(v);
      }
    }
  }
  start[k] = cols.length;
  return { start, col: Int32Array.from(cols), val: Float64Array.from(vals) };
}

/** out = T·a */
function predictState(t: SparseRows, a: Float64Array, out: Float64Array): void {
  const k = a.length;
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let e = t.start[i] as number; e < (t.start[i + 1] as number); e++)
      s += (t.val[e] as number) * (a[t.col[e] as number] as number);
    out[i] = s;
  }
}

/** out = T·P·T' + V, with `tp` as workspace. */
function predictCovariance(
  t: SparseRows,
  P: Float64Array,
  V: Float64Array,
  tp: Float64Array,
  out: Float64Array,
): void {
  const k = Math.round(Math.sqrt(P.length));
  // tp = T·P (row i of T times P)
  for (let i = 0; i < k; i++) {
    const row = i * k;
    for (let j = 0; j < k; j++) tp[row + j] = 0;
    for (let e = t.start[i] as number; e < (t.start[i + 1] as number); e++) {
      const v = t.val[e] as number;
      const src = (t.col[e] as number) * k;
      for (let j = 0; j < k; j++)
        tp[row + j] = (tp[row + j] as number) + v * (P[src + j] as number);
    }
  }
  // out = tp·T' + V: out[i][j] = Σ_l tp[i][l]·T[j][l]
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) {
      let s = V[i * k + j] as number;
      for (let e = t.start[j] as number; e < (t.start[j + 1] as number); e++)
        s += (tp[i * k + (t.col[e] as number)] as number) * (t.val[e] as number);
      out[i * k + j] = s;
    }
  }
}

/** Filters the whole series; NaN observations are skipped (the prediction carries on). */
export function kalmanFilter(
  series: ArrayLike<number>,
  order: SarimaOrder,
  c: SarimaCoefficients,
  snapshotAt = -1,
): KalmanResult {
  const ss = sarimaStateSpace(order, c);
  const { size: k, Z, V } = ss;
  const T = sparseRows(ss.T, k);
  const reg = regression(order, c);
  const n = series.length;
  let a = new Float64Array(k);
  let anew = new Float64Array(k);
  let P = new Float64Array(k * k);
  let Pnew = Float64Array.from(ss.P0);
  const TP = new Float64Array(k * k);
  const M = new Float64Array(k);
  const oneStep = new Float64Array(n);
  const gains = new Float64Array(n);
  let snapshot: KalmanResult['snapshot'] = null;
  if (snapshotAt === 0) snapshot = { state: new Float64Array(k), cov: new Float64Array(k * k) };
  for (let t = 0; t < n; t++) {
    predictState(T, a, anew);
    if (t > 0) predictCovariance(T, P, V, TP, Pnew);
    let fc = 0;
    for (let i = 0; i < k; i++) fc += (Z[i] as number) * (anew[i] as number);
    let gain = 0;
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += (Pnew[i * k + j] as number) * (Z[j] as number);
      M[i] = s;
      gain += (Z[i] as number) * s;
    }
    oneStep[t] = fc + reg(t);
    gains[t] = gain;
    const y = series[t] as number;
    if (Number.isNaN(y)) {
      [a, anew] = [anew, a];
      [P, Pnew] = [Pnew, P];
    } else {
      const resid = y - reg(t) - fc;
      for (let i = 0; i < k; i++) a[i] = (anew[i] as number) + ((M[i] as number) * resid) / gain;
      for (let i = 0; i < k; i++) {
        const mi = (M[i] as number) / gain;
        for (let j = 0; j < k; j++)
          P[i * k + j] = (Pnew[i * k + j] as number) - mi * (M[j] as number);
      }
    }
    if (t + 1 === snapshotAt) snapshot = { state: Float64Array.from(a), cov: Float64Array.from(P) };
  }
  return { oneStep, gains, state: a, cov: P, snapshot };
}

/**
 * h-step forecasts and their variances (units of σ²) from a filtered state after `n` observations
 * (KalmanForecast).
 */
export function kalmanForecastFrom(
  order: SarimaOrder,
  c: SarimaCoefficients,
  state: Float64Array,
  cov: Float64Array,
  n: number,
  h: number,
): { mean: Float64Array; variance: Float64Array } {
  const ss = sarimaStateSpace(order, c);
  const { size: k, Z, V } = ss;
  const T = sparseRows(ss.T, k);
  const reg = regression(order, c);
  let a = Float64Array.from(state);
  let anew = new Float64Array(k);
  let P = Float64Array.from(cov);
  let Pn = new Float64Array(k * k);
  const TP = new Float64Array(k * k);
  const mean = new Float64Array(h);
  const variance = new Float64Array(h);
  for (let l = 0; l < h; l++) {
    predictState(T, a, anew);
    [a, anew] = [anew, a];
    predictCovariance(T, P, V, TP, Pn);
    [P, Pn] = [Pn, P];
    let fc = 0;
    let v = 0;
    for (let i = 0; i < k; i++) {
      fc += (Z[i] as number) * (a[i] as number);
      for (let j = 0; j < k; j++)
        v += (Z[i] as number) * (Z[j] as number) * (P[i * k + j] as number);
    }
    mean[l] = fc + reg(n + l);
    variance[l] = v;
  }
  return { mean, variance };
}

/** h-step forecasts from the end of `series` and their variances in units of σ². */
export function kalmanForecast(
  series: ArrayLike<number>,
  order: SarimaOrder,
  c: SarimaCoefficients,
  h: number,
): { mean: Float64Array; variance: Float64Array } {
  const f = kalmanFilter(series, order, c);
  return kalmanForecastFrom(order, c, f.state, f.cov, series.length, h);
}

/** One-step forecasts of series[from..] from all values before each (exact filter). */
export function exactOneStepForecasts(
  series: Float64Array,
  order: SarimaOrder,
  c: SarimaCoefficients,
  from: number,
): Float64Array {
  return kalmanFilter(series, order, c).oneStep.slice(from);
}
