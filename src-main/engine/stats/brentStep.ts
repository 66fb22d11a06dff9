// The bookkeeping step the two Brent minimisers share (R's fmin in boxcox.ts, scipy's brent in
// brent.ts): once f(u) is known, the bracket [a, b] shrinks around the best point and the three
// best points x, w, v take u in.

export interface BrentPoints {
  a: number;
  b: number;
  /** The best point so far; w the second best; v the previous w. */
  x: number;
  w: number;
  v: number;
  fx: number;
  fw: number;
  fv: number;
}

/** `better`: u replaces x as the best point (R's test is fu ≤ fx, scipy's is not fu > fx). */
export function takeTrialPoint(s: BrentPoints, u: number, fu: number, better: boolean): void {
  if (better) {
    if (u < s.x) s.b = s.x;
    else s.a = s.x;
    s.v = s.w;
    s.fv = s.fw;
    s.w = s.x;
    s.fw = s.fx;
    s.x = u;
    s.fx = fu;
    return;
  }
  if (u < s.x) s.a = u;
  else s.b = u;
  if (fu <= s.fw || s.w === s.x) {
    s.v = s.w;
    s.fv = s.fw;
    s.w = u;
    s.fw = fu;
  } else if (fu <= s.fv || s.v === s.x || s.v === s.w) {
    s.v = u;
    s.fv = fu;
  }
}
