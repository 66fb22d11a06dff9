// Nelder-Mead direct search as R's optim(method = "Nelder-Mead") runs it (J.C. Nash's Compact
// Numerical Methods, Algorithm 19, as adapted in R's nmmin). forecast::ets minimises its likelihood
// with exactly this routine, so the same start, step and stopping rule land on the same optimum.

export interface NelderMeadOptions {
  /** Stop when the best value falls to this (R's abstol; ets passes −Inf). */
  abstol?: number;
  /** Relative spread of the simplex values to stop at (R's reltol; ets passes √ε). */
  reltol?: number;
  /** Function evaluations allowed (R's maxit). */
  maxit?: number;
  reflection?: number;
  contraction?: number;
  expansion?: number;
}

export interface NelderMeadResult {
  par: Float64Array;
  value: number;
  evaluations: number;
  /** 0 converged, 1 evaluation limit, 10 simplex degenerate (as R's `convergence`). */
  fail: number;
}

/** R's stand-in for a non-finite objective value. */
const BIG = 1.0e35;

export function nelderMead(
  fn: (par: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const abstol = options.abstol ?? Number.NEGATIVE_INFINITY;
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const maxit = options.maxit ?? 500;
  const alpha = options.reflection ?? 1;
  const beta = options.contraction ?? 0.5;
  const gamma = options.expansion ?? 2;
  const n = start.length;
  const b = Float64Array.from(start);
  if (maxit <= 0) return { par: b, value: fn(b), evaluations: 0, fail: 0 };
  let f = fn(b);
  if (!Number.isFinite(f)) throw new Error('function cannot be evaluated at initial parameters');
  // Vertices are columns 0..n of `pts`; column n+1 is the centroid; values in `val`.
  const n1 = n + 1;
  const pts: Float64Array[] = Array.from({ length: n + 2 }, () => new Float64Array(n));
  const val = new Float64Array(n + 2);
  let evaluations = 1;
  const convtol = reltol * (Math.abs(f) + reltol);
  val[0] = f;
  (pts[0] as Float64Array).set(b);
  let best = 0;
  let size = 0;
  let step = 0;
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(b[i] as number));
  if (step === 0) step = 0.1;
  for (let j = 1; j < n1; j++) {
    const p = pts[j] as Float64Array;
    p.set(b);
    let trystep = step;
    while (p[j - 1] === b[j - 1]) {
      p[j - 1] = (b[j - 1] as number) + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let fail = 0;
  const evalAt = (x: Float64Array): number => {
    const v = fn(x);
    evaluations++;
    return Number.isFinite(v) ? v : BIG;
  };
  const centroid = pts[n1] as Float64Array;
  for (;;) {
    if (calcvert) {
      for (let j = 0; j < n1; j++) {
        if (j !== best) val[j] = evalAt(pts[j] as Float64Array);
      }
      calcvert = false;
    }
    let vl = val[best] as number;
    let vh = vl;
    let hi = best;
    for (let j = 0; j < n1; j++) {
      if (j === best) continue;
      const v = val[j] as number;
      if (v < vl) {
        best = j;
        vl = v;
      }
      if (v > vh) {
        hi = j;
        vh = v;
      }
    }
    if (vh <= vl + convtol || vl <= abstol) break;
    const high = pts[hi] as Float64Array;
    for (let i = 0; i < n; i++) {
      let t = -(high[i] as number);
      for (let j = 0; j < n1; j++) t += (pts[j] as Float64Array)[i] as number;
      centroid[i] = t / n;
    }
    for (let i = 0; i < n; i++)
      b[i] = (1 + alpha) * (centroid[i] as number) - alpha * (high[i] as number);
    f = evalAt(b);
    const vr = f;
    if (vr < vl) {
      val[n1] = f;
      for (let i = 0; i < n; i++) {
        const e = gamma * (b[i] as number) + (1 - gamma) * (centroid[i] as number);
        centroid[i] = b[i] as number;
        b[i] = e;
      }
      f = evalAt(b);
      if (f < vr) {
        high.set(b);
        val[hi] = f;
      } else {
        high.set(centroid);
        val[hi] = vr;
      }
    } else {
      if (vr < vh) {
        high.set(b);
        val[hi] = vr;
      }
      for (let i = 0; i < n; i++)
        b[i] = (1 - beta) * (high[i] as number) + beta * (centroid[i] as number);
      f = evalAt(b);
      if (f < (val[hi] as number)) {
        high.set(b);
        val[hi] = f;
      } else if (vr >= vh) {
        // Shrink towards the best vertex.
        calcvert = true;
        size = 0;
        const low = pts[best] as Float64Array;
        for (let j = 0; j < n1; j++) {
          if (j === best) continue;
          const p = pts[j] as Float64Array;
          for (let i = 0; i < n; i++) {
            p[i] = beta * ((p[i] as number) - (low[i] as number)) + (low[i] as number);
            size += Math.abs((p[i] as number) - (low[i] as number));
          }
        }
        if (size < oldsize) {
          oldsize = size;
        } else {
          fail = 10;
          break;
        }
      }
    }
    if (evaluations > maxit) break;
  }
  if (evaluations > maxit) fail = 1;
  return {
    par: Float64Array.from(pts[best] as Float64Array),
    value: val[best] as number,
    evaluations,
    fail,
  };
}
