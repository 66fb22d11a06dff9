// One SARIMA(p,d,q)(P,D,Q)[s] candidate fitted as forecast::auto.arima fits it (its `myarima`
// around stats::arima): conditional sum of squares (CSS) for the search on long series, or CSS
// start values then exact Gaussian maximum likelihood (CSS-ML), both minimised with R's BFGS
// (optimBfgs.ts) on R's parameterisation (AR and seasonal AR through the PACF transform during
// ML, the constant scaled by 10 standard errors), and R's rules for refusing a fit: a
// non-stationary AR part from CSS, roots within 1.01 of the unit circle, a singular or
// indefinite Hessian. The likelihood is that of the differenced series, which is what R's
// diffuse-prior filter computes in the limit of its κ.
import { rootsWithin } from './ets';
import { armaStateCovariance } from './armaCovariance';
import { OptimError, optimBfgs, optimHessian } from './optimBfgs';
import { mean, variance } from '../stats/descriptive';
import { invertSquare } from '../stats/linalg';
import { expandPolynomials, type SarimaCoefficients, type SarimaOrder } from './arimaFilter';

export type FitMethod = 'CSS' | 'CSS-ML';

/** An order to fit; `s` is the seasonal period (1 when non-seasonal), never 0 as in SarimaOrder. */
export interface SarimaCandidate extends SarimaOrder {
  /** A mean (d + D = 0) or a drift (d + D = 1). */
  constant: boolean;
}

export interface SarimaFit {
  candidate: SarimaCandidate;
  order: SarimaOrder;
  /** Box–Jenkins signs, as the Kalman filter and forecasts take them. */
  coefficients: SarimaCoefficients;
  /** R's coefficients (MA with + signs), in R's order: ar, ma, sar, sma, intercept or drift. */
  rCoefficients: number[];
  loglik: number;
  aic: number;
  aicc: number;
  /** R's σ² of the chosen model: residual sum of squares / (n − d − sD − npar + 1). */
  sigma2: number;
  /** The criterion the search compares: AICc, or +∞ for a fit R would refuse. */
  ic: number;
  method: FitMethod;
}

const XMAX = 1.7976931348623157e308;

/** (1 − B)^d (1 − B^s)^D x. */
export function differenced(x: ArrayLike<number>, d: number, D: number, s: number): Float64Array {
  let w = Float64Array.from(x);
  for (let i = 0; i < D; i++) w = w.subarray(s).map((v, t) => v - (w[t] as number));
  for (let i = 0; i < d; i++) w = w.subarray(1).map((v, t) => v - (w[t] as number));
  return w;
}

/** R's partrans: unconstrained values → PACF (tanh) → AR coefficients (Durbin–Levinson). */
export function partrans(raw: ArrayLike<number>): Float64Array {
  const p = raw.length;
  const next = Float64Array.from(raw, Math.tanh);
  const work = Float64Array.from(next);
  for (let j = 1; j < p; j++) {
    const a = next[j] as number;
    for (let k = 0; k < j; k++) work[k] = (work[k] as number) - a * (next[j - k - 1] as number);
    for (let k = 0; k < j; k++) next[k] = work[k] as number;
  }
  return next;
}

/** R's invpartrans: AR coefficients → unconstrained values. */
export function invpartrans(phi: ArrayLike<number>): Float64Array {
  const p = phi.length;
  const next = Float64Array.from(phi);
  const work = Float64Array.from(phi);
  for (let j = p - 1; j > 0; j--) {
    const a = next[j] as number;
    for (let k = 0; k < j; k++)
      work[k] = ((next[k] as number) + a * (next[j - k - 1] as number)) / (1 - a * a);
    for (let k = 0; k < j; k++) next[k] = work[k] as number;
  }
  return next.map(Math.atanh);
}

