// Seasonal-trend decomposition by loess (Cleveland et al. 1990), reproducing
// statsmodels.tsa.seasonal.STL(x, period, ...).fit() of 0.13.5 step for step: cycle-subseries
// smoothing extended one period at both ends, the 3-stage moving-average low-pass, and the trend
// smooth, iterated `inner` times per outer (robustness) pass.
import { loessEstimate, loessSmooth } from './loess';

export interface StlOptions {
  /** Seasonal smoother span (odd, ≥ 3). Default 7. */
  seasonal?: number;
  /** Trend span (odd, > period). Default: next odd ≥ ceil(1.5·period / (1 − 1.5/seasonal)). */
  trend?: number;
  /** Low-pass span (odd, > period). Default: next odd > period. */
  lowPass?: number;
  seasonalDeg?: 0 | 1;
  trendDeg?: 0 | 1;
  lowPassDeg?: 0 | 1;
  seasonalJump?: number;
  trendJump?: number;
  lowPassJump?: number;
  robust?: boolean;
  /** Defaults as statsmodels: 2 when robust, else 5. */
  innerIter?: number;
  /** Defaults as statsmodels: 15 when robust, else 0. */
  outerIter?: number;
}

export interface StlResult {
  trend: number[];
  seasonal: number[];
  resid: number[];
  /** Robustness weights (all 1 unless robust). */
  weights: number[];
}

function isOddAtLeast3(v: number): boolean {
  return Number.isInteger(v) && v >= 3 && v % 2 === 1;
}

/** Moving average of span len over x[0..n) into ave[0..n−len]. */
function movingAverage(x: Float64Array, n: number, len: number, ave: Float64Array): void {
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i] as number;
  ave[0] = v / len;
  for (let j = 1, k = len, m = 0; j < n - len + 1; j++, k++, m++) {
    v += (x[k] as number) - (x[m] as number);
    ave[j] = v / len;
  }
}

export function stl(x: Float64Array, period: number, options: StlOptions = {}): StlResult {
  const n = x.length;
  if (!Number.isInteger(period) || period < 2)
    throw new RangeError('period must be an integer >= 2');
  const ns = options.seasonal ?? 7;
  if (!isOddAtLeast3(ns)) throw new RangeError('seasonal must be an odd integer >= 3');
  let nt = options.trend ?? Math.ceil((1.5 * period) / (1 - 1.5 / ns));
  if (options.trend === undefined && nt % 2 === 0) nt++;
  if (!isOddAtLeast3(nt) || nt <= period)
    throw new RangeError('trend must be odd, >= 3 and > period');
  let nl = options.lowPass ?? period + 1;
  if (options.lowPass === undefined && nl % 2 === 0) nl++;
  // statsmodels asks for a low-pass span above the period; R's stl takes nextodd(period), which
  // equals an odd period, so an explicit span may equal it.
  if (!isOddAtLeast3(nl) || nl < period || (options.lowPass === undefined && nl === period))
    throw new RangeError('low_pass must be odd, >= 3 and >= period');
  const robust = options.robust ?? false;
  const inner = options.innerIter ?? (robust ? 2 : 5);
  const outer = options.outerIter ?? (robust ? 15 : 0);
  const cfg = {
    n,
    np: period,
    ns,
    nt,
    nl,
    isdeg: options.seasonalDeg ?? 1,
    itdeg: options.trendDeg ?? 1,
    ildeg: options.lowPassDeg ?? 1,
    nsjump: options.seasonalJump ?? 1,
    ntjump: options.trendJump ?? 1,
    nljump: options.lowPassJump ?? 1,
  };
  for (const j of [cfg.nsjump, cfg.ntjump, cfg.nljump]) {
    if (!Number.isInteger(j) || j < 1) throw new RangeError('jumps must be positive integers');
  }
  const trend = new Float64Array(n);
  const season = new Float64Array(n);
  const rw = new Float64Array(n).fill(1);
  const width = n + 2 * period;
  const work = Array.from({ length: 5 }, () => new Float64Array(width));
  let useRw = false;
  for (let k = 0; ;) {
    oneStep(x, cfg, inner, useRw, rw, season, trend, work);
    k++;
    if (k > outer) break;
    const fit = work[0] as Float64Array;
    for (let i = 0; i < n; i++) fit[i] = (trend[i] as number) + (season[i] as number);
    robustnessWeights(x, fit, rw);
    useRw = true;
  }
  return {
    trend: Array.from(trend),
    seasonal: Array.from(season),
    resid: Array.from(x, (v, i) => v - (season[i] as number) - (trend[i] as number)),
    weights: Array.from(rw),
  };
}

