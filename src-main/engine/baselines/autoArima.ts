// Automatic ARIMA selection as forecast::auto.arima (8.20) does it with its defaults: seasonal
// differencing when STL's seasonal strength exceeds 0.64 (nsdiffs, test "seas"), first
// differences by KPSS tests at 5% (ndiffs), then the stepwise search of Hyndman & Khandakar
// (2008) over (p,q)(P,Q) and the constant by AICc, each candidate fitted as stats::arima fits it
// (sarimaFit.ts): CSS during the search for series longer than 150 or with a period above 12,
// exact maximum likelihood otherwise and for the final model.
import { mean, variance } from '../stats/descriptive';
import { kpssTest } from '../stats/kpss';
import { stl } from '../stats/stl';
import {
  differenced,
  fitSarima,
  type FitMethod,
  type SarimaCandidate,
  type SarimaFit,
} from './sarimaFit';

export interface AutoArimaResult {
  fit: SarimaFit;
  /** Every candidate the search fitted, in order, with its criterion (+∞ when refused). */
  tried: { candidate: SarimaCandidate; ic: number }[];
  approximation: boolean;
}

/** R's is.constant (all.equal to the first value). */
function isConstant(x: ArrayLike<number>): boolean {
  const first = x[0] as number;
  let diff = 0;
  let size = 0;
  for (let i = 0; i < x.length; i++) {
    diff += Math.abs((x[i] as number) - first);
    size += Math.abs(x[i] as number);
  }
  return size === 0 ? diff === 0 : diff / size < 1.5e-8;
}

const nextOdd = (v: number): number => {
  const r = Math.round(v);
  return r % 2 === 0 ? r + 1 : r;
};

/** forecast's seas.heuristic: 1 − var(remainder) / var(remainder + seasonal) of R's stl(s.window = 11). */
export function seasonalStrength(x: Float64Array, m: number): number {
  const sWindow = 11;
  const tWindow = nextOdd(Math.ceil((1.5 * m) / (1 - 1.5 / sWindow)));
  const lWindow = nextOdd(m);
  const fit = stl(x, m, {
    seasonal: sWindow,
    trend: tWindow,
    lowPass: lWindow,
    seasonalDeg: 0,
    trendDeg: 1,
    lowPassDeg: 1,
    seasonalJump: Math.ceil(sWindow / 10),
    trendJump: Math.ceil(tWindow / 10),
    lowPassJump: Math.ceil(lWindow / 10),
    innerIter: 2,
    outerIter: 0,
  });
  const remainder = Float64Array.from(fit.resid);
  const withSeason = remainder.map((r, i) => r + (fit.seasonal[i] as number));
  return Math.max(0, Math.min(1, 1 - variance(remainder, 1) / variance(withSeason, 1)));
}

/** nsdiffs(x, test = "seas", max.D = 1). */
export function seasonalDifferences(x: Float64Array, m: number): number {
  if (isConstant(x) || m >= x.length || x.length <= 2 * m) return 0;
  try {
    return seasonalStrength(x, m) > 0.64 ? 1 : 0;
  } catch {
    return 0;
  }
}

/** ndiffs(x, test = "kpss", alpha = 0.05, max.d = 2) with forecast 8.20's lag trunc(3√n / 13). */
export function firstDifferences(x: Float64Array, maxD = 2): number {
  let d = 0;
  let w = x;
  if (isConstant(w)) return 0;
  const rejects = (v: Float64Array): boolean | null => {
    try {
      const k = kpssTest(v, { regression: 'c', nlags: Math.trunc((3 * Math.sqrt(v.length)) / 13) });
      return k.statistic > k.critical['5%'];
    } catch {
      return false;
    }
  };
  let dodiff = rejects(w);
  while (dodiff && d < maxD) {
    d++;
    w = differenced(w, 1, 0, 1);
    if (isConstant(w)) return d;
    dodiff = rejects(w);
  }
  return d;
}

