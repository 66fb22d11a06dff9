// Scalar minimisation as scipy.optimize.brent(func, brack=(xa, xb)): the downhill bracket search
// (golden-ratio growth with parabolic extrapolation, grow limit 110) followed by Brent's
// parabolic/golden-section search with relative tolerance 1.48e-8. Same steps as scipy, so a
// function with several minima lands in the same one.

import { takeTrialPoint, type BrentPoints } from './brentStep';

const GOLD = 1.618034;
const VERY_SMALL = 1e-21;
const GROW_LIMIT = 110;
const CG = 0.381966;
const MIN_TOL = 1e-11;

interface Bracket {
  xa: number;
  xb: number;
  xc: number;
  fa: number;
  fb: number;
  fc: number;
}

export function bracketMinimum(
  f: (x: number) => number,
  xa0: number,
  xb0: number,
  maxiter = 1000,
): Bracket {
  let xa = xa0;
  let xb = xb0;
  let fa = f(xa);
  let fb = f(xb);
  if (fa < fb) {
    [xa, xb, fa, fb] = [xb, xa, fb, fa];
  }
  let xc = xb + GOLD * (xb - xa);
  let fc = f(xc);
  let iter = 0;
  while (fc < fb) {
    const tmp1 = (xb - xa) * (fb - fc);
    const tmp2 = (xb - xc) * (fb - fa);
    const val = tmp2 - tmp1;
    const denom = Math.abs(val) < VERY_SMALL ? 2 * VERY_SMALL : 2 * val;
    let w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
    const wlim = xb + GROW_LIMIT * (xc - xb);
    if (iter > maxiter) throw new Error('no bracket found before the iteration limit');
    iter++;
    let fw: number;
    if ((w - xc) * (xb - w) > 0) {
      fw = f(w);
      if (fw < fc) {
        return { xa: xb, xb: w, xc, fa: fb, fb: fw, fc };
      } else if (fw > fb) {
        return { xa, xb, xc: w, fa, fb, fc: fw };
      }
      w = xc + GOLD * (xc - xb);
      fw = f(w);
    } else if ((w - wlim) * (wlim - xc) >= 0) {
      w = wlim;
      fw = f(w);
    } else if ((w - wlim) * (xc - w) > 0) {
      fw = f(w);
      if (fw < fc) {
        xb = xc;
        xc = w;
        w = xc + GOLD * (xc - xb);
        fb = fc;
        fc = fw;
        fw = f(w);
      }
    } else {
      w = xc + GOLD * (xc - xb);
      fw = f(w);
    }
    xa = xb;
    xb = xc;
    xc = w;
    fa = fb;
    fb = fc;
    fc = fw;
  }
  return { xa, xb, xc, fa, fb, fc };
}

/** Minimiser of f starting from the bracket search on (xa, xb). */
export function brentMinimize(
  f: (x: number) => number,
  xa0: number,
  xb0: number,
  tol = 1.48e-8,
  maxiter = 500,
): number {
  const { xa, xb, xc, fb } = bracketMinimum(f, xa0, xb0);
  const [a, b] = [Math.min(xa, xc), Math.max(xa, xc)];
  const s: BrentPoints = { a, b, x: xb, w: xb, v: xb, fx: fb, fw: fb, fv: fb };
  let deltax = 0;
  let rat = 0;
  for (let iter = 0; iter < maxiter; iter++) {
    const tol1 = tol * Math.abs(s.x) + MIN_TOL;
    const tol2 = 2 * tol1;
    const xmid = 0.5 * (s.a + s.b);
    if (Math.abs(s.x - xmid) < tol2 - 0.5 * (s.b - s.a)) break;
    if (Math.abs(deltax) <= tol1) {
      deltax = s.x >= xmid ? s.a - s.x : s.b - s.x;
      rat = CG * deltax;
    } else {
      const tmp1 = (s.x - s.w) * (s.fx - s.fv);
      let tmp2 = (s.x - s.v) * (s.fx - s.fw);
      let p = (s.x - s.v) * tmp2 - (s.x - s.w) * tmp1;
      tmp2 = 2 * (tmp2 - tmp1);
      if (tmp2 > 0) p = -p;
      tmp2 = Math.abs(tmp2);
      const dxTemp = deltax;
      deltax = rat;
      if (
        p > tmp2 * (s.a - s.x) &&
        p < tmp2 * (s.b - s.x) &&
        Math.abs(p) < Math.abs(0.5 * tmp2 * dxTemp)
      ) {
        rat = p / tmp2;
        const u = s.x + rat;
        if (u - s.a < tol2 || s.b - u < tol2) rat = xmid - s.x >= 0 ? tol1 : -tol1;
      } else {
        deltax = s.x >= xmid ? s.a - s.x : s.b - s.x;
        rat = CG * deltax;
      }
    }
    const u = Math.abs(rat) < tol1 ? (rat >= 0 ? s.x + tol1 : s.x - tol1) : s.x + rat;
    const fu = f(u);
    takeTrialPoint(s, u, fu, !(fu > s.fx));
  }
  return s.x;
}
