// Exponential smoothing state-space models (ETS) with automatic selection, as R's forecast::ets
// (forecast 8.20) does it: the same initial states (decomposition heuristic), the same starting
// parameters, bounds ("both": usual and admissible), the same Nelder-Mead on the same objective
// (n·log SSE, plus 2·Σlog|ŷ| for multiplicative errors), and selection by AICc over
// error {A, M} × trend {N, A, Ad} × season {N, A, M} (multiplicative trend only on request, as R).
import { decompose, linearFit } from './decompose';
import { nelderMead } from './nelderMead';
import { normalQuantile } from '../stats/distributions';

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'M';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  damped: boolean;
}

export interface EtsParameters {
  alpha: number;
  /** 0 without a trend. */
  beta: number;
  /** 0 without a season. */
  gamma: number;
  /** 1 without damping. */
  phi: number;
}

export interface EtsFit {
  spec: EtsSpec;
  /** "ETS(M,Ad,M)" */
  label: string;
  /** Seasonal period the model uses (1 when non-seasonal). */
  m: number;
  par: EtsParameters;
  /** Initial state [l, b?, s_0 … s_{m−1}] (s_0 the most recent season, as R's states[1, ]). */
  initialState: Float64Array;
  /** State after the last observation. */
  finalState: Float64Array;
  fitted: Float64Array;
  residuals: Float64Array;
  /** −0.5 × R's "lik" (R's ets omits the constant of the Gaussian likelihood). */
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  sigma2: number;
  mse: number;
  /** Parameters counted in the information criteria (smoothing + initial states + σ). */
  npar: number;
}

export interface EtsBounds {
  lower: [number, number, number, number];
  upper: [number, number, number, number];
}
export const defaultEtsBounds: EtsBounds = {
  lower: [1e-4, 1e-4, 1e-4, 0.8],
  upper: [0.9999, 0.9999, 0.9999, 0.98],
};

const TOL = 1e-10;
const HUGEN = 1e10;

export function etsLabel(s: EtsSpec): string {
  return `ETS(${s.error},${s.trend}${s.damped ? 'd' : ''},${s.season})`;
}

/** Point forecasts 1..h from a state (R's etsforecast). */
export function etsStateForecast(
  state: ArrayLike<number>,
  m: number,
  trend: TrendType,
  season: SeasonType,
  phi: number,
  h: number,
): Float64Array {
  const f = new Float64Array(h);
  const l = state[0] as number;
  const b = trend !== 'N' ? (state[1] as number) : 0;
  const s0 = trend !== 'N' ? 2 : 1;
  let phistar = phi;
  for (let i = 0; i < h; i++) {
    let v: number;
    if (trend === 'N') v = l;
    else if (trend === 'A') v = l + phistar * b;
    else v = b < 0 ? Number.NaN : l * Math.pow(b, phistar);
    let j = m - 1 - i;
    while (j < 0) j += m;
    if (season === 'A') v += state[s0 + j] as number;
    else if (season === 'M') v *= state[s0 + j] as number;
    f[i] = v;
    if (i < h - 1) phistar += Math.abs(phi - 1) < TOL ? 1 : Math.pow(phi, i + 1);
  }
  return f;
}

interface CalcResult {
  lik: number;
  amse0: number;
  e: Float64Array;
  fitted: Float64Array;
  finalState: Float64Array;
}

/**
 * Runs the model through y from `init` (R's etscalc). NaN observations keep the state's
 * prediction. `lik` is n·log(Σe²) (+ 2Σlog|ŷ| for multiplicative errors), NaN when a forecast is.
 */
