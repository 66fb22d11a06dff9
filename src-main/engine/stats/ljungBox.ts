// Ljung-Box and Box-Pierce portmanteau tests, as statsmodels.stats.diagnostic.acorr_ljungbox(x,
// lags=[h…], model_df, boxpierce) in 0.13.5: Q_LB = n(n+2) Σ_{k≤h} r_k²/(n−k) and
// Q_BP = n Σ_{k≤h} r_k², each against χ²(h − model_df).
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

export interface PortmanteauRow {
  lags: number;
  /** lags − modelDf; the p-values are NaN when it is ≤ 0. */
  df: number;
  ljungBox: { statistic: number; pValue: number };
  boxPierce: { statistic: number; pValue: number } | null;
}

export interface PortmanteauResult {
  modelDf: number;
  rows: PortmanteauRow[];
  /** What was run, in words. */
  label: string;
}

/** statsmodels' default when no lag is given: min(10, ⌊n/5⌋). */
export function defaultLjungBoxLag(n: number): number {
  return Math.min(10, Math.floor(n / 5));
}

function checkArgs(n: number, lags: readonly number[], modelDf: number): void {
  if (lags.length === 0) throw new RangeError('give at least one lag');
  for (const h of lags) {
    if (!Number.isInteger(h) || h < 1) throw new RangeError('lags must be positive integers');
    if (h >= n) throw new RangeError(`lag ${h} must be smaller than the series length (${n})`);
  }
  if (!Number.isInteger(modelDf) || modelDf < 0)
    throw new RangeError('modelDf must be an integer >= 0');
}

/** Both statistics at each of the given lags, from one ACF up to the largest. */
export function portmanteau(
  x: Float64Array,
  lags: readonly number[],
  modelDf = 0,
  boxPierce = false,
): PortmanteauResult {
  const n = x.length;
  checkArgs(n, lags, modelDf);
  const maxLag = Math.max(...lags);
  const r = acf(x, maxLag);
  const lb = new Float64Array(maxLag + 1);
  const bp = new Float64Array(maxLag + 1);
  let sumLb = 0;
  let sumBp = 0;
  for (let k = 1; k <= maxLag; k++) {
    const r2 = (r[k] as number) ** 2;
    sumLb += r2 / (n - k);
    sumBp += r2;
    lb[k] = n * (n + 2) * sumLb;
    bp[k] = n * sumBp;
  }
  const rows = lags.map((h): PortmanteauRow => {
    const df = h - modelDf;
    const p = (q: number): number => (df > 0 ? chiSquaredSf(q, df) : Number.NaN);
    const qLb = lb[h] as number;
    const qBp = bp[h] as number;
    return {
      lags: h,
      df,
      ljungBox: { statistic: qLb, pValue: p(qLb) },
      boxPierce: boxPierce ? { statistic: qBp, pValue: p(qBp) } : null,
    };
  });
  const tests = boxPierce ? 'Ljung-Box and Box-Pierce' : 'Ljung-Box';
  const df = modelDf > 0 ? `, χ² df = lags − ${modelDf} fitted parameters` : '';
  return {
    modelDf,
    rows,
    label: `${tests} Q at lag${lags.length > 1 ? 's' : ''} ${lags.join(', ')}${df}`,
  };
}

export function ljungBox(
  x: Float64Array,
  lags = defaultLjungBoxLag(x.length),
  modelDf = 0,
): LjungBoxResult {
  const n = x.length;
  if (!Number.isInteger(lags) || lags < 1) throw new RangeError('lags must be a positive integer');
  if (!Number.isInteger(modelDf) || modelDf < 0) throw new RangeError('modelDf must be >= 0');
  if (lags >= n) throw new RangeError(`lag ${lags} must be smaller than the series length (${n})`);
  const row = portmanteau(x, [lags], modelDf).rows[0] as PortmanteauRow;
  const { statistic, pValue } = row.ljungBox;
  return { statistic, pValue, lags, df: row.df, verdict: ljungBoxVerdict(pValue, lags) };
}

export function ljungBoxVerdict(
  pValue: number,
  lags: number,
  alpha = 0.05,
  test = 'Ljung-Box',
): string {
  if (Number.isNaN(pValue)) return `${test} undefined: no degrees of freedom left at lag ${lags}.`;
  return pValue < alpha
    ? `Significant autocorrelation up to lag ${lags} (p = ${formatP(pValue)}).`
    : `No significant autocorrelation up to lag ${lags} (p = ${formatP(pValue)}): close to white noise.`;
}
