// Box-Cox transform, the maximum-likelihood λ of scipy.stats.boxcox(x) (boxcox_normmax with
// method "mle": Brent on −llf starting from the bracket (−2, 2)), and Guerrero's λ as R's
// forecast::BoxCox.lambda(x, method = "guerrero") (R's optimize over [−1, 2]).
import { brentMinimize } from './brent';
import { takeTrialPoint, type BrentPoints } from './brentStep';

/**
 * Profile log-likelihood (λ − 1) Σ ln x − n/2 · ln var(x^λ/λ). The variance is taken on
 * exp(λ ln x − max) so that λ like 26 or −3 neither overflows nor underflows.
 */
export function boxcoxLogLikelihood(x: Float64Array, lambda: number): number {
  const n = x.length;
  const logs = new Float64Array(n);
  let sumLog = 0;
  for (let i = 0; i < n; i++) {
    logs[i] = Math.log(x[i] as number);
    sumLog += logs[i] as number;
  }
  let logVar: number;
  if (lambda === 0) {
    logVar = Math.log(variance(logs));
  } else {
    let zmax = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) zmax = Math.max(zmax, lambda * (logs[i] as number));
    const scaled = Float64Array.from(logs, (l) => Math.exp(lambda * l - zmax));
    logVar = Math.log(variance(scaled)) + 2 * zmax - 2 * Math.log(Math.abs(lambda));
  }
  return (lambda - 1) * sumLog - (n / 2) * logVar;
}

function variance(v: Float64Array): number {
  let m = 0;
  for (const e of v) m += e;
  m /= v.length;
  let s = 0;
  for (const e of v) s += (e - m) ** 2;
  return s / v.length;
}

/** λ maximising the Box-Cox likelihood; x must be strictly positive. */
export function boxcoxLambdaMle(x: Float64Array): number {
  if (x.length < 2) throw new RangeError('need at least 2 observations');
  for (const v of x) if (!(v > 0)) throw new RangeError('Box-Cox needs strictly positive data');
  return brentMinimize((lambda) => -boxcoxLogLikelihood(x, lambda), -2, 2);
}

/** (v^λ − 1)/λ, or ln v at λ = 0; expm1 keeps λ near 0 exact (the one Box-Cox of the app). */
export function boxcoxValue(v: number, lambda: number): number {
  return lambda === 0 ? Math.log(v) : Math.expm1(lambda * Math.log(v)) / lambda;
}

/** Inverse of boxcoxValue: (λz + 1)^(1/λ) through log1p, or e^z at λ = 0. */
export function invBoxcoxValue(z: number, lambda: number): number {
  return lambda === 0 ? Math.exp(z) : Math.exp(Math.log1p(lambda * z) / lambda);
}

/** (x^λ − 1)/λ, or ln x at λ = 0 (expm1 keeps small λ accurate). */
export function boxcox(x: Float64Array, lambda: number): Float64Array {
  return Float64Array.from(x, (v) => boxcoxValue(v, lambda));
}

/** Inverse transform: (λy + 1)^(1/λ), or e^y at λ = 0. */
export function invBoxcox(y: Float64Array, lambda: number): Float64Array {
  return Float64Array.from(y, (v) => invBoxcoxValue(v, lambda));
}

/** Neumaier-compensated sum, standing in for the long double accumulators of R's mean and var. */
function compensatedSum(v: ArrayLike<number>, shift = 0): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < v.length; i++) {
    const x = (v[i] as number) - shift;
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** R's mean(): the sum over n, refined by the mean of the deviations. */
function rMean(v: ArrayLike<number>): number {
  const m = compensatedSum(v) / v.length;
  return m + compensatedSum(v, m) / v.length;
}

/** R's sd(): two-pass, denominator n − 1. */
function rSd(v: ArrayLike<number>): number {
  const m = rMean(v);
  let s = 0;
  let c = 0;
  for (let i = 0; i < v.length; i++) {
    const x = ((v[i] as number) - m) ** 2;
    const t = s + x;
    c += s >= x ? s - t + x : x - t + s;
    s = t;
  }
  return Math.sqrt((s + c) / (v.length - 1));
}

/**
 * Guerrero's criterion (forecast's guer.cv): split the last ⌊n/p⌋·p values into ⌊n/p⌋ blocks of
 * p = max(2, period), and return the coefficient of variation of sd_j / mean_j^(1−λ).
 */
export function guerreroCriterion(x: Float64Array, lambda: number, period: number): number {
  const p = Math.round(Math.max(2, period));
  const nyr = Math.floor(x.length / p);
  const start = x.length - nyr * p;
  const ratios = new Float64Array(nyr);
  for (let j = 0; j < nyr; j++) {
    const block = x.subarray(start + j * p, start + (j + 1) * p);
    ratios[j] = rSd(block) / Math.pow(rMean(block), 1 - lambda);
  }
  return rSd(ratios) / rMean(ratios);
}

/**
 * R's optimize() (Brent's fmin, netlib's localmin as in R's optimize.c) with R's default tolerance
 * .Machine$double.eps^0.25, step for step, so the λ it stops at is R's.
 */
export function rOptimize(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol = Math.pow(2 ** -52, 0.25),
): number {
  const c = (3 - Math.sqrt(5)) * 0.5;
  const eps = Math.sqrt(2 ** -52);
  const fin = (v: number): number => (Number.isFinite(v) ? v : Number.MAX_VALUE);
  const x0 = lower + c * (upper - lower);
  const f0 = fin(f(x0));
  const s: BrentPoints = { a: lower, b: upper, x: x0, w: x0, v: x0, fx: f0, fw: f0, fv: f0 };
  let d = 0;
  let e = 0;
  const tol3 = tol / 3;
  for (;;) {
    const xm = (s.a + s.b) * 0.5;
    const tol1 = eps * Math.abs(s.x) + tol3;
    const t2 = tol1 * 2;
    if (Math.abs(s.x - xm) <= t2 - (s.b - s.a) * 0.5) break;
    let p = 0;
    let q = 0;
    let r = 0;
    if (Math.abs(e) > tol1) {
      r = (s.x - s.w) * (s.fx - s.fv);
      q = (s.x - s.v) * (s.fx - s.fw);
      p = (s.x - s.v) * q - (s.x - s.w) * r;
      q = (q - r) * 2;
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    let u: number;
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (s.a - s.x) || p >= q * (s.b - s.x)) {
      e = s.x < xm ? s.b - s.x : s.a - s.x;
      d = c * e;
    } else {
      d = p / q;
      u = s.x + d;
      if (u - s.a < t2 || s.b - u < t2) {
        d = tol1;
        if (s.x >= xm) d = -d;
      }
    }
    if (Math.abs(d) >= tol1) u = s.x + d;
    else if (d > 0) u = s.x + tol1;
    else u = s.x - tol1;
    const fu = fin(f(u));
    takeTrialPoint(s, u, fu, fu <= s.fx);
  }
  return s.x;
}

/**
 * Guerrero's λ over [−1, 2] for strictly positive data, as forecast::BoxCox.lambda(x,
 * method = "guerrero") with frequency(x) = period; 1 when n ≤ 2·period, as forecast returns.
 */
export function boxcoxLambdaGuerrero(x: Float64Array, period: number): number {
  for (const v of x) if (!(v > 0)) throw new RangeError('Box-Cox needs strictly positive data');
  if (x.length <= 2 * period) return 1;
  return rOptimize((lambda) => guerreroCriterion(x, lambda, period), -1, 2);
}