export function etsFilter(
  y: ArrayLike<number>,
  init: ArrayLike<number>,
  m: number,
  spec: EtsSpec,
  par: EtsParameters,
): CalcResult {
  const n = y.length;
  const { trend, season } = spec;
  const { alpha, beta, gamma, phi } = par;
  const hasTrend = trend !== 'N';
  const hasSeason = season !== 'N';
  const mm = hasSeason ? m : 1;
  let l = init[0] as number;
  let b = hasTrend ? (init[1] as number) : 0;
  const s0 = hasTrend ? 2 : 1;
  let s = new Float64Array(mm);
  let olds = new Float64Array(mm);
  if (hasSeason) for (let j = 0; j < mm; j++) s[j] = init[s0 + j] as number;
  const e = new Float64Array(n);
  const fitted = new Float64Array(n);
  let sse = 0;
  let logf = 0;
  let nobs = 0;
  let amse0 = 0;
  for (let i = 0; i < n; i++) {
    const oldl = l;
    const oldb = b;
    if (hasSeason) {
      const t = olds;
      olds = s;
      s = t;
    }
    // One-step forecast.
    let f: number;
    if (trend === 'N') f = oldl;
    else if (trend === 'A') f = oldl + phi * oldb;
    else f = oldb < 0 ? Number.NaN : oldl * Math.pow(oldb, phi);
    const sPrev = hasSeason ? (olds[mm - 1] as number) : 0;
    if (season === 'A') f += sPrev;
    else if (season === 'M') f *= sPrev;
    fitted[i] = f;
    if (Number.isNaN(f)) {
      return { lik: Number.NaN, amse0: Number.NaN, e, fitted, finalState: new Float64Array(0) };
    }
    const yi = y[i] as number;
    const missing = Number.isNaN(yi);
    e[i] = missing ? Number.NaN : spec.error === 'A' ? yi - f : (yi - f) / f;
    const d = missing ? 0 : yi - f;
    amse0 = (amse0 * i + d * d) / (i + 1);
    // Update the state.
    let q: number;
    let phib: number;
    if (trend === 'N') {
      q = oldl;
      phib = 0;
    } else if (trend === 'A') {
      phib = phi * oldb;
      q = oldl + phib;
    } else {
      phib = Math.abs(phi - 1) < TOL ? oldb : Math.pow(oldb, phi);
      q = oldl * phib;
    }
    let p: number;
    if (missing) p = q;
    else if (season === 'N') p = yi;
    else if (season === 'A') p = yi - sPrev;
    else p = Math.abs(sPrev) < TOL ? HUGEN : yi / sPrev;
    l = q + alpha * (p - q);
    if (hasTrend) {
      let r: number;
      if (trend === 'A') r = l - oldl;
      else r = Math.abs(oldl) < TOL ? HUGEN : l / oldl;
      b = phib + (beta / alpha) * (r - phib);
    }
    if (hasSeason) {
      let t: number;
      if (missing) t = sPrev;
      else if (season === 'A') t = yi - q;
      else t = Math.abs(q) < TOL ? HUGEN : yi / q;
      s[0] = sPrev + gamma * (t - sPrev);
      for (let j = 1; j < mm; j++) s[j] = olds[j - 1] as number;
    }
    if (!missing) {
      sse += (e[i] as number) * (e[i] as number);
      logf += Math.log(Math.abs(f));
      nobs++;
    }
  }
  let lik = nobs * Math.log(sse);
  if (spec.error === 'M') lik += 2 * logf;
  const finalState = new Float64Array(s0 + (hasSeason ? mm : 0));
  finalState[0] = l;
  if (hasTrend) finalState[1] = b;
  if (hasSeason) finalState.set(s, s0);
  return { lik, amse0, e, fitted, finalState };
}

/**
 * The optimiser's objective: etsFilter's `lik` (or the one-step MSE) with no arrays allocated; the
 * seasons live in a ring buffer. The arithmetic is etsFilter's, in the same order.
 */
function etsObjectiveValue(
  y: ArrayLike<number>,
  init: ArrayLike<number>,
  m: number,
  spec: EtsSpec,
  par: EtsParameters,
  ring: Float64Array,
  mse: boolean,
): number {
  const n = y.length;
  const trend = spec.trend === 'N' ? 0 : spec.trend === 'A' ? 1 : 2;
  const season = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
  const multiplicativeError = spec.error === 'M';
  const { alpha, beta, gamma, phi } = par;
  const mm = season > 0 ? m : 1;
  let l = init[0] as number;
  let b = trend > 0 ? (init[1] as number) : 0;
  const s0 = trend > 0 ? 2 : 1;
  // ring[(p + k) % mm] holds s_{mm−1−k}: ring[p] is the oldest season, the one this step uses.
  let p = 0;
  if (season > 0) for (let k = 0; k < mm; k++) ring[k] = init[s0 + mm - 1 - k] as number;
  const dampedOne = Math.abs(phi - 1) < TOL;
  let sse = 0;
  let logf = 0;
  let nobs = 0;
  let amse0 = 0;
  for (let i = 0; i < n; i++) {
    const oldl = l;
    const oldb = b;
    let f: number;
    if (trend === 0) f = oldl;
    else if (trend === 1) f = oldl + phi * oldb;
    else f = oldb < 0 ? Number.NaN : oldl * Math.pow(oldb, phi);
    const sPrev = season > 0 ? (ring[p] as number) : 0;
    if (season === 1) f += sPrev;
    else if (season === 2) f *= sPrev;
    if (Number.isNaN(f)) return Number.NaN;
    const yi = y[i] as number;
    const missing = Number.isNaN(yi);
    const d = missing ? 0 : yi - f;
    if (mse) amse0 = (amse0 * i + d * d) / (i + 1);
    let q: number;
    let phib: number;
    if (trend === 0) {
      q = oldl;
      phib = 0;
    } else if (trend === 1) {
      phib = phi * oldb;
      q = oldl + phib;
    } else {
      phib = dampedOne ? oldb : Math.pow(oldb, phi);
      q = oldl * phib;
    }
    let pv: number;
    if (missing) pv = q;
    else if (season === 0) pv = yi;
    else if (season === 1) pv = yi - sPrev;
    else pv = Math.abs(sPrev) < TOL ? HUGEN : yi / sPrev;
    l = q + alpha * (pv - q);
    if (trend > 0) {
      let r: number;
      if (trend === 1) r = l - oldl;
      else r = Math.abs(oldl) < TOL ? HUGEN : l / oldl;
      b = phib + (beta / alpha) * (r - phib);
    }
    if (season > 0) {
      let t: number;
      if (missing) t = sPrev;
      else if (season === 1) t = yi - q;
      else t = Math.abs(q) < TOL ? HUGEN : yi / q;
      ring[p] = sPrev + gamma * (t - sPrev);
      p = p + 1 === mm ? 0 : p + 1;
    }
    if (!missing) {
      const e = multiplicativeError ? (yi - f) / f : yi - f;
      sse += e * e;
      logf += Math.log(Math.abs(f));
      nobs++;
    }
  }
  if (mse) return amse0;
  let lik = nobs * Math.log(sse);
  if (multiplicativeError) lik += 2 * logf;
  return lik;
}

