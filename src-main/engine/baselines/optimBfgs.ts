// Quasi-Newton minimisation as R's optim(method = "BFGS") runs it with no analytic gradient:
// vmmin (J.C. Nash's Compact Numerical Methods, Algorithm 21, as in R's optim.c), central
// finite-difference gradients of step `ndeps` on the scaled parameters, and optimhess for the
// Hessian. stats::arima fits every candidate of forecast::auto.arima with exactly this routine,
// so the same start, scaling and stopping rule land on the same optimum (and the same failures).

export interface BfgsOptions {
  /** Parameter scaling: the search runs on par / parscale (R's parscale). */
  parscale?: ArrayLike<number>;
  /** Finite-difference step on the scaled parameters (R's ndeps, 1e-3). */
  ndeps?: number;
  /** Iterations allowed (R's maxit, 100 for BFGS). */
  maxit?: number;
  /** Relative convergence tolerance (R's reltol, √ε). */
  reltol?: number;
}

export interface BfgsResult {
  par: Float64Array;
  value: number;
  /** 0 converged, 1 iteration limit reached (R's `convergence`). */
  fail: number;
  /** R's `counts`: objective values the search asked for, and gradients. */
  counts: { function: number; gradient: number };
}

/** Thrown where R's optim stops with an error (a non-finite start or finite difference). */
export class OptimError extends Error {}

interface Scaled {
  fn: (u: Float64Array) => number;
  gradient: (u: Float64Array, out: Float64Array) => void;
}

function scaled(fn: (par: Float64Array) => number, parscale: Float64Array, ndeps: number): Scaled {
  const n = parscale.length;
  const x = new Float64Array(n);
  const at = (u: Float64Array): number => {
    for (let i = 0; i < n; i++) x[i] = (u[i] as number) * (parscale[i] as number);
    return fn(x);
  };
  const gradient = (u: Float64Array, out: Float64Array): void => {
    const v = Float64Array.from(u);
    for (let i = 0; i < n; i++) {
      const ui = u[i] as number;
      v[i] = ui + ndeps;
      const up = at(v);
      v[i] = ui - ndeps;
      const down = at(v);
      v[i] = ui;
      const g = (up - down) / (2 * ndeps);
      if (!Number.isFinite(g))
        throw new OptimError(`non-finite finite-difference value [${i + 1}]`);
      out[i] = g;
    }
  };
  return { fn: at, gradient };
}

const STEP_REDUCTION = 0.2;
const ACCEPTANCE = 1e-4;
const REL_TEST = 10;