/** Roots of Σ c_i z^i (ascending, c_last ≠ 0) by Durand–Kerner iteration. */
function polyroots(c: readonly number[]): { re: number; im: number }[] {
  const n = c.length - 1;
  const lead = c[n] as number;
  const a = c.map((v) => v / lead);
  const roots = Array.from({ length: n }, (_, k) => {
    const angle = (2 * Math.PI * k) / n + 0.4;
    return { re: 0.9 * Math.cos(angle), im: 0.9 * Math.sin(angle) };
  });
  for (let iter = 0; iter < 500; iter++) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      const z = roots[i] as { re: number; im: number };
      // p(z) by Horner
      let pr = 1;
      let pi = 0;
      for (let k = n - 1; k >= 0; k--) {
        const r = pr * z.re - pi * z.im + (a[k] as number);
        pi = pr * z.im + pi * z.re;
        pr = r;
      }
      let dr = 1;
      let di = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const w = roots[j] as { re: number; im: number };
        const xr = z.re - w.re;
        const xi = z.im - w.im;
        const r = dr * xr - di * xi;
        di = dr * xi + di * xr;
        dr = r;
      }
      const den = dr * dr + di * di;
      if (den === 0) continue;
      const qr = (pr * dr + pi * di) / den;
      const qi = (pi * dr - pr * di) / den;
      z.re -= qr;
      z.im -= qi;
      change = Math.max(change, Math.hypot(qr, qi));
    }
    if (change < 1e-14) break;
  }
  return roots;
}

/** R's maInvert: reflects the roots of 1 + Σθ z^i that lie inside the unit circle. */
export function maInvert(ma: readonly number[]): number[] {
  const q = ma.length;
  let q0 = 0;
  for (let i = 0; i < q; i++) if (ma[i] !== 0) q0 = i + 1;
  if (q0 === 0) return [...ma];
  const roots = polyroots([1, ...ma.slice(0, q0)]);
  if (roots.every((r) => Math.hypot(r.re, r.im) >= 1)) return [...ma];
  if (q0 === 1) return [1 / (ma[0] as number), ...new Array<number>(q - 1).fill(0)];
  // Rebuild Π (1 − z/r) with the inside roots reflected (r → 1/r̄ has the same real polynomial).
  let xr = [1];
  let xi = [0];
  for (const root of roots) {
    let { re, im } = root;
    const m2 = re * re + im * im;
    if (Math.sqrt(m2) < 1) {
      re = re / m2;
      im = -im / m2;
    }
    // x ← c(x, 0) − c(0, x)/r
    const inv = 1 / (re * re + im * im);
    const rr = re * inv;
    const ri = -im * inv;
    const nr = [...xr, 0];
    const ni = [...xi, 0];
    for (let k = 0; k < xr.length; k++) {
      const ar = xr[k] as number;
      const ai = xi[k] as number;
      nr[k + 1] = (nr[k + 1] as number) - (ar * rr - ai * ri);
      ni[k + 1] = (ni[k + 1] as number) - (ar * ri + ai * rr);
    }
    xr = nr;
    xi = ni;
  }
  return [...xr.slice(1), ...new Array<number>(q - q0).fill(0)];
}

/**
 * The expanded lag polynomials in R's signs, w_t = Σ φ_i w_{t−i} + e_t + Σ θ_i e_{t−i}: the Kalman
 * filter's own expansion (arimaFilter.ts), which takes Box–Jenkins signs (θ_BJ = −θ_R).
 */
export function expandArma(
  ar: ArrayLike<number>,
  ma: ArrayLike<number>,
  sar: ArrayLike<number>,
  sma: ArrayLike<number>,
  s: number,
): { phi: Float64Array; theta: Float64Array } {
  const order = { p: ar.length, d: 0, q: ma.length, P: sar.length, D: 0, Q: sma.length, s };
  const bj = (v: ArrayLike<number>): number[] => Array.from(v, (x) => -x);
  const expanded = expandPolynomials(order, {
    ar: Array.from(ar),
    ma: bj(ma),
    sar: Array.from(sar),
    sma: bj(sma),
    mean: 0,
    drift: 0,
  });
  return { phi: expanded.ar.subarray(1), theta: expanded.ma.subarray(1) };
}

/**
 * Sum of squares, Σ log gain and count of the exact Kalman filter of a zero-mean stationary ARMA
 * (R's ARIMA_Like without differencing states). The observation is the first state, so after each
 * update the filtered covariance's first row and column vanish and the next predicted covariance
 * is the shifted one plus R R': P⁺_ij = P_{i+1,j+1} − M_{i+1} M_{j+1} / g + R_i R_j, with M the
 * first column and g = P_00. Only the upper triangle is kept: r²/2 operations a step.
 */