// ---------------------------------------------------------------------------------------------
// Admissibility (Hyndman et al. 2008, ch. 10), as forecast's C++ target function checks it.

let scratchA = new Float64Array(32);
let scratchB = new Float64Array(32);

/** True when every root of Σ c_k z^k (c ascending, leading coefficient last) has |z| ≤ radius. */
export function rootsWithin(ascending: ArrayLike<number>, radius: number): boolean {
  // Scale z = radius·w, then the Schur–Cohn reduction: all roots strictly inside the unit disk iff
  // |a_0| < |a_N| and the reduced polynomial (a_N·a_{j+1} − a_0·a_{N−1−j}) has the same property.
  const len = ascending.length;
  if (scratchA.length < len) {
    scratchA = new Float64Array(len);
    scratchB = new Float64Array(len);
  }
  let a = scratchA;
  let next = scratchB;
  let power = 1;
  for (let k = 0; k < len; k++) {
    a[k] = (ascending[k] as number) * power;
    power *= radius;
  }
  for (let N = len - 1; N > 0; N--) {
    const a0 = a[0] as number;
    const aN = a[N] as number;
    if (!(Math.abs(a0) < Math.abs(aN))) return false;
    let scale = 0;
    for (let j = 0; j < N; j++) {
      const v = aN * (a[j + 1] as number) - a0 * (a[N - j - 1] as number);
      next[j] = v;
      const abs = v < 0 ? -v : v;
      if (abs > scale) scale = abs;
    }
    if (scale > 0) for (let j = 0; j < N; j++) next[j] = (next[j] as number) / scale;
    const t = a;
    a = next;
    next = t;
  }
  return true;
}

let scratchPoly = new Float64Array(32);

function admissible(par: EtsParameters, hasTrend: boolean, hasSeason: boolean, m: number): boolean {
  const { alpha, gamma, phi } = par;
  let beta = par.beta;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (!hasSeason) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (hasTrend && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
  } else if (m > 1) {
    if (!hasTrend) beta = 0;
    const d = 1 - 1 / phi - alpha;
    if (gamma < Math.max(d, 0) || gamma > 1 + 1 / phi - alpha) return false;
    if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
    if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
    // Characteristic polynomial, ascending powers.
    if (scratchPoly.length !== m + 2) scratchPoly = new Float64Array(m + 2);
    const asc = scratchPoly.fill(alpha + beta - alpha * phi);
    asc[0] = phi * (1 - alpha - gamma);
    asc[1] = alpha + beta - alpha * phi + gamma - 1;
    asc[m] = alpha + beta - phi;
    asc[m + 1] = 1;
    if (!rootsWithin(asc, 1 + 1e-10)) return false;
  }
  return true;
}

function withinUsualBounds(
  par: EtsParameters,
  spec: EtsSpec,
  bounds: EtsBounds,
  fixed: Partial<EtsParameters>,
): boolean {
  const { lower, upper } = bounds;
  const { alpha, beta, gamma, phi } = par;
  if (fixed.alpha === undefined && (alpha < lower[0] || alpha > upper[0])) return false;
  if (
    spec.trend !== 'N' &&
    fixed.beta === undefined &&
    (beta < lower[1] || beta > alpha || beta > upper[1])
  )
    return false;
  if (spec.damped && fixed.phi === undefined && (phi < lower[3] || phi > upper[3])) return false;
  if (
    spec.season !== 'N' &&
    fixed.gamma === undefined &&
    (gamma < lower[2] || gamma > 1 - alpha || gamma > upper[2])
  )
    return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Initial values.

/** Least squares of y on the given columns (plus nothing else); returns the coefficients. */
function leastSquares(columns: Float64Array[], y: ArrayLike<number>): number[] {
  const k = columns.length;
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  for (let t = 0; t < y.length; t++) {
    for (let i = 0; i < k; i++) {
      const xi = (columns[i] as Float64Array)[t] as number;
      xty[i] = (xty[i] as number) + xi * (y[t] as number);
      const row = xtx[i] as number[];
      for (let j = 0; j < k; j++)
        row[j] = (row[j] as number) + xi * ((columns[j] as Float64Array)[t] as number);
    }
  }
  // Gaussian elimination with partial pivoting.
  const a = xtx.map((row, i) => [...row, xty[i] as number]);
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++)
      if (Math.abs((a[r] as number[])[c] as number) > Math.abs((a[piv] as number[])[c] as number))
        piv = r;
    [a[c], a[piv]] = [a[piv] as number[], a[c] as number[]];
    const pr = a[c] as number[];
    for (let r = c + 1; r < k; r++) {
      const row = a[r] as number[];
      const f = (row[c] as number) / (pr[c] as number);
      for (let j = c; j <= k; j++) row[j] = (row[j] as number) - f * (pr[j] as number);
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    const row = a[r] as number[];
    let s = row[k] as number;
    for (let j = r + 1; j < k; j++) s -= (row[j] as number) * (x[j] as number);
    x[r] = s / (row[r] as number);
  }
  return x;
}

