// The two loess primitives of Cleveland et al.'s STL (the Fortran "est" and "ess"), ported with
// the same 1-based window arithmetic, tricube weights, degree-0/1 local fits, the "jump"
// evaluation on a coarse grid with linear interpolation between, and the NaN → input fallback.
// Arrays passed in may be subarray views (the caller's work buffers), exactly as in the original.

/**
 * Local fit at abscissa xs (1-based) using points nleft..nright; w receives the weights.
 * Returns NaN when all weights vanish.
 */
export function loessEstimate(
  y: Float64Array,
  n: number,
  len: number,
  deg: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
  useRobustWeights: boolean,
  rw: Float64Array,
): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.floor((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft - 1; j < nright; j++) {
    w[j] = 0;
    const r = Math.abs(j + 1 - xs);
    if (r <= h9) {
      w[j] = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      if (useRobustWeights) w[j] = (w[j] as number) * (rw[j] as number);
      a += w[j] as number;
    }
  }
  if (a <= 0) return Number.NaN;
  for (let j = nleft - 1; j < nright; j++) w[j] = (w[j] as number) / a;
  if (h > 0 && deg > 0) {
    a = 0;
    for (let j = nleft - 1; j < nright; j++) a += (w[j] as number) * (j + 1);
    let b = xs - a;
    let c = 0;
    for (let j = nleft - 1; j < nright; j++) c += (w[j] as number) * (j + 1 - a) ** 2;
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft - 1; j < nright; j++) w[j] = (w[j] as number) * (b * (j + 1 - a) + 1);
    }
  }
  let ys = 0;
  for (let j = nleft - 1; j < nright; j++) ys += (w[j] as number) * (y[j] as number);
  return ys;
}

/** Loess smooth of y[0..n) with span len into ys, evaluating every `jump` points. */
export function loessSmooth(
  y: Float64Array,
  n: number,
  len: number,
  deg: number,
  jump: number,
  useRobustWeights: boolean,
  rw: Float64Array,
  ys: Float64Array,
  work: Float64Array,
): void {
  if (n < 2) {
    ys[0] = y[0] as number;
    return;
  }
  const est = (xs: number, nleft: number, nright: number): number => {
    const v = loessEstimate(y, n, len, deg, xs, nleft, nright, work, useRobustWeights, rw);
    return Number.isNaN(v) ? (y[xs - 1] as number) : v;
  };
  const newnj = Math.min(jump, n - 1);
  let nleft = 1;
  let nright = n;
  if (len >= n) {
    for (let i = 0; i < n; i += newnj) ys[i] = est(i + 1, nleft, nright);
  } else if (newnj === 1) {
    const nsh = Math.floor((len + 2) / 2);
    nright = len;
    for (let i = 0; i < n; i++) {
      if (i + 1 > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      ys[i] = est(i + 1, nleft, nright);
    }
  } else {
    const nsh = Math.floor((len + 1) / 2);
    for (let i = 0; i < n; i += newnj) {
      if (i + 1 < nsh) {
        nleft = 1;
        nright = len;
      } else if (i + 1 >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i + 1 - nsh + 1;
        nright = len + i + 1 - nsh;
      }
      ys[i] = est(i + 1, nleft, nright);
    }
  }
  if (newnj === 1) return;
  for (let i = 0; i < n - newnj; i += newnj) {
    const delta = ((ys[i + newnj] as number) - (ys[i] as number)) / newnj;
    for (let j = i; j < i + newnj; j++) ys[j] = (ys[i] as number) + delta * (j - i);
  }
  const k = Math.floor((n - 1) / newnj) * newnj + 1;
  if (k !== n) {
    // The last point is always fitted, reusing the final window, then the tail is interpolated.
    ys[n - 1] = est(n, nleft, nright);
    if (k !== n - 1) {
      const delta = ((ys[n - 1] as number) - (ys[k - 1] as number)) / (n - k);
      for (let j = k; j < n; j++) ys[j] = (ys[k - 1] as number) + delta * (j + 1 - k);
    }
  }
}
