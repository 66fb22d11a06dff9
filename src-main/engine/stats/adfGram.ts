// ADF regressions (Δx_s on a constant, x_s and Δx_{s−1..s−L}) solved from cross-product sums:
// O(n·maxlag) to build the Gram matrix once, then O(maxlag³) for every candidate lag, instead of a
// Householder QR over all n rows. Each function returns null when its first-order error bound
// says the normal equations cannot guarantee the accuracy asked for, so callers fall back to QR.
import {
  factorGram,
  GRAM_CONDITION_LIMIT,
  lastRegressorT,
  lastRegressorTError,
  nestedSsr,
  nestedSsrRelativeError,
} from './gramCholesky';
import { LaggedGram } from './laggedGram';
import { olsLogLikelihood } from './ols';

/** Largest accepted error bound on τ, relative to max(|τ|, 1). */
export const GRAM_T_TOLERANCE = 1e-9;

export interface AdfGramSearch {
  usedLag: number;
  icBest: number;
  condition: number;
  /** Bound on the absolute error of any of the AICs compared. */
  aicError: number;
}

export interface AdfGramFit {
  statistic: number;
  condition: number;
  /** Bound on the absolute error of the statistic. */
  error: number;
}

/** Lagged Gram of Δx with the level x_s as the extra column, ready for lags ≤ maxlag. */
export function adfLaggedGram(x: Float64Array, diff: Float64Array, maxlag: number): LaggedGram {
  return new LaggedGram(diff, maxlag, x);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/**
 * adfuller's autolag="AIC" (or "BIC") search: lags 0..maxlag all fitted on the sample of the largest lag,
 * nested in column order [level, lag 1, …], so one factor gives every residual sum of squares.
 * Ties go to the smaller lag, as statsmodels' min over (aic, lag) pairs does. null when some
 * rival's AIC is within the error bounds of the best, as the choice could then differ from QR's.
 */
export function adfAutolagGram(
  gram: LaggedGram,
  maxlag: number,
  conditionLimit = GRAM_CONDITION_LIMIT,
  criterion: 'AIC' | 'BIC' = 'AIC',
): AdfGramSearch | null {
  const ex = gram.maxLag + 1;
  const f = factorGram(gram.centred(maxlag, [ex, ...range(1, maxlag), 0]), maxlag + 2);
  if (f === null || !(f.condition <= conditionLimit)) return null;
  const rows = gram.rowsFor(maxlag);
  // AIC charges 2 per parameter, BIC ln(nobs), as statsmodels' OLS results do.
  const penalty = criterion === 'BIC' ? Math.log(rows) : 2;
  const aics = new Float64Array(maxlag + 1);
  const errors = new Float64Array(maxlag + 1);
  let usedLag = 0;
  for (let lag = 0; lag <= maxlag; lag++) {
    // lag + 1 regressors besides the constant, lag + 2 parameters in statsmodels' count; an AIC
    // moves by rows·δssr/ssr.
    aics[lag] = -2 * olsLogLikelihood(nestedSsr(f, lag + 1), rows) + penalty * (lag + 2);
    errors[lag] = rows * nestedSsrRelativeError(f, lag + 1);
    if ((aics[lag] as number) < (aics[usedLag] as number)) usedLag = lag;
  }
  const icBest = aics[usedLag] as number;
  const bestError = errors[usedLag] as number;
  let aicError = 0;
  for (let lag = 0; lag <= maxlag; lag++) {
    const e = errors[lag] as number;
    aicError = Math.max(aicError, e);
    if (lag !== usedLag && (aics[lag] as number) - icBest <= e + bestError) return null;
  }
  return { usedLag, icBest, condition: f.condition, aicError };
}

/** τ = t statistic of the level in the regression with `lag` lags on its own full sample. */
export function adfStatisticGram(
  gram: LaggedGram,
  lag: number,
  conditionLimit = GRAM_CONDITION_LIMIT,
  tolerance = GRAM_T_TOLERANCE,
): AdfGramFit | null {
  const ex = gram.maxLag + 1;
  const f = factorGram(gram.centred(lag, [...range(1, lag), ex, 0]), lag + 2);
  if (f === null || !(f.condition <= conditionLimit)) return null;
  // Residual degrees of freedom: rows minus (constant + level + lags).
  const df = gram.rowsFor(lag) - (lag + 2);
  const statistic = lastRegressorT(f, df);
  const error = lastRegressorTError(f, df);
  if (!(error <= tolerance * Math.max(1, Math.abs(statistic)))) return null;
  return { statistic, condition: f.condition, error };
}