/** R's initstate: [l0, b0?, s_0 … s_{m−2}] (the last season follows from the normalisation). */
export function etsInitialState(
  y: ArrayLike<number>,
  m: number,
  trend: TrendType,
  season: SeasonType,
): number[] {
  const n = y.length;
  let ysa: Float64Array;
  let initSeas: number[] = [];
  let mm = 1;
  if (season !== 'N') {
    mm = m;
    if (n < 4) throw new Error('not enough data');
    let seasonal: Float64Array;
    if (n < 3 * m) {
      // Trend plus one Fourier pair, as tslm(y ~ trend + fourier(y, 1)).
      const ones = new Float64Array(n).fill(1);
      const t = Float64Array.from({ length: n }, (_, i) => i + 1);
      const cols = [ones, t];
      if (m !== 2)
        cols.push(
          Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * (i + 1)) / m)),
        );
      cols.push(Float64Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * (i + 1)) / m)));
      const [a0 = 0, a1 = 0] = leastSquares(cols, y);
      seasonal = Float64Array.from({ length: n }, (_, i) =>
        season === 'A'
          ? (y[i] as number) - a0 - a1 * (i + 1)
          : (y[i] as number) / (a0 + a1 * (i + 1)),
      );
    } else {
      seasonal = decompose(y, m, season === 'A' ? 'additive' : 'multiplicative').seasonal;
    }
    for (let k = m - 1; k >= 1; k--) initSeas.push(seasonal[k] as number);
    if (season === 'A') {
      ysa = Float64Array.from({ length: n }, (_, i) => (y[i] as number) - (seasonal[i] as number));
    } else {
      initSeas = initSeas.map((v) => Math.max(v, 0.01));
      const sum = initSeas.reduce((a, v) => a + v, 0);
      if (sum > m) {
        const denom = initSeas.reduce((a, v) => a + v + 0.01, 0);
        initSeas = initSeas.map((v) => v / denom);
      }
      ysa = Float64Array.from(
        { length: n },
        (_, i) => (y[i] as number) / Math.max(seasonal[i] as number, 0.01),
      );
    }
  } else {
    ysa = Float64Array.from(y);
  }
  const maxn = Math.min(Math.max(10, 2 * mm), n);
  const head = ysa.subarray(0, maxn);
  if (trend === 'N') {
    let s = 0;
    for (const v of head) s += v;
    return [s / maxn, ...initSeas];
  }
  const { intercept, slope } = linearFit(head, 1);
  if (trend === 'A') {
    let l0 = intercept;
    let b0 = slope;
    if (Math.abs(l0 + b0) < 1e-8) {
      l0 *= 1 + 1e-3;
      b0 *= 1 - 1e-3;
    }
    return [l0, b0, ...initSeas];
  }
  let l0 = intercept + slope;
  if (Math.abs(l0) < 1e-8) l0 = 1e-7;
  let b0 = (intercept + 2 * slope) / l0;
  l0 = l0 / b0;
  if (Math.abs(b0) > 1e10) b0 = Math.sign(b0) * 1e10;
  if (l0 < 1e-8 || b0 < 1e-8) {
    l0 = Math.max(head[0] as number, 1e-3);
    b0 = Math.max((head[1] as number) / (head[0] as number), 1e-3);
  }
  return [l0, b0, ...initSeas];
}

// ---------------------------------------------------------------------------------------------
// Fitting one model.

export interface EtsModelOptions {
  bounds?: EtsBounds;
  /** "lik" (default, as ets) or "mse" (as ses/thetaf use it). */
  criterion?: 'lik' | 'mse';
  /** Fixed smoothing parameters, as ets(alpha=, beta=, …). */
  fixed?: Partial<EtsParameters>;
  maxit?: number;
}

function fullState(stateTail: ArrayLike<number>, spec: EtsSpec, m: number): Float64Array {
  const hasTrend = spec.trend !== 'N';
  const nstate = stateTail.length;
  const out = new Float64Array(nstate + (spec.season !== 'N' ? 1 : 0));
  for (let i = 0; i < nstate; i++) out[i] = stateTail[i] as number;
  if (spec.season !== 'N') {
    let sum = 0;
    for (let i = hasTrend ? 2 : 1; i < nstate; i++) sum += stateTail[i] as number;
    out[nstate] = (spec.season === 'M' ? m : 0) - sum;
  }
  return out;
}

