// KPSS stationarity test, as statsmodels.tsa.stattools.kpss(x, regression="c"|"ct", nlags) in
// 0.13.5: residuals from the mean (level) or from an OLS line on t = 1..n (trend), Bartlett-kernel
// long-run variance, lag count by Hobijn et al. (1998) when "auto" or ⌈12·(n/100)^¼⌉ when
// "legacy", and a p-value interpolated in the KPSS (1992) table, which only spans 0.01..0.10.
import { formatP } from './format';
import { ols } from './ols';

export type KpssRegression = 'c' | 'ct';
export type KpssNlags = 'auto' | 'legacy' | number;
export const KPSS_REGRESSIONS: readonly KpssRegression[] = ['c', 'ct'];

export interface KpssOptions {
  regression?: KpssRegression;
  nlags?: KpssNlags;
}

export interface KpssResult {
  statistic: number;
  pValue: number;
  lags: number;
  /** 'below': the true p-value is smaller than the reported 0.01; 'above': larger than 0.10. */
  pValueClipped: 'below' | 'above' | null;
  critical: Record<'10%' | '5%' | '2.5%' | '1%', number>;
  regression: KpssRegression;
  /** How the lag count was chosen. */
  nlagsMethod: 'auto' | 'legacy' | 'fixed';
  /** What was run, in words. */
  label: string;
  verdict: string;
}

const CRIT_TABLES: Record<KpssRegression, readonly number[]> = {
  c: [0.347, 0.463, 0.574, 0.739],
  ct: [0.119, 0.146, 0.176, 0.216],
};
const PVALS = [0.1, 0.05, 0.025, 0.01];

function laggedDot(e: Float64Array, lag: number): number {
  let s = 0;
  for (let t = lag; t < e.length; t++) s += (e[t] as number) * (e[t - lag] as number);
  return s;
}

/** Hobijn, Franses & Ooms (1998) bandwidth for the Bartlett kernel. */
export function kpssAutolag(resids: Float64Array): number {
  const n = resids.length;
  const covlags = Math.floor(Math.pow(n, 2 / 9));
  let s0 = laggedDot(resids, 0) / n;
  let s1 = 0;
  for (let i = 1; i <= covlags; i++) {
    const prod = laggedDot(resids, i) / (n / 2);
    s0 += prod;
    s1 += i * prod;
  }
  const sHat = s1 / s0;
  const gammaHat = 1.1447 * Math.pow(sHat * sHat, 1 / 3);
  return Math.trunc(gammaHat * Math.pow(n, 1 / 3));
}

/** numpy.interp of the statistic in the (increasing) critical-value table. */
function interpolateP(stat: number, crit: readonly number[]): number {
  if (stat <= (crit[0] as number)) return PVALS[0] as number;
  if (stat >= (crit[3] as number)) return PVALS[3] as number;
  let j = 0;
  while (stat >= (crit[j + 1] as number)) j++;
  const x0 = crit[j] as number;
  const f0 = PVALS[j] as number;
  const slope = ((PVALS[j + 1] as number) - f0) / ((crit[j + 1] as number) - x0);
  return slope * (stat - x0) + f0;
}

/** Residuals of x on a constant (level) or on a constant and t = 1..n (trend). */
function kpssResiduals(x: Float64Array, regression: KpssRegression): Float64Array {
  const n = x.length;
  if (regression === 'ct') {
    const t = Float64Array.from({ length: n }, (_, i) => i + 1);
    const { params } = ols([new Float64Array(n).fill(1), t], x);
    const [a, b] = params as [number, number];
    return Float64Array.from(x, (v, i) => v - (a + b * (t[i] as number)));
  }
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i] as number;
  m /= n;
  return Float64Array.from(x, (v) => v - m);
}

export function kpssTest(x: Float64Array, options: KpssOptions = {}): KpssResult {
  const n = x.length;
  if (n < 3) throw new RangeError('KPSS needs at least 3 observations');
  const regression = options.regression ?? 'c';
  if (!KPSS_REGRESSIONS.includes(regression))
    throw new RangeError(`KPSS regression must be one of ${KPSS_REGRESSIONS.join(', ')}`);
  const crit = CRIT_TABLES[regression];
  const resids = kpssResiduals(x, regression);
  const requested = options.nlags ?? 'auto';
  let lags: number;
  if (requested === 'auto') {
    lags = Math.min(kpssAutolag(resids), n - 1);
  } else if (requested === 'legacy') {
    lags = Math.min(Math.ceil(12 * Math.pow(n / 100, 1 / 4)), n - 1);
  } else {
    if (!Number.isInteger(requested) || requested < 0 || requested >= n) {
      throw new RangeError(`KPSS lags (${requested}) must be an integer in [0, ${n})`);
    }
    lags = requested;
  }
  let cum = 0;
  let eta = 0;
  for (let i = 0; i < n; i++) {
    cum += resids[i] as number;
    eta += cum * cum;
  }
  eta /= n * n;
  let sHat = laggedDot(resids, 0);
  for (let i = 1; i <= lags; i++) sHat += 2 * laggedDot(resids, i) * (1 - i / (lags + 1));
  sHat /= n;
  const statistic = eta / sHat;
  const pValue = interpolateP(statistic, crit);
  const pValueClipped =
    statistic >= (crit[3] as number) ? 'below' : statistic <= (crit[0] as number) ? 'above' : null;
  const nlagsMethod = requested === 'auto' || requested === 'legacy' ? requested : 'fixed';
  return {
    statistic,
    pValue,
    lags,
    pValueClipped,
    critical: {
      '10%': crit[0] as number,
      '5%': crit[1] as number,
      '2.5%': crit[2] as number,
      '1%': crit[3] as number,
    },
    regression,
    nlagsMethod,
    label: kpssLabel(regression, nlagsMethod, lags),
    verdict: kpssVerdict(pValue, pValueClipped, regression),
  };
}

export function kpssLabel(
  regression: KpssRegression,
  nlagsMethod: KpssResult['nlagsMethod'],
  lags: number,
): string {
  const what = regression === 'ct' ? 'trend stationarity' : 'level stationarity';
  const lag =
    nlagsMethod === 'auto'
      ? `${lags} lags chosen by Hobijn et al.`
      : nlagsMethod === 'legacy'
        ? `${lags} lags by ⌈12·(n/100)^¼⌉`
        : `fixed ${lags} lags`;
  return `KPSS ${what}, Bartlett kernel, ${lag}, table p-value (0.01–0.10, clipped outside)`;
}

export function kpssVerdict(
  pValue: number,
  clipped: KpssResult['pValueClipped'],
  regression: KpssRegression = 'c',
): string {
  const what = regression === 'ct' ? 'Trend' : 'Level';
  const p =
    clipped === 'below'
      ? 'p < 0.01, table bound'
      : clipped === 'above'
        ? 'p > 0.1, table bound'
        : `p = ${formatP(pValue)}`;
  return pValue < 0.05 || clipped === 'below'
    ? `${what} stationarity rejected at 5% (${p}): the series looks non-stationary.`
    : `${what} stationarity not rejected at 5% (${p}): the series looks ${regression === 'ct' ? 'trend-stationary' : 'stationary'}.`;
}