/**
 * auto.arima's answer when the differenced series is constant: ARIMA(0,d,0)(0,D,0) with the
 * constant fixed at its mean (a drift per step when d + D = 1, R's mean(dx / m) after a seasonal
 * difference), or without one after two differences; the residuals are all zero.
 */
function polynomialFit(w: Float64Array, d: number, D: number, m: number): SarimaFit {
  const mu = mean(w);
  const constant = D === 0 ? d < 2 : d === 0;
  const drift = constant && d + D === 1 ? (D === 1 ? mu / m : mu) : 0;
  const level = constant && d + D === 0 ? mu : 0;
  return {
    candidate: { p: 0, d, q: 0, P: 0, D, Q: 0, s: m, constant },
    order: { p: 0, d, q: 0, P: 0, D, Q: 0, s: D > 0 ? m : 0 },
    coefficients: { ar: [], ma: [], sar: [], sma: [], mean: level, drift },
    rCoefficients: constant ? [level !== 0 ? level : drift] : [],
    loglik: Number.NaN,
    aic: Number.NaN,
    aicc: Number.NaN,
    sigma2: 0,
    ic: Number.NaN,
    method: 'CSS-ML',
  };
}

interface Limits {
  p: number;
  q: number;
  P: number;
  Q: number;
}

/** auto.arima(x) with its defaults on a series without missing values; throws when no model fits. */
export function autoArima(x: Float64Array, seasonalPeriod: number): AutoArimaResult {
  const n = x.length;
  if (n === 0) throw new Error('the series is empty');
  const m = Number.isInteger(seasonalPeriod) && seasonalPeriod > 1 ? seasonalPeriod : 1;
  const max: Limits = {
    p: Math.min(5, Math.floor(n / 3)),
    q: Math.min(5, Math.floor(n / 3)),
    P: m > 1 ? Math.min(2, Math.floor(n / 3 / m)) : 0,
    Q: m > 1 ? Math.min(2, Math.floor(n / 3 / m)) : 0,
  };
  const D = m > 1 ? seasonalDifferences(x, m) : 0;
  const dx = differenced(x, 0, D, m);
  let d = firstDifferences(dx);
  if (d > 0 && differenced(dx, d, 0, 1).length === 0) d--;
  const w = differenced(dx, d, 0, 1);
  if (w.length === 0) throw new Error('not enough data to fit ARIMA');
  if (isConstant(w)) return { fit: polynomialFit(w, d, D, m), tried: [], approximation: false };
  if (m > 1) {
    if (max.P > 0) max.p = Math.min(max.p, m - 1);
    if (max.Q > 0) max.q = Math.min(max.q, m - 1);
  }
  const approximation = n > 150 || m > 12;
  const method: FitMethod = approximation ? 'CSS' : 'CSS-ML';
  // auto.arima's offset for CSS criteria: −2·loglik − n·log σ² of the ML fit of (0,d,0)(0,D,0).
  let offset = 0;
  if (approximation) {
    const wn = fitSarima(
      x,
      { p: 0, d, q: 0, P: 0, D, Q: 0, s: m, constant: d + D === 0 },
      'CSS-ML',
    );
    if (wn && Number.isFinite(wn.loglik)) {
      const sigma2 = (wn.sigma2 * (w.length - (d + D === 0 ? 2 : 1) + 1)) / w.length;
      offset = -2 * wn.loglik - n * Math.log(sigma2);
    }
  }
  const allowConstant = d + D <= 1;
  const tried: AutoArimaResult['tried'] = [];
  const seen = new Set<string>();
  const key = (c: SarimaCandidate): string => `${c.p},${c.q},${c.P},${c.Q},${c.constant ? 1 : 0}`;
  let best: SarimaFit | null = null;
  let bestIc = Number.POSITIVE_INFINITY;
  const fitOne = (c: SarimaCandidate, how: FitMethod): SarimaFit | null =>
    fitSarima(x, c, how, offset);
  /** Fits a candidate once; true when it improves on the best so far. */
  const tryModel = (p: number, q: number, P: number, Q: number, constant: boolean): boolean => {
    const c: SarimaCandidate = { p, d, q, P, D, Q, s: m, constant };
    seen.add(key(c));
    const fit = fitOne(c, method);
    const ic = fit?.ic ?? Number.POSITIVE_INFINITY;
    tried.push({ candidate: c, ic });
    if (fit && ic < bestIc) {
      best = fit;
      bestIc = ic;
      return true;
    }
    return false;
  };
  const isNew = (p: number, q: number, P: number, Q: number, constant: boolean): boolean =>
    !seen.has(key({ p, d, q, P, D, Q, s: m, constant }));

  const short = n < 10;
  let p = Math.min(short ? 1 : 2, max.p);
  let q = Math.min(short ? 1 : 2, max.q);
  let P = Math.min(short ? 0 : 1, max.P);
  let Q = Math.min(short ? 0 : 1, max.Q);
  let constant = allowConstant;
  tryModel(p, q, P, Q, constant);
  if (tryModel(0, 0, 0, 0, constant)) p = q = P = Q = 0;
  if (max.p > 0 || max.P > 0) {
    const p1 = max.p > 0 ? 1 : 0;
    const P1 = m > 1 && max.P > 0 ? 1 : 0;
    if (tryModel(p1, 0, P1, 0, constant)) [p, P, q, Q] = [p1, P1, 0, 0];
  }
  if (max.q > 0 || max.Q > 0) {
    const q1 = max.q > 0 ? 1 : 0;
    const Q1 = m > 1 && max.Q > 0 ? 1 : 0;
    if (tryModel(0, q1, 0, Q1, constant)) [p, P, q, Q] = [0, 0, q1, Q1];
  }
  if (constant && tryModel(0, 0, 0, 0, false)) p = q = P = Q = 0;

  const NMODELS = 94;
  // The neighbourhood moves, in auto.arima's order: each taken as soon as it improves.
  const moves: [number, number, number, number][] = [
    [0, 0, -1, 0],
    [0, 0, 0, -1],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [0, 0, -1, -1],
    [0, 0, -1, 1],
    [0, 0, 1, -1],
    [0, 0, 1, 1],
    [-1, 0, 0, 0],
    [0, -1, 0, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [-1, -1, 0, 0],
    [-1, 1, 0, 0],
    [1, -1, 0, 0],
    [1, 1, 0, 0],
  ];
  const within = (a: number, b: number, A: number, B: number): boolean =>
    a >= 0 && b >= 0 && A >= 0 && B >= 0 && a <= max.p && b <= max.q && A <= max.P && B <= max.Q;
  let startk = 0;
  while (startk < tried.length && tried.length < NMODELS) {
    startk = tried.length;
    let moved = false;
    for (const [dp, dq, dP, dQ] of moves) {
      const [a, b, A, B] = [p + dp, q + dq, P + dP, Q + dQ];
      if (!within(a, b, A, B) || !isNew(a, b, A, B, constant)) continue;
      if (tried.length >= NMODELS) break;
      if (tryModel(a, b, A, B, constant)) {
        [p, q, P, Q] = [a, b, A, B];
        moved = true;
        break;
      }
    }
    if (moved) continue;
    if (allowConstant && isNew(p, q, P, Q, !constant) && tried.length < NMODELS) {
      if (tryModel(p, q, P, Q, !constant)) constant = !constant;
    }
  }

  if (approximation) {
    // Refit the candidates by exact likelihood, best CSS criterion first, until one is accepted.
    const order = tried
      .map((t, i) => ({ ...t, i }))
      .sort((a, b) => (a.ic === b.ic ? a.i - b.i : a.ic < b.ic ? -1 : 1));
    best = null;
    for (const t of order) {
      const fit = fitOne(t.candidate, 'CSS-ML');
      if (fit && fit.ic < Number.POSITIVE_INFINITY) {
        best = fit;
        break;
      }
    }
  }
  const chosen = best as SarimaFit | null;
  if (chosen === null || !(chosen.ic < Number.POSITIVE_INFINITY))
    throw new Error('no suitable ARIMA model found');
  return { fit: chosen, tried, approximation };
}