export function armaLikelihood(
  z: Float64Array,
  phi: Float64Array,
  theta: Float64Array,
): { ssq: number; sumlog: number; nu: number } {
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const Rv = new Float64Array(r);
  Rv[0] = 1;
  for (let i = 1; i < r; i++) Rv[i] = i - 1 < q ? (theta[i - 1] as number) : 0;
  const ph = new Float64Array(r);
  ph.set(phi);
  const Pn = armaStateCovariance(phi, theta);
  const a = new Float64Array(r);
  const M = new Float64Array(r + 1);
  let ssq = 0;
  let sumlog = 0;
  let nu = 0;
  for (let t = 0; t < z.length; t++) {
    const gain = Pn[0] as number;
    const resid = (z[t] as number) - (a[0] as number);
    if (gain < 1e4) {
      nu++;
      ssq += (resid * resid) / gain;
      sumlog += Math.log(gain);
    }
    for (let k = 0; k < r; k++) M[k] = Pn[k] as number;
    const f = resid / gain;
    // The filtered state's first entry is the observation; predict the next state from it.
    const a0 = (a[0] as number) + (M[0] as number) * f;
    for (let i = 0; i < r - 1; i++)
      a[i] = (ph[i] as number) * a0 + (a[i + 1] as number) + (M[i + 1] as number) * f;
    a[r - 1] = (ph[r - 1] as number) * a0;
    for (let i = 0; i < r; i++) {
      const ri = Rv[i] as number;
      const mi = (M[i + 1] as number) / gain;
      const row = i * r;
      const next = (i + 1) * r + 1;
      for (let j = i; j < r - 1; j++)
        Pn[row + j] = (Pn[next + j] as number) - mi * (M[j + 1] as number) + ri * (Rv[j] as number);
      Pn[row + r - 1] = ri * (Rv[r - 1] as number);
    }
  }
  return { ssq, sumlog, nu };
}

/** R's ARIMA_CSS on the differenced series: sum of squares / count after `ncond` start values. */
function cssValue(z: Float64Array, phi: Float64Array, theta: Float64Array, ncond: number): number {
  const n = z.length;
  const p = phi.length;
  const q = theta.length;
  const resid = new Float64Array(n);
  let ssq = 0;
  let nu = 0;
  for (let l = ncond; l < n; l++) {
    let tmp = z[l] as number;
    for (let j = 0; j < p; j++) tmp -= (phi[j] as number) * (z[l - j - 1] as number);
    const jmax = Math.min(l - ncond, q);
    for (let j = 0; j < jmax; j++) tmp -= (theta[j] as number) * (resid[l - j - 1] as number);
    resid[l] = tmp;
    ssq += tmp * tmp;
    nu++;
  }
  return ssq / nu;
}

interface Layout {
  p: number;
  q: number;
  P: number;
  Q: number;
  s: number;
  mean: boolean;
}

function unpack(par: ArrayLike<number>, L: Layout, transform: boolean) {
  const arr = Array.from(par);
  let k = 0;
  const take = (m: number): number[] => {
    const v = arr.slice(k, k + m);
    k += m;
    return v;
  };
  let ar = take(L.p);
  const ma = take(L.q);
  let sar = take(L.P);
  const sma = take(L.Q);
  const mu = L.mean ? (arr[k] as number) : 0;
  if (transform) {
    ar = Array.from(partrans(ar));
    sar = Array.from(partrans(sar));
  }
  return { ar, ma, sar, sma, mu };
}

/**
 * Every root of 1 ± Σc z^i lies beyond |z| = bound, after trimming trailing coefficients of at
 * most `tiny` (auto.arima's check trims below 1e-8; arima's arCheck only exact zeros).
 */
function rootsBeyond(c: ArrayLike<number>, sign: number, bound: number, tiny = 1e-8): boolean {
  let last = 0;
  for (let i = 0; i < c.length; i++) if (Math.abs(c[i] as number) > tiny) last = i + 1;
  if (last === 0) return true;
  // Roots of 1 ± Σc z^i beyond the bound ⇔ roots of z^p ± Σc_i z^{p−i} within its inverse.
  const reversed: number[] = [];
  for (let i = last - 1; i >= 0; i--) reversed.push(sign * (c[i] as number));
  reversed.push(1);
  return rootsWithin(reversed, 1 / bound);
}

/**
 * R's standard errors from the Hessian: 'singular' where solve() fails (stats::arima errors),
 * 'nan' where diag(A' (H·n)⁻¹ A) has a negative entry (checkarima's NaN), else 'finite'.
 */
