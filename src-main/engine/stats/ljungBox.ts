// Ljung-Box portmanteau test, as statsmodels.stats.diagnostic.acorr_ljungbox(x, lags=[h],
// model_df) in 0.13.5: Q = n(n+2) Σ_{k≤h} r_k²/(n−k) against χ²(h − model_df).
import { acf } from './acf';
import { chiSquaredSf } from './distributions';
import { formatP } from './format';

export interface LjungBoxResult {
  statistic: number;
  /** NaN when lags ≤ modelDf (no degrees of freedom left), as statsmodels reports. */
  pValue: number;
  lags: number;
  df: number;
  verdict: string;
}

/** statsmodels' default when no lag is given: min(10, ⌊n/5⌋). */
export function defaultLjungBoxLag(n: number): number {
  return Math.min(10, Math.floor(n / 5));
}

export function ljungBox(
  x: Float64Array,
  lags = defaultLjungBoxLag(x.length),
  modelDf = 0,
): LjungBoxResult {
  const n = x.length;
  if (!Number.isInteger(lags) || lags < 1) throw new RangeError('lags must be a positive integer');
  if (!Number.isInteger(modelDf) || modelDf < 0) throw new RangeError('modelDf must be >= 0');
  const r = acf(x, lags);
  let sum = 0;
  for (let k = 1; k <= lags; k++) sum += (r[k] as number) ** 2 / (n - k);
  const statistic = n * (n + 2) * sum;
  const df = lags - modelDf;
  const pValue = df > 0 ? chiSquaredSf(statistic, df) : Number.NaN;
  return { statistic, pValue, lags, df, verdict: ljungBoxVerdict(pValue, lags) };
}

export function ljungBoxVerdict(pValue: number, lags: number, alpha = 0.05): string {
  if (Number.isNaN(pValue))
    return `Ljung-Box undefined: no degrees of freedom left at lag ${lags}.`;
  return pValue < alpha
    ? `Significant autocorrelation up to lag ${lags} (p = ${formatP(pValue)}).`
    : `No significant autocorrelation up to lag ${lags} (p = ${formatP(pValue)}): close to white noise.`;
}