/** Fits one ETS model (R's etsmodel). Throws when it cannot be fitted (R's try-error). */
export function fitEtsModel(
  y: ArrayLike<number>,
  m: number,
  spec: EtsSpec,
  options: EtsModelOptions = {},
): EtsFit {
  const bounds = options.bounds ?? defaultEtsBounds;
  const fixed = options.fixed ?? {};
  const criterion = options.criterion ?? 'lik';
  const hasTrend = spec.trend !== 'N';
  const hasSeason = spec.season !== 'N';
  const mm = hasSeason ? m : 1;
  const lower = [...bounds.lower];
  const upper = [...bounds.upper];
  if (fixed.alpha !== undefined) {
    upper[1] = Math.min(fixed.alpha, upper[1] as number);
    upper[2] = Math.min(1 - fixed.alpha, upper[2] as number);
  }
  if (fixed.beta !== undefined) lower[0] = Math.max(fixed.beta, lower[0] as number);
  if (fixed.gamma !== undefined) upper[0] = Math.min(1 - fixed.gamma, upper[0] as number);
  // Starting values (R's initparam with the usual bounds).
  const start: number[] = [];
  const names: (keyof EtsParameters)[] = [];
  let alpha = fixed.alpha;
  if (alpha === undefined) {
    alpha = (lower[0] as number) + (0.2 * ((upper[0] as number) - (lower[0] as number))) / mm;
    if (alpha > 1 || alpha < 0) alpha = (lower[0] as number) + 2e-3;
    start.push(alpha);
    names.push('alpha');
  }
  if (hasTrend && fixed.beta === undefined) {
    const up = Math.min(upper[1] as number, alpha);
    let beta = (lower[1] as number) + 0.1 * (up - (lower[1] as number));
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
    start.push(beta);
    names.push('beta');
  }
  if (hasSeason && fixed.gamma === undefined) {
    const up = Math.min(upper[2] as number, 1 - alpha);
    let gamma = (lower[2] as number) + 0.05 * (up - (lower[2] as number));
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
    start.push(gamma);
    names.push('gamma');
  }
  if (spec.damped && fixed.phi === undefined) {
    let phi = (lower[3] as number) + 0.99 * ((upper[3] as number) - (lower[3] as number));
    if (phi < 0 || phi > 1) phi = (upper[3] as number) - 1e-3;
    start.push(phi);
    names.push('phi');
  }
  const used: EtsBounds = {
    lower: lower as EtsBounds['lower'],
    upper: upper as EtsBounds['upper'],
  };
  const base: EtsParameters = {
    alpha: fixed.alpha ?? 0,
    beta: hasTrend ? (fixed.beta ?? 0) : 0,
    gamma: hasSeason ? (fixed.gamma ?? 0) : 0,
    phi: spec.damped ? (fixed.phi ?? 1) : 1,
  };
  const params = (x: ArrayLike<number>): EtsParameters => {
    const p = { ...base };
    names.forEach((name, i) => (p[name] = x[i] as number));
    return p;
  };
  const initial = etsInitialState(y, m, spec.trend, spec.season);
  const x0 = [...start, ...initial];
  const np = x0.length;
  if (np >= y.length - 1) throw new Error('not enough data for this model');
  const npar = names.length;
  const ring = new Float64Array(mm);
  const objective = (x: Float64Array): number => {
    const p = params(x);
    if (!withinUsualBounds(p, spec, used, fixed)) return Number.POSITIVE_INFINITY;
    if (
      !admissible(
        p,
        hasTrend,
        hasSeason && (names.includes('gamma') || fixed.gamma !== undefined),
        mm,
      )
    )
      return Number.POSITIVE_INFINITY;
    const state = fullState(x.subarray(npar), spec, mm);
    if (spec.season === 'M') {
      for (let i = hasTrend ? 2 : 1; i < state.length; i++)
        if ((state[i] as number) < 0) return Number.POSITIVE_INFINITY;
    }
    const value = etsObjectiveValue(y, state, mm, spec, p, ring, criterion === 'mse');
    if (criterion === 'mse') return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
    let lik = value;
    if (lik < -1e10) lik = -1e10;
    if (Number.isNaN(lik)) lik = Number.POSITIVE_INFINITY;
    return lik;
  };
  const opt = nelderMead(objective, x0, {
    abstol: Number.NEGATIVE_INFINITY,
    reltol: Math.sqrt(Number.EPSILON),
    maxit: options.maxit ?? 2000,
  });
  const par = params(opt.par);
  const initialState = fullState(opt.par.subarray(npar), spec, mm);
  const r = etsFilter(y, initialState, mm, spec, par);
  const n = y.length;
  const k = np + 1;
  const aic = r.lik + 2 * k;
  let sse = 0;
  for (const v of r.e) if (!Number.isNaN(v)) sse += v * v;
  return {
    spec,
    label: etsLabel(spec),
    m: mm,
    par,
    initialState,
    finalState: r.finalState,
    fitted: r.fitted,
    residuals: r.e,
    loglik: -0.5 * r.lik,
    aic,
    aicc: aic + (2 * k * (k + 1)) / (n - k - 1),
    bic: r.lik + Math.log(n) * k,
    sigma2: sse / (n - np),
    mse: r.amse0,
    npar: k,
  };
}