function standardErrors(
  H: Float64Array,
  n: number,
  A: Float64Array | null,
  used: number,
): 'singular' | 'nan' | 'finite' {
  const inv = invertSquare(
    H.map((v) => v * used),
    n,
  );
  if (inv === null) return 'singular';
  for (let k = 0; k < n; k++) {
    let v = 0;
    if (A === null) v = inv[k * n + k] as number;
    else
      for (let i = 0; i < n; i++)
        for (let l = 0; l < n; l++)
          v += (A[i * n + k] as number) * (inv[i * n + l] as number) * (A[l * n + k] as number);
    if (!(v >= 0)) return 'nan';
  }
  return 'finite';
}

/** R's ARIMA_Gradtrans: forward-difference Jacobian of the AR transforms (identity elsewhere). */
function gradTrans(par: Float64Array, L: Layout): Float64Array {
  const n = par.length;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) A[i * n + i] = 1;
  const block = (from: number, m: number): void => {
    if (m === 0) return;
    const w1 = Array.from(par.subarray(from, from + m));
    const w2 = partrans(w1);
    for (let i = 0; i < m; i++) {
      w1[i] = (w1[i] as number) + 1e-3;
      const w3 = partrans(w1);
      for (let j = 0; j < m; j++)
        A[(from + i) * n + from + j] = ((w3[j] as number) - (w2[j] as number)) / 1e-3;
      w1[i] = (w1[i] as number) - 1e-3;
    }
  };
  block(0, L.p);
  block(L.p + L.q, L.P);
  return A;
}

/**
 * Fits one candidate on `x` (no missing values). `offset` is auto.arima's constant for CSS
 * criteria. Returns null where stats::arima would fail (auto.arima then scores the model +∞).
 */
