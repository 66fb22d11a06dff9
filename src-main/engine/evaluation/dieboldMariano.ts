// Diebold-Mariano comparison of two forecasts' errors, matching R forecast::dm.test 8.20 with its
// default variance estimator ("acf": unweighted autocovariances up to lag h−1) and the
// Harvey-Leybourne-Newbold small-sample correction, referred to a t distribution with n−1 df.
import { studentTCdf, studentTSf } from '../stats/distributions';
import { oneSampleTTest } from './normalityTests';

export type Alternative = 'two.sided' | 'less' | 'greater';

export interface DieboldMarianoOptions {
  /** Forecast horizon of the errors; autocovariances up to lag h−1 enter the variance. */
  h?: number;
  /** 1: absolute-error loss, 2: squared-error loss. */
  power?: 1 | 2;
  alternative?: Alternative;
  /** Significance level used only for the verdict wording. */
  level?: number;
}

export interface DieboldMarianoResult {
  statistic: number;
  pValue: number;
  n: number;
  /** The horizon actually used (1 when the h-step variance was not positive, as dm.test does). */
  h: number;
  power: 1 | 2;
  alternative: Alternative;
  meanLossDifferential: number;
  verdict: string;
  note?: string;
}

/** Autocovariances of d at lags 0..maxLag with denominator n (as R's acf(type = "covariance")). */
export function autocovariances(d: Float64Array, maxLag: number): number[] {
  const n = d.length;
  let mean = 0;
  for (const v of d) mean += v;
  mean /= n;
  const out: number[] = [];
  for (let k = 0; k <= maxLag; k++) {
    let s = 0;
    for (let t = k; t < n; t++) s += ((d[t] as number) - mean) * ((d[t - k] as number) - mean);
    out.push(s / n);
  }
  return out;
}

function pValueFor(statistic: number, df: number, alternative: Alternative): number {
  if (alternative === 'less') return studentTCdf(statistic, df);
  if (alternative === 'greater') return studentTSf(statistic, df);
  return 2 * studentTCdf(-Math.abs(statistic), df);
}

export function dieboldMarianoTest(
  e1: Float64Array,
  e2: Float64Array,
  options: DieboldMarianoOptions = {},
): DieboldMarianoResult {
  const { power = 2, alternative = 'two.sided', level = 0.05 } = options;
  const requestedH = options.h ?? 1;
  if (e1.length !== e2.length)
    throw new RangeError('dieboldMarianoTest: error series differ in length');
  if (!Number.isInteger(requestedH) || requestedH < 1)
    throw new RangeError('h must be a positive integer');
  const n = e1.length;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = Math.abs(e1[i] as number) ** power - Math.abs(e2[i] as number) ** power;
  }
  let mean = 0;
  for (const v of d) mean += v;
  mean /= n;

  let h = requestedH;
  let note: string | undefined;
  let variance = varianceOfMean(d, h);
  if (!(variance > 0) && h > 1) {
    note = `The ${h}-step variance estimate was not positive, so h = 1 was used instead (as dm.test does).`;
    h = 1;
    variance = varianceOfMean(d, 1);
  }
  const base = { n, h, power, alternative, meanLossDifferential: mean };
  if (!(variance > 0) || n < 2) {
    return {
      ...base,
      statistic: Number.NaN,
      pValue: Number.NaN,
      verdict:
        'No test possible: the two forecasts have identical losses (zero variance of the loss difference).',
      ...(note === undefined ? {} : { note }),
    };
  }
  // Harvey, Leybourne & Newbold (1997) correction factor.
  const k = Math.sqrt((n + 1 - 2 * h + (h / n) * (h - 1)) / n);
  const statistic = (mean / Math.sqrt(variance)) * k;
  const pValue = pValueFor(statistic, n - 1, alternative);
  return {
    ...base,
    statistic,
    pValue,
    verdict: dmVerdict(pValue, alternative, mean, level),
    ...(note === undefined ? {} : { note }),
  };
}

function varianceOfMean(d: Float64Array, h: number): number {
  const gamma = autocovariances(d, h - 1);
  let s = gamma[0] as number;
  for (let k = 1; k < gamma.length; k++) s += 2 * (gamma[k] as number);
  return s / d.length;
}

function dmVerdict(p: number, alternative: Alternative, mean: number, level: number): string {
  const pct = `${+(level * 100).toFixed(2)}%`;
  const pText = `p = ${p < 1e-4 ? p.toExponential(2) : p.toFixed(4)}`;
  if (p >= level) {
    const what =
      alternative === 'two.sided'
        ? 'a difference in accuracy'
        : alternative === 'less'
          ? 'forecast 1 being more accurate'
          : 'forecast 2 being more accurate';
    return `No significant evidence of ${what} at the ${pct} level (${pText}).`;
  }
  const better = alternative === 'two.sided' ? (mean < 0 ? 1 : 2) : alternative === 'less' ? 1 : 2;
  return `Forecast ${better} is significantly more accurate than forecast ${3 - better} at the ${pct} level (${pText}).`;
}

export interface PairedTTestResult {
  statistic: number;
  pValue: number;
  df: number;
  mean: number;
  verdict: string;
}

/**
 * Ordinary paired t-test on loss differentials d (two-sided, H0: E[d] = 0). It ignores the
 * autocorrelation of d, which is why the Diebold-Mariano test is the primary comparison.
 */
export function pairedTTest(d: Float64Array, level = 0.05): PairedTTestResult {
  const { statistic, pValue, df, mean } = oneSampleTTest(d, 0);
  // A finite statistic needs two or more values and a positive standard error.
  if (d.length < 2 || !Number.isFinite(statistic)) {
    return {
      statistic: Number.NaN,
      pValue: Number.NaN,
      df,
      mean,
      verdict: 'No test possible: fewer than two values or no variation in the differences.',
    };
  }
  const verdict =
    pValue < level
      ? `The mean loss difference (${mean.toPrecision(4)}) differs significantly from zero (p = ${pValue.toFixed(4)}); forecast ${mean < 0 ? 1 : 2} has the lower loss.`
      : `The mean loss difference is not significantly different from zero (p = ${pValue.toFixed(4)}).`;
  return { statistic, pValue, df, mean, verdict };
}
