// Moment-based checks on residuals: Jarque-Bera (scipy.stats.jarque_bera: biased moments, excess
// kurtosis, χ² with 2 df) and the one-sample t-test of a zero mean (scipy.stats.ttest_1samp).
import { chiSquaredSf, studentTSf } from '../stats/distributions';

export interface JarqueBeraResult {
  statistic: number;
  pValue: number;
  skewness: number;
  /** Excess (Fisher) kurtosis, 0 for a normal distribution, as scipy.stats.kurtosis. */
  excessKurtosis: number;
  /** Pearson kurtosis = excess + 3 (what statsmodels' jarque_bera reports). */
  kurtosis: number;
}

export function jarqueBera(x: Float64Array): JarqueBeraResult {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const v of x) {
    const d = v - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  const skewness = m3 / m2 ** 1.5;
  const kurtosis = m4 / (m2 * m2);
  const excessKurtosis = kurtosis - 3;
  const statistic = (n / 6) * (skewness * skewness + (excessKurtosis * excessKurtosis) / 4);
  return { statistic, pValue: chiSquaredSf(statistic, 2), skewness, excessKurtosis, kurtosis };
}

export interface OneSampleTTestResult {
  statistic: number;
  pValue: number;
  df: number;
  mean: number;
}

/** Two-sided test of H0: mean = mu0, with the ddof = 1 standard error. */
export function oneSampleTTest(x: Float64Array, mu0 = 0): OneSampleTTestResult {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  const df = n - 1;
  const statistic = (mean - mu0) / Math.sqrt(ss / df / n);
  return { statistic, pValue: 2 * studentTSf(Math.abs(statistic), df), df, mean };
}