/**
 * A model with given smoothing parameters and full initial state (R's
 * ets(y, model = fit, use.initial.values = TRUE)). `sigma2` defaults to R's value for that call:
 * SSE / (n − (parameters + states + 1)).
 */
export function etsWithState(
  y: ArrayLike<number>,
  m: number,
  spec: EtsSpec,
  par: EtsParameters,
  initialState: ArrayLike<number>,
  sigma2?: number,
): EtsFit {
  const hasSeason = spec.season !== 'N';
  const mm = hasSeason ? m : 1;
  const p: EtsParameters = {
    alpha: par.alpha,
    beta: spec.trend !== 'N' ? par.beta : 0,
    gamma: hasSeason ? par.gamma : 0,
    phi: spec.damped ? par.phi : 1,
  };
  const init = Float64Array.from(initialState);
  const r = etsFilter(y, init, mm, spec, p);
  const n = y.length;
  const npar = 1 + (spec.trend !== 'N' ? 1 : 0) + (hasSeason ? 1 : 0) + (spec.damped ? 1 : 0);
  const k = npar + init.length - (hasSeason ? 1 : 0) + 1;
  const aic = r.lik + 2 * k;
  let sse = 0;
  for (const v of r.e) if (!Number.isNaN(v)) sse += v * v;
  return {
    spec,
    label: etsLabel(spec),
    m: mm,
    par: p,
    initialState: init,
    finalState: r.finalState,
    fitted: r.fitted,
    residuals: r.e,
    loglik: -0.5 * r.lik,
    aic,
    aicc: aic + (2 * k * (k + 1)) / (n - k - 1),
    bic: r.lik + Math.log(n) * k,
    sigma2: sigma2 ?? sse / (n - k),
    mse: r.amse0,
    npar: k,
  };
}

// ---------------------------------------------------------------------------------------------
// Automatic selection.

export interface AutoEtsOptions {
  allowMultiplicativeTrend?: boolean;
  ic?: 'aicc' | 'aic' | 'bic';
  /** Restrict to one error/trend/season/damped (undefined = search, as "Z"). */
  error?: ErrorType;
  trend?: TrendType;
  season?: SeasonType;
  damped?: boolean;
}

export interface AutoEtsResult {
  best: EtsFit;
  /** Every candidate tried, with its criterion (Infinity when it could not be fitted). */
  candidates: { label: string; ic: number }[];
}

/** R's ets(y, model = "ZZZ"): every allowed model fitted, the one with the smallest AICc kept. */
export function autoEts(
  y: ArrayLike<number>,
  m: number,
  options: AutoEtsOptions = {},
): AutoEtsResult {
  const n = y.length;
  if (n <= 6) throw new Error(`too few observations for ETS (${n}; needs at least 7)`);
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(y[i] as number)) throw new Error('ETS needs finite values');
  let seasons: SeasonType[] = options.season ? [options.season] : ['N', 'A', 'M'];
  if (m <= 1 || n <= m || m > 24) seasons = ['N'];
  const errors: ErrorType[] = options.error ? [options.error] : ['A', 'M'];
  const trends: TrendType[] = options.trend
    ? [options.trend]
    : options.allowMultiplicativeTrend
      ? ['N', 'A', 'M']
      : ['N', 'A'];
  const dampings = options.damped === undefined ? [true, false] : [options.damped];
  let positive = true;
  for (let i = 0; i < n; i++) if (!((y[i] as number) > 0)) positive = false;
  const ic = options.ic ?? 'aicc';
  let best: EtsFit | null = null;
  let bestIc = Number.POSITIVE_INFINITY;
  const candidates: { label: string; ic: number }[] = [];
  for (const error of errors)
    for (const trend of trends)
      for (const season of seasons)
        for (const damped of dampings) {
          if (trend === 'N' && damped) continue;
          if (error === 'A' && (trend === 'M' || season === 'M')) continue;
          if (error === 'M' && trend === 'M' && season === 'A') continue;
          if (!positive && error === 'M') continue;
          const spec: EtsSpec = { error, trend, season, damped };
          let value = Number.POSITIVE_INFINITY;
          let fit: EtsFit | null = null;
          try {
            fit = fitEtsModel(y, m, spec);
            value = fit[ic];
          } catch {
            value = Number.POSITIVE_INFINITY;
          }
          candidates.push({ label: etsLabel(spec), ic: value });
          if (fit && !Number.isNaN(value) && value < bestIc) {
            best = fit;
            bestIc = value;
          }
        }
  if (!best) throw new Error('no ETS model could be fitted');
  return { best, candidates };
}

