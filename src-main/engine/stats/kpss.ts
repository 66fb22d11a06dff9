// KPSS level-stationarity test, as statsmodels.tsa.stattools.kpss(x, regression="c", nlags) in
// 0.13.5: Bartlett-kernel long-run variance, lag count by Hobijn et al. (1998) when "auto", and a
// p-value interpolated in the KPSS (1992) table, which only spans 0.01..0.10.
import { formatP } from './format';

export interface KpssOptions {
  regression?: 'c';
  nlags?: 'auto' | number;
}

export interface KpssResult {
  statistic: number;
  pValue: number;
  lags: number;
  /** 'below': the true p-value is smaller than the reported 0.01; 'above': larger than 0.10. */
  pValueClipped: 'below' | 'above' | null;
  critical: Record<'10%' | '5%' | '2.5%' | '1%', number>;
  verdict: string;
}

const CRIT = [0.347, 0.463, 0.574, 0.739];
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
function interpolateP(stat: number): number {
  if (stat <= (CRIT[0] as number)) return PVALS[0] as number;
  if (stat >= (CRIT[3] as number)) return PVALS[3] as number;
  let j = 0;
  while (stat >= (CRIT[j + 1] as number)) j++;
  const x0 = CRIT[j] as number;
  const f0 = PVALS[j] as number;
  const slope = ((PVALS[j + 1] as number) - f0) / ((CRIT[j + 1] as number) - x0);
  return slope * (stat - x0) + f0;
}

export function kpssTest(x: Float64Array, options: KpssOptions = {}): KpssResult {
  const n = x.length;
  if (n < 3) throw new RangeError('KPSS needs at least 3 observations');
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i] as number;
  m /= n;
  const resids = Float64Array.from(x, (v) => v - m);
  const requested = options.nlags ?? 'auto';
  let lags: number;
  if (requested === 'auto') {
    lags = Math.min(kpssAutolag(resids), n - 1);
  } else {
    if (!Number.isInteger(requested) || requested < 0 || requested >= n) {
      throw new RangeError(`lags (${requested}) must be an integer in [0, ${n})`);
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
  const pValue = interpolateP(statistic);
  const pValueClipped =
    statistic >= (CRIT[3] as number) ? 'below' : statistic <= (CRIT[0] as number) ? 'above' : null;
  return {
    statistic,
    pValue,
    lags,
    pValueClipped,
    critical: { '10%': 0.347, '5%': 0.463, '2.5%': 0.574, '1%': 0.739 },
    verdict: kpssVerdict(pValue, pValueClipped),
  };
}

export function kpssVerdict(pValue: number, clipped: KpssResult['pValueClipped']): string {
  const p =
    clipped === 'below'
      ? 'p < 0.01, table bound'
      : clipped === 'above'
        ? 'p > 0.1, table bound'
        : `p = ${formatP(pValue)}`;
  return pValue < 0.05 || clipped === 'below'
    ? `Level stationarity rejected at 5% (${p}): the series looks non-stationary.`
    : `Level stationarity not rejected at 5% (${p}): the series looks stationary.`;
}