interface Config {
  n: number;
  np: number;
  ns: number;
  nt: number;
  nl: number;
  isdeg: number;
  itdeg: number;
  ildeg: number;
  nsjump: number;
  ntjump: number;
  nljump: number;
}

function oneStep(
  y: Float64Array,
  c: Config,
  inner: number,
  useRw: boolean,
  rw: Float64Array,
  season: Float64Array,
  trend: Float64Array,
  work: Float64Array[],
): void {
  const [w0, w1, w2, w3, w4] = work as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const { n, np } = c;
  for (let it = 0; it < inner; it++) {
    for (let i = 0; i < n; i++) w0[i] = (y[i] as number) - (trend[i] as number);
    cycleSubseries(w0, c, useRw, rw, w1, w2, w3, w4, season);
    // Low-pass of the extended seasonal: MA(np), MA(np), MA(3), then loess.
    movingAverage(w1, n + 2 * np, np, w2);
    movingAverage(w2, n + np + 1, np, w0);
    movingAverage(w0, n + 2, 3, w2);
    loessSmooth(w2, n, c.nl, c.ildeg, c.nljump, false, w3, w0, w4);
    for (let i = 0; i < n; i++) {
      season[i] = (w1[np + i] as number) - (w0[i] as number);
      w0[i] = (y[i] as number) - (season[i] as number);
    }
    loessSmooth(w0, n, c.nt, c.itdeg, c.ntjump, useRw, rw, trend, w2);
  }
}

/** Smooths each cycle-subseries and extends it by one point before and after (the Fortran "ss"). */
function cycleSubseries(
  y: Float64Array,
  c: Config,
  useRw: boolean,
  rw: Float64Array,
  out: Float64Array,
  sub: Float64Array,
  smoothed: Float64Array,
  subRw: Float64Array,
  scratch: Float64Array,
): void {
  const { n, np, ns, isdeg, nsjump } = c;
  const inner = smoothed.subarray(1);
  for (let j = 0; j < np; j++) {
    const k = Math.floor((n - (j + 1)) / np) + 1;
    for (let i = 0; i < k; i++) sub[i] = y[i * np + j] as number;
    if (useRw) for (let i = 0; i < k; i++) subRw[i] = rw[i * np + j] as number;
    loessSmooth(sub, k, ns, isdeg, nsjump, useRw, subRw, inner, scratch);
    const first = loessEstimate(sub, k, ns, isdeg, 0, 1, Math.min(ns, k), scratch, useRw, subRw);
    smoothed[0] = Number.isNaN(first) ? (smoothed[1] as number) : first;
    const last = loessEstimate(
      sub,
      k,
      ns,
      isdeg,
      k + 1,
      Math.max(1, k - ns + 1),
      k,
      scratch,
      useRw,
      subRw,
    );
    smoothed[k + 1] = Number.isNaN(last) ? (smoothed[k] as number) : last;
    for (let m = 0; m < k + 2; m++) out[m * np + j] = smoothed[m] as number;
  }
}

/** Bisquare weights on |y − fit| scaled by 6·median (the Fortran "rwts"). */
function robustnessWeights(y: Float64Array, fit: Float64Array, rw: Float64Array): void {
  const n = y.length;
  for (let i = 0; i < n; i++) rw[i] = Math.abs((y[i] as number) - (fit[i] as number));
  const sorted = Float64Array.from(rw).sort();
  const m0 = Math.floor(n / 2);
  const cmad = 3 * ((sorted[m0] as number) + (sorted[n - m0 - 1] as number));
  if (cmad === 0) {
    rw.fill(1);
    return;
  }
  const c9 = 0.999 * cmad;
  const c1 = 0.001 * cmad;
  for (let i = 0; i < n; i++) {
    const r = rw[i] as number;
    rw[i] = r <= c1 ? 1 : r <= c9 ? (1 - (r / cmad) ** 2) ** 2 : 0;
  }
}
