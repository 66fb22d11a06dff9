// Ordinary least squares with the summary numbers statsmodels' OLS results expose (params, bse,
// tvalues, llf, aic), on top of the Householder solver.
import { leastSquares } from './linalg';

export interface OlsResult {
  params: number[];
  bse: number[];
  tvalues: number[];
  ssr: number;
  nobs: number;
  /** Gaussian log-likelihood at the MLE of σ²: −n/2·(ln 2π + ln(ssr/n) + 1). */
  llf: number;
  /** −2·llf + 2·p, p = number of columns (the constant included), as statsmodels counts it. */
  aic: number;
}

/** Gaussian log-likelihood of a least-squares fit with the given residual sum of squares. */
export function olsLogLikelihood(ssr: number, nobs: number): number {
  return -0.5 * nobs * (Math.log(2 * Math.PI) + Math.log(ssr / nobs) + 1);
}

/** Fits y on the given regressor columns (include a column of ones for an intercept). */
export function ols(columns: readonly Float64Array[], y: Float64Array): OlsResult {
  const n = y.length;
  const p = columns.length;
  const design = new Float64Array(n * p);
  columns.forEach((c, j) => {
    if (c.length !== n) throw new RangeError('regressor length differs from the response');
    design.set(c, j * n);
  });
  const fit = leastSquares(design, n, p, y);
  const scale = fit.ssr / (n - p);
  const params = Array.from(fit.coef);
  const bse = Array.from(fit.covDiag, (d) => Math.sqrt(d * scale));
  const llf = olsLogLikelihood(fit.ssr, n);
  return {
    params,
    bse,
    tvalues: params.map((b, j) => b / (bse[j] as number)),
    ssr: fit.ssr,
    nobs: n,
    llf,
    aic: -2 * llf + 2 * p,
  };
}