/** R's vmmin on the scaled parameters `b` (changed in place); returns the minimum and status. */
function vmmin(
  b: Float64Array,
  s: Scaled,
  maxit: number,
  reltol: number,
): { value: number; fail: number; counts: BfgsResult['counts'] } {
  const n = b.length;
  if (maxit <= 0) return { value: s.fn(b), fail: 0, counts: { function: 0, gradient: 0 } };
  let f = s.fn(b);
  let funcount = 1;
  if (!Number.isFinite(f)) throw new OptimError("initial value in 'vmmin' is not finite");
  let fmin = f;
  const g = new Float64Array(n);
  const t = new Float64Array(n);
  const X = new Float64Array(n);
  const c = new Float64Array(n);
  const B = new Float64Array(n * n);
  s.gradient(b, g);
  let gradcount = 1;
  let iter = 1;
  let ilast = gradcount;
  let count = 0;
  do {
    if (ilast === gradcount) {
      B.fill(0);
      for (let i = 0; i < n; i++) B[i * n + i] = 1;
    }
    for (let i = 0; i < n; i++) {
      X[i] = b[i] as number;
      c[i] = g[i] as number;
    }
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j <= i; j++) sum -= (B[i * n + j] as number) * (g[j] as number);
      for (let j = i + 1; j < n; j++) sum -= (B[j * n + i] as number) * (g[j] as number);
      t[i] = sum;
      gradproj += sum * (g[i] as number);
    }
    if (gradproj < 0) {
      let steplength = 1;
      let accpoint = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = (X[i] as number) + steplength * (t[i] as number);
          if (REL_TEST + (X[i] as number) === REL_TEST + (b[i] as number)) count++;
        }
        if (count < n) {
          f = s.fn(b);
          funcount++;
          accpoint = Number.isFinite(f) && f <= fmin + gradproj * steplength * ACCEPTANCE;
          if (!accpoint) steplength *= STEP_REDUCTION;
        }
      } while (!(count === n || accpoint));
      const enough = Math.abs(f - fmin) > reltol * (Math.abs(fmin) + reltol);
      if (!enough) {
        count = n;
        fmin = f;
      }
      if (count < n) {
        fmin = f;
        s.gradient(b, g);
        gradcount++;
        iter++;
        let d1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] = steplength * (t[i] as number);
          c[i] = (g[i] as number) - (c[i] as number);
          d1 += (t[i] as number) * (c[i] as number);
        }
        if (d1 > 0) {
          let d2 = 0;
          for (let i = 0; i < n; i++) {
            let sum = 0;
            for (let j = 0; j <= i; j++) sum += (B[i * n + j] as number) * (c[j] as number);
            for (let j = i + 1; j < n; j++) sum += (B[j * n + i] as number) * (c[j] as number);
            X[i] = sum;
            d2 += sum * (c[i] as number);
          }
          d2 = 1 + d2 / d1;
          for (let i = 0; i < n; i++)
            for (let j = 0; j <= i; j++)
              B[i * n + j] =
                (B[i * n + j] as number) +
                (d2 * (t[i] as number) * (t[j] as number) -
                  (X[i] as number) * (t[j] as number) -
                  (t[i] as number) * (X[j] as number)) /
                  d1;
        } else {
          ilast = gradcount;
        }
      } else if (ilast < gradcount) {
        count = 0;
        ilast = gradcount;
      }
    } else {
      count = 0;
      if (ilast === gradcount) count = n;
      else ilast = gradcount;
    }
    if (iter >= maxit) break;
    if (gradcount - ilast > 2 * n) ilast = gradcount;
  } while (count !== n || ilast !== gradcount);
  return {
    value: fmin,
    fail: iter < maxit ? 0 : 1,
    counts: { function: funcount, gradient: gradcount },
  };
}

/** optim(start, fn, method = "BFGS", control = list(parscale, maxit, reltol)). */
export function optimBfgs(
  fn: (par: Float64Array) => number,
  start: ArrayLike<number>,
  options: BfgsOptions = {},
): BfgsResult {
  const n = start.length;
  const parscale = Float64Array.from(options.parscale ?? new Float64Array(n).fill(1));
  const s = scaled(fn, parscale, options.ndeps ?? 1e-3);
  const u = Float64Array.from(start, (v, i) => v / (parscale[i] as number));
  const { value, fail, counts } = vmmin(
    u,
    s,
    options.maxit ?? 100,
    options.reltol ?? Math.sqrt(2.220446049250313e-16),
  );
  return {
    par: u.map((v, i) => v * (parscale[i] as number)),
    value,
    fail,
    counts,
  };
}

/** R's optimhess: the Hessian at `par` from differences of finite-difference gradients. */
export function optimHessian(
  fn: (par: Float64Array) => number,
  par: ArrayLike<number>,
  options: Pick<BfgsOptions, 'parscale' | 'ndeps'> = {},
): Float64Array {
  const n = par.length;
  const parscale = Float64Array.from(options.parscale ?? new Float64Array(n).fill(1));
  const ndeps = options.ndeps ?? 1e-3;
  const s = scaled(fn, parscale, ndeps);
  const u = Float64Array.from(par, (v, i) => v / (parscale[i] as number));
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const eps = ndeps / (parscale[i] as number);
    const ui = u[i] as number;
    u[i] = ui + eps;
    s.gradient(u, up);
    u[i] = ui - eps;
    s.gradient(u, down);
    u[i] = ui;
    for (let j = 0; j < n; j++)
      H[i * n + j] =
        ((up[j] as number) - (down[j] as number)) /
        (2 * eps * (parscale[i] as number) * (parscale[j] as number));
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const m = ((H[i * n + j] as number) + (H[j * n + i] as number)) / 2;
      H[i * n + j] = m;
      H[j * n + i] = m;
    }
  return H;
}