// ---------------------------------------------------------------------------------------------
// Forecasts and intervals (R's forecast.ets: class 1, 2 and 3 analytical formulas).

export interface EtsForecast {
  mean: Float64Array;
  /** Forecast variance per step; null where R would simulate (multiplicative trend). */
  variance: Float64Array | null;
}

type Mat = { r: number; c: number; v: Float64Array };
const mat = (r: number, c: number): Mat => ({ r, c, v: new Float64Array(r * c) });
const at = (a: Mat, i: number, j: number): number => a.v[i * a.c + j] as number;
const set = (a: Mat, i: number, j: number, x: number): void => {
  a.v[i * a.c + j] = x;
};
function mul(a: Mat, b: Mat): Mat {
  const out = mat(a.r, b.c);
  for (let i = 0; i < a.r; i++)
    for (let k = 0; k < a.c; k++) {
      const x = at(a, i, k);
      if (x === 0) continue;
      for (let j = 0; j < b.c; j++)
        out.v[i * b.c + j] = (out.v[i * b.c + j] as number) + x * at(b, k, j);
    }
  return out;
}
function tr(a: Mat): Mat {
  const out = mat(a.c, a.r);
  for (let i = 0; i < a.r; i++) for (let j = 0; j < a.c; j++) set(out, j, i, at(a, i, j));
  return out;
}
function add(...ms: Mat[]): Mat {
  const first = ms[0] as Mat;
  const out = mat(first.r, first.c);
  for (const m of ms)
    for (let i = 0; i < out.v.length; i++) out.v[i] = (out.v[i] as number) + (m.v[i] as number);
  return out;
}
function scale(a: Mat, s: number): Mat {
  return { r: a.r, c: a.c, v: a.v.map((x) => x * s) };
}
function kron(a: Mat, b: Mat): Mat {
  const out = mat(a.r * b.r, a.c * b.c);
  for (let i = 0; i < a.r; i++)
    for (let j = 0; j < a.c; j++) {
      const x = at(a, i, j);
      if (x === 0) continue;
      for (let k = 0; k < b.r; k++)
        for (let l = 0; l < b.c; l++) set(out, i * b.r + k, j * b.c + l, x * at(b, k, l));
    }
  return out;
}

function class1(
  fit: EtsFit,
  h: number,
): { mu: Float64Array; variance: Float64Array; cj: Float64Array } {
  const { spec, par, m } = fit;
  const x = fit.finalState;
  const p = x.length;
  const H = new Float64Array(p);
  H[0] = 1;
  if (spec.season === 'A') H[p - 1] = 1;
  if (spec.trend === 'A') H[1] = spec.damped ? par.phi : 1;
  const F = mat(p, p);
  set(F, 0, 0, 1);
  if (spec.trend === 'A') {
    const v = spec.damped ? par.phi : 1;
    set(F, 0, 1, v);
    set(F, 1, 1, v);
  }
  if (spec.season === 'A') {
    set(F, p - m, p - 1, 1);
    for (let i = 0; i < m - 1; i++) set(F, p - m + 1 + i, p - m + i, 1);
  }
  const G = new Float64Array(p);
  G[0] = par.alpha;
  if (spec.trend === 'A') G[1] = par.beta;
  // R's class1 puts gamma in row 3 whatever the trend (for ETS(A,N,A) that is the second seasonal
  // state, not the first); kept as R has it so the intervals match forecast.ets.
  if (spec.season === 'A') G[2] = par.gamma;
  // Walk H·F^j forward.
  let row = Float64Array.from(H);
  const mu = new Float64Array(h);
  const cj = new Float64Array(Math.max(0, h - 1));
  for (let i = 0; i < h; i++) {
    let dotx = 0;
    let dotg = 0;
    for (let k = 0; k < p; k++) {
      dotx += (row[k] as number) * (x[k] as number);
      dotg += (row[k] as number) * (G[k] as number);
    }
    mu[i] = dotx;
    if (i < h - 1) cj[i] = dotg;
    const next = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += (row[k] as number) * at(F, k, j);
      next[j] = s;
    }
    row = next;
  }
  const variance = new Float64Array(h);
  let cum = 0;
  for (let i = 0; i < h; i++) {
    variance[i] = fit.sigma2 * (1 + cum);
    if (i < h - 1) cum += (cj[i] as number) ** 2;
  }
  return { mu, variance, cj };
}