export function fitSarima(
  x: ArrayLike<number>,
  candidate: SarimaCandidate,
  method: FitMethod,
  offset = 0,
): SarimaFit | null {
  const { p, d, q, P, D, Q, s, constant } = candidate;
  const w = differenced(x, d, D, s);
  const nUsed = w.length;
  const hasConstant = constant && d + D <= 1;
  const L: Layout = { p, q, P, Q, s, mean: hasConstant };
  const narma = p + q + P + Q;
  const k = narma + (hasConstant ? 1 : 0);
  if (nUsed <= 0) return null;
  // The constant's start and scale: lm(dx ~ dxreg − 1) on the differenced series.
  const wMean = mean(w);
  const se = nUsed > 1 ? Math.sqrt(variance(w, 1) / nUsed) : 1;
  const init: Float64Array = new Float64Array(k);
  const parscale = new Float64Array(k).fill(1);
  if (hasConstant) {
    init[narma] = wMean;
    parscale[narma] = se > 0 ? 10 * se : 1;
  }
  const ncond = p + s * P;
  const zOf = (mu: number): Float64Array => (mu === 0 ? w : w.map((v) => v - mu));
  const css = (par: Float64Array): number => {
    const u = unpack(par, L, false);
    const { phi, theta } = expandArma(u.ar, u.ma, u.sar, u.sma, s);
    return 0.5 * Math.log(cssValue(zOf(u.mu), phi, theta, ncond));
  };
  const ml = (par: Float64Array): number => {
    const u = unpack(par, L, true);
    const { phi, theta } = expandArma(u.ar, u.ma, u.sar, u.sma, s);
    try {
      const { ssq, sumlog, nu } = armaLikelihood(zOf(u.mu), phi, theta);
      return 0.5 * (Math.log(ssq / nu) + sumlog / nu);
    } catch {
      return XMAX;
    }
  };
  try {
    let coef: Float64Array;
    let value: number;
    let H: Float64Array | null = null;
    let A: Float64Array | null = null;
    /** optim's BFGS from `start`, or the objective at it when there is nothing to estimate. */
    const minimise = (fn: (par: Float64Array) => number, start: Float64Array) =>
      k === 0 ? { par: start, value: fn(start), fail: 0 } : optimBfgs(fn, start, { parscale });
    if (method === 'CSS') {
      ({ par: coef, value } = minimise(css, init));
      if (k > 0) H = optimHessian(css, coef, { parscale });
    } else {
      const cssFit = minimise(css, init);
      const start = cssFit.fail === 0 ? cssFit.par : init;
      const u0 = unpack(start, L, false);
      // R's arCheck: all roots of 1 − Σφ z^i outside the unit circle.
      if (!rootsBeyond(u0.ar, -1, 1, 0) || !rootsBeyond(u0.sar, -1, 1, 0)) return null;
      // To the transformed scale, with non-invertible MA start values reflected.
      const t0 = Float64Array.from([
        ...invpartrans(u0.ar),
        ...maInvert(u0.ma),
        ...invpartrans(u0.sar),
        ...maInvert(u0.sma),
        ...(hasConstant ? [u0.mu] : []),
      ]);
      ({ par: coef, value } = minimise(ml, t0));
      if (k > 0) {
        const raw = unpack(coef, L, false);
        const ma = maInvert(raw.ma);
        const sma = maInvert(raw.sma);
        const changed = ma.some((v, i) => v !== raw.ma[i]) || sma.some((v, i) => v !== raw.sma[i]);
        if (changed) {
          coef = Float64Array.from([
            ...raw.ar,
            ...ma,
            ...raw.sar,
            ...sma,
            ...(hasConstant ? [raw.mu] : []),
          ]);
          value = ml(coef);
        }
        H = optimHessian(ml, coef, { parscale });
        A = gradTrans(coef, L);
      }
    }
    const u = unpack(coef, L, method === 'CSS-ML');
    const { phi, theta } = expandArma(u.ar, u.ma, u.sar, u.sma, s);
    const npar = k + 1;
    let aic: number;
    let loglik: number;
    let rss: number;
    const z = zOf(u.mu);
    if (method === 'CSS') {
      const sigma2 = cssValue(z, phi, theta, ncond);
      aic = offset + nUsed * Math.log(sigma2) + 2 * npar;
      loglik = Number.NaN;
      rss = sigma2 * (nUsed - ncond);
    } else {
      loglik = -0.5 * (2 * nUsed * value + nUsed + nUsed * Math.log(2 * Math.PI));
      aic = -2 * loglik + 2 * k + 2;
      rss = armaLikelihood(z, phi, theta).ssq;
    }
    const aicc = aic + (2 * npar * (npar + 1)) / (nUsed - npar - 1);
    let ic = Number.isFinite(aic) ? aicc : Number.POSITIVE_INFINITY;
    if (!rootsBeyond(phi, -1, 1.01) || !rootsBeyond(theta, 1, 1.01)) ic = Number.POSITIVE_INFINITY;
    // A singular Hessian is an error in stats::arima (solve fails); an indefinite one gives NaN
    // standard errors, which auto.arima's checkarima scores +∞.
    const errors = H === null ? 'finite' : standardErrors(H, k, A, nUsed);
    if (errors === 'singular') return null;
    if (errors === 'nan') ic = Number.POSITIVE_INFINITY;
    const muX = d === 0 && D === 0 ? u.mu : 0;
    const drift = hasConstant && d + D === 1 ? u.mu / (D === 1 ? s : 1) : 0;
    return {
      candidate,
      order: { p, d, q, P, D, Q, s: P + D + Q > 0 ? s : 0 },
      coefficients: {
        ar: u.ar,
        ma: u.ma.map((v) => -v),
        sar: u.sar,
        sma: u.sma.map((v) => -v),
        mean: muX,
        drift,
      },
      rCoefficients: [
        ...u.ar,
        ...u.ma,
        ...u.sar,
        ...u.sma,
        ...(hasConstant ? [muX !== 0 ? muX : drift] : []),
      ],
      loglik,
      aic,
      aicc,
      sigma2: rss / (nUsed - npar + 1),
      ic,
      method,
    };
  } catch (error) {
    if (error instanceof OptimError) return null;
    throw error;
  }
}

/**
 * The exact Gaussian log-likelihood of `x` under a candidate with R's coefficients (ar, ma, sar,
 * sma, then the intercept or drift), as stats::arima reports it for those values.
 */
export function sarimaLoglik(
  x: ArrayLike<number>,
  c: SarimaCandidate,
  rCoef: readonly number[],
): number {
  const { p, d, q, P, D, Q, s } = c;
  const w = differenced(x, d, D, s);
  const at = (i: number): number => rCoef[i] as number;
  const slice = (from: number, m: number): number[] =>
    Array.from({ length: m }, (_, i) => at(from + i));
  const hasConstant = c.constant && d + D <= 1;
  const k = p + q + P + Q;
  const mu = hasConstant ? at(k) * (D === 1 && d === 0 ? s : 1) : 0;
  const { phi, theta } = expandArma(
    slice(0, p),
    slice(p, q),
    slice(p + q, P),
    slice(p + q + P, Q),
    s,
  );
  const { ssq, sumlog, nu } = armaLikelihood(mu === 0 ? w : w.map((v) => v - mu), phi, theta);
  return -0.5 * (nu * Math.log(ssq / nu) + sumlog + nu * (1 + Math.log(2 * Math.PI)));
}
