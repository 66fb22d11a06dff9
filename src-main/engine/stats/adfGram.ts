// ADF regressions (Δx_s on a constant, x_s and Δx_{s−1..s−L}) solved from cross-product sums:
// O(n·maxlag) to build the Gram matrix once, then O(maxlag³) for every candidate lag, instead of a
// Householder QR over all n rows. Each function returns null when the scaled Gram is too
// ill-conditioned for the normal equations to keep ~1e-9 relative accuracy, so callers fall back
// to the QR path.
import { factorGram, lastRegressorT, nestedSsr, type GramFactor } from './gramCholesky';
import { LaggedGram } from './laggedGram';
import { olsLogLikelihood } from './ols';

/** Condition bound above which a Gram solve is not trusted (ε·1e5 ≈ 2e-11 relative error). */
export const GRAM_CONDITION_LIMIT = 1e5;
/** Below this share of ‖y‖² the residual sum of squares r_yy² has lost too many digits. */
export const GRAM_MIN_RESIDUAL_SHARE = 1e-6;

export interface AdfGramSearch {
  usedLag: number;
  icBest: number;
  condition: number;
}

export interface AdfGramFit {
  statistic: number;
  condition: number;
}

/** Lagged Gram of Δx with the level x_s as the extra column, ready for lags ≤ maxlag. */
export function adfLaggedGram(x: Float64Array, diff: Float64Array, maxlag: number): LaggedGram {
  return new LaggedGram(diff, maxlag, x);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Trusted factor of the given columns (response last), or null. */
export function trustedFactor(g: Float64Array, k: number): GramFactor | null {
  const f = factorGram(g, k);
  if (f === null || !(f.condition <= GRAM_CONDITION_LIMIT)) return null;
  const ryy = f.r[k * k - 1] as number;
  return ryy * ryy >= GRAM_MIN_RESIDUAL_SHARE ? f : null;
}

/**
 * adfuller's autolag="AIC" search: lags 0..maxlag all fitted on the sample of the largest lag,
 * nested in column order [level, lag 1, …], so one factor gives every residual sum of squares.
 * Ties go to the smaller lag, as statsmodels' min over (aic, lag) pairs does. Also null when the
 * two best AICs are closer than the solve can resolve.
 */
export function adfAutolagGram(gram: LaggedGram, maxlag: number): AdfGramSearch | null {
  const ex = gram.maxLag + 1;
  const k = maxlag + 2;
  const f = trustedFactor(gram.centred(maxlag, [ex, ...range(1, maxlag), 0]), k);
  if (f === null) return null;
  const rows = gram.rowsFor(maxlag);
  let icBest = Number.POSITIVE_INFINITY;
  let runnerUp = Number.POSITIVE_INFINITY;
  let usedLag = 0;
  for (let lag = 0; lag <= maxlag; lag++) {
    // lag + 1 regressors besides the constant, lag + 2 parameters in statsmodels' count.
    const aic = -2 * olsLogLikelihood(nestedSsr(f, lag + 1), rows) + 2 * (lag + 2);
    if (aic < icBest) {
      runnerUp = icBest;
      icBest = aic;
      usedLag = lag;
    } else runnerUp = Math.min(runnerUp, aic);
  }
  // An AIC moves by rows·δssr/ssr; keep a wide margin over the ~condition·ε relative ssr error.
  const resolution = rows * 1e-13 * Math.max(1, f.condition);
  if (runnerUp - icBest <= resolution) return null;
  return { usedLag, icBest, condition: f.condition };
}

/** τ = t statistic of the level in the regression with `lag` lags on its own full sample. */
export function adfStatisticGram(gram: LaggedGram, lag: number): AdfGramFit | null {
  const ex = gram.maxLag + 1;
  const k = lag + 2;
  const f = trustedFactor(gram.centred(lag, [...range(1, lag), ex, 0]), k);
  if (f === null) return null;
  // Residual degrees of freedom: rows minus (constant + level + lags).
  const df = gram.rowsFor(lag) - (lag + 2);
  return { statistic: lastRegressorT(f, df), condition: f.condition };
}