function class3(fit: EtsFit, h: number): { mu: Float64Array; variance: Float64Array } {
  const { spec, par, m, sigma2 } = fit;
  const x = fit.finalState;
  const p = x.length;
  const nl = p - m;
  const H1 = mat(1, nl).v.fill(1);
  const H1m: Mat = { r: 1, c: nl, v: H1 };
  const H2 = mat(1, m);
  set(H2, 0, m - 1, 1);
  let F1: Mat;
  let G1: Mat;
  if (spec.trend === 'N') {
    F1 = { r: 1, c: 1, v: Float64Array.of(1) };
    G1 = { r: 1, c: 1, v: Float64Array.of(par.alpha) };
  } else {
    F1 = { r: 2, c: 2, v: Float64Array.of(1, 1, 0, spec.damped ? par.phi : 1) };
    G1 = { r: 2, c: 2, v: Float64Array.of(par.alpha, par.alpha, par.beta, par.beta) };
  }
  const F2 = mat(m, m);
  set(F2, 0, m - 1, 1);
  for (let i = 1; i < m; i++) set(F2, i, i - 1, 1);
  const G2 = mat(m, m);
  set(G2, 0, m - 1, par.gamma);
  let Mh = mat(nl, m);
  for (let i = 0; i < nl; i++)
    for (let j = 0; j < m; j++) set(Mh, i, j, (x[i] as number) * (x[nl + j] as number));
  const len = nl * m;
  let Vh = mat(len, len);
  const H21 = kron(H2, H1m);
  const F21 = kron(F2, F1);
  const G21 = kron(G2, G1);
  const K = add(kron(G2, F1), kron(F2, G1));
  const F21t = tr(F21);
  const G21t = tr(G21);
  const Kt = tr(K);
  const H2t = tr(H2);
  const H21t = tr(H21);
  const F2t = tr(F2);
  const G2t = tr(G2);
  const mu = new Float64Array(h);
  const variance = new Float64Array(h);
  for (let i = 0; i < h; i++) {
    const mui = at(mul(mul(H1m, Mh), H2t), 0, 0);
    mu[i] = mui;
    variance[i] = (1 + sigma2) * at(mul(mul(H21, Vh), H21t), 0, 0) + sigma2 * mui * mui;
    // vec(Mh) column-major, as R's c(Mh).
    const vec = mat(len, 1);
    for (let j = 0; j < m; j++) for (let r = 0; r < nl; r++) vec.v[j * nl + r] = at(Mh, r, j);
    const vv = mul(vec, tr(vec));
    Vh = add(
      mul(mul(F21, Vh), F21t),
      scale(
        add(
          mul(mul(F21, Vh), G21t),
          mul(mul(G21, Vh), F21t),
          mul(mul(K, add(Vh, vv)), Kt),
          scale(mul(mul(G21, add(scale(Vh, 3), scale(vv, 2))), G21t), sigma2),
        ),
        sigma2,
      ),
    );
    Mh = add(mul(mul(F1, Mh), F2t), scale(mul(mul(G1, Mh), G2t), sigma2));
  }
  return { mu, variance };
}

export function etsForecast(fit: EtsFit, h: number): EtsForecast {
  const { spec } = fit;
  const additiveParts = spec.trend !== 'M' && spec.season !== 'M';
  if (spec.error === 'A' && additiveParts) {
    const c = class1(fit, h);
    return { mean: c.mu, variance: c.variance };
  }
  if (spec.error === 'M' && additiveParts) {
    const c = class1(fit, h);
    const theta = new Float64Array(h);
    theta[0] = (c.mu[0] as number) ** 2;
    for (let j = 1; j < h; j++) {
      let s = 0;
      for (let k = 0; k < j; k++) s += (c.cj[k] as number) ** 2 * (theta[j - 1 - k] as number);
      theta[j] = (c.mu[j] as number) ** 2 + fit.sigma2 * s;
    }
    const variance = theta.map((t, j) => (1 + fit.sigma2) * t - (c.mu[j] as number) ** 2);
    return { mean: c.mu, variance };
  }
  // Class 3 as forecast 8.20 computes it. Note that for a damped trend its mean weights the slope
  // by 1 at step 1 (H = (1, 1) with F = [1 1; 0 φ]) where the state recursion uses φ, so these point
  // forecasts are R's, not exactly l + φb times the season; kept for parity with forecast.ets.
  if (spec.error === 'M' && spec.season === 'M' && spec.trend !== 'M') {
    const c = class3(fit, h);
    return { mean: c.mu, variance: c.variance };
  }
  return {
    mean: etsStateForecast(fit.finalState, fit.m, spec.trend, spec.season, fit.par.phi, h),
    variance: null,
  };
}

/** Normal-theory bounds at each level (e.g. 0.8, 0.95) from a forecast variance. */
export function normalBands(
  mean: Float64Array,
  variance: Float64Array,
  levels: readonly number[],
): { level: number; lower: Float64Array; upper: Float64Array }[] {
  return levels.map((level) => {
    const z = Math.abs(normalQuantile((1 - level) / 2));
    return {
      level,
      lower: mean.map((v, i) => v - z * Math.sqrt(variance[i] as number)),
      upper: mean.map((v, i) => v + z * Math.sqrt(variance[i] as number)),
    };
  });
}

/**
 * One-step forecasts of `test` given the actuals before each value, continuing the fitted model's
 * state through the test part without refitting.
 */
export function etsOneStep(fit: EtsFit, test: ArrayLike<number>): Float64Array {
  return etsFilter(test, fit.finalState, fit.m, fit.spec, fit.par).fitted;
}
