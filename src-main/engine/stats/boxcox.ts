// Box-Cox transform and the maximum-likelihood λ of scipy.stats.boxcox(x) (boxcox_normmax with
// method "mle": Brent on −llf starting from the bracket (−2, 2)).
import { brentMinimize } from './brent';

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

/** (x^λ − 1)/λ, or ln x at λ = 0 (expm1 keeps small λ accurate). */
export function boxcox(x: Float64Array, lambda: number): Float64Array {
  return Float64Array.from(x, (v) =>
    lambda === 0 ? Math.log(v) : Math.expm1(lambda * Math.log(v)) / lambda,
  );
}

/** Inverse transform: (λy + 1)^(1/λ), or e^y at λ = 0. */
export function invBoxcox(y: Float64Array, lambda: number): Float64Array {
  return Float64Array.from(y, (v) =>
    lambda === 0 ? Math.exp(v) : Math.exp(Math.log1p(lambda * v) / lambda),
  );
}
