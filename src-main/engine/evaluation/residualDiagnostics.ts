// Residual checks for a fitted forecaster, in original units: is the error centred on zero, free
// of autocorrelation, and roughly Gaussian? Each check comes with a verdict in words for the UI.
import { acf, defaultNlags } from '../stats/acf';
import { normalQuantile } from '../stats/distributions';
import { ljungBox } from '../stats/ljungBox';
import { histogram, type BinRule, type Histogram } from './histogram';
import {
  jarqueBera,
  oneSampleTTest,
  type JarqueBeraResult,
  type OneSampleTTestResult,
} from './normalityTests';

export interface ResidualDiagnosticsOptions {
  binRule?: BinRule;
  /** ACF lags to show; default statsmodels' min(⌊10·log10 n⌋, ⌊n/2⌋ − 1), at least 1. */
  acfLags?: number;
  /** Significance level for the verdicts. */
  level?: number;
  /**
   * Fitted ARMA parameters (p + q) of the model whose in-sample residuals these are: Ljung-Box
   * then uses χ²(lags − modelDf), as statsmodels' model_df. 0 (default) for forecast errors.
   */
  modelDf?: number;
}

export interface QqPoints {
  /** Φ⁻¹((i − 0.5)/n), i = 1..n. */
  theoretical: Float64Array;
  /** Sorted (r − mean)/sd. */
  sample: Float64Array;
}

export interface ResidualAcf {
  /** Autocorrelations at lags 0..k. */
  values: number[];
  /** White-noise band half-width z_{0.975}/√n (not Bartlett's: the null here is "no structure"). */
  band: number;
  outsideBand: number;
}

export interface LjungBoxSummary {
  statistic: number;
  pValue: number;
  lags: number;
  /** χ² degrees of freedom: lags − modelDf. */
  df: number;
}

export interface ResidualVerdicts {
  mean: string;
  autocorrelation: string;
  normality: string;
}

export interface ResidualDiagnostics {
  /** actual − predicted, pairs with a missing value dropped. */
  residuals: Float64Array;
  n: number;
  mean: number;
  /** Sample standard deviation (ddof 1). */
  std: number;
  histogram: Histogram;
  qq: QqPoints;
  acf: ResidualAcf;
  /** At lags min(10, ⌊n/5⌋); null when n < 5. */
  ljungBox: LjungBoxSummary | null;
  jarqueBera: JarqueBeraResult;
  meanZeroTTest: OneSampleTTestResult;
  verdicts: ResidualVerdicts;
}

const fmtP = (p: number): string => (p < 1e-4 ? p.toExponential(1) : p.toFixed(4));
const fmt = (v: number): string => v.toPrecision(3);

export function residualDiagnostics(
  actual: Float64Array,
  predicted: Float64Array,
  options: ResidualDiagnosticsOptions = {},
): ResidualDiagnostics {
  if (actual.length !== predicted.length)
    throw new RangeError('actual and predicted differ in length');
  const level = options.level ?? 0.05;
  const kept: number[] = [];
  for (let i = 0; i < actual.length; i++) {
    const r = (actual[i] as number) - (predicted[i] as number);
    if (Number.isFinite(r)) kept.push(r);
  }
  const residuals = Float64Array.from(kept);
  const n = residuals.length;
  if (n < 4) throw new RangeError(`Residual diagnostics need at least 4 residuals; got ${n}.`);
  const mean = kept.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(kept.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));

  const sortedStd = Float64Array.from(residuals, (r) => (std > 0 ? (r - mean) / std : 0)).sort();
  const qq: QqPoints = {
    theoretical: Float64Array.from({ length: n }, (_, i) => normalQuantile((i + 0.5) / n)),
    sample: sortedStd,
  };

  const k = Math.min(n - 1, options.acfLags ?? Math.max(1, defaultNlags(n)));
  const values = std > 0 ? acf(residuals, k) : [1, ...new Array<number>(k).fill(0)];
  const band = normalQuantile(0.975) / Math.sqrt(n);
  const outsideBand = values.slice(1).filter((v) => Math.abs(v) > band).length;

  const lbLags = Math.min(10, Math.floor(n / 5));
  const modelDf = options.modelDf ?? 0;
  const lb = lbLags >= 1 && std > 0 ? ljungBox(residuals, lbLags, modelDf) : null;
  const jb = jarqueBera(residuals);
  const tt = oneSampleTTest(residuals, 0);

  return {
    residuals,
    n,
    mean,
    std,
    histogram: histogram(residuals, options.binRule ?? 'fd', mean, std),
    qq,
    acf: { values, band, outsideBand },
    ljungBox:
      lb === null ? null : { statistic: lb.statistic, pValue: lb.pValue, lags: lbLags, df: lb.df },
    jarqueBera: jb,
    meanZeroTTest: tt,
    verdicts: {
      mean: meanVerdict(tt, level),
      autocorrelation: autocorrelationVerdict(lb, lbLags, outsideBand, k, level, modelDf),
      normality: normalityVerdict(jb, level),
    },
  };
}

function meanVerdict(t: OneSampleTTestResult, level: number): string {
  if (!Number.isFinite(t.pValue))
    return 'The residuals are all equal, so the mean cannot be tested.';
  if (t.pValue >= level) {
    return `The mean residual (${fmt(t.mean)}) is not significantly different from zero (t-test p = ${fmtP(t.pValue)}): no evidence of bias.`;
  }
  const direction = t.mean > 0 ? 'too low (under-forecasting)' : 'too high (over-forecasting)';
  return `The mean residual (${fmt(t.mean)}) differs significantly from zero (p = ${fmtP(t.pValue)}): the forecasts are systematically ${direction}.`;
}

function autocorrelationVerdict(
  lb: { statistic: number; pValue: number } | null,
  lags: number,
  outside: number,
  shown: number,
  level: number,
  modelDf = 0,
): string {
  const acfPart = `${outside} of ${shown} ACF lags fall outside the ±1.96/√n band (about ${fmt(0.05 * shown)} expected by chance).`;
  if (lb === null) return `Too few residuals for a Ljung-Box test. ${acfPart}`;
  const df = modelDf > 0 ? ` on ${lags - modelDf} df (${modelDf} fitted ARMA parameters)` : '';
  const test = `Ljung-Box Q(${lags}) = ${fmt(lb.statistic)}${df}, p = ${fmtP(lb.pValue)}`;
  return lb.pValue < level
    ? `The residuals are autocorrelated (${test}): the model leaves predictable structure unused. ${acfPart}`
    : `No significant autocorrelation in the residuals (${test}). ${acfPart}`;
}

function normalityVerdict(jb: JarqueBeraResult, level: number): string {
  const shape = `skewness ${fmt(jb.skewness)}, excess kurtosis ${fmt(jb.excessKurtosis)}`;
  if (!Number.isFinite(jb.pValue))
    return 'The residuals have no spread, so normality cannot be tested.';
  return jb.pValue < level
    ? `The residuals are not normally distributed (Jarque-Bera ${fmt(jb.statistic)}, p = ${fmtP(jb.pValue)}; ${shape}): Gaussian intervals may be miscalibrated; conformal intervals do not assume normality.`
    : `No significant departure from normality (Jarque-Bera p = ${fmtP(jb.pValue)}; ${shape}).`;
}
