// Cholesky factor of a centred cross-product matrix [X y]ᵀ[X y] (response last), scaled to unit
// diagonal first so the condition bound is about the columns' geometry, not their units. The factor
// is the R of a QR of [X y] up to column signs, so nested fits, residual sums of squares and the
// t statistic of the last regressor read straight off it.
import { GRAM_SUM_CHUNK } from './laggedGram';

/** Beyond this condition bound the first-order error bounds below are not trustworthy. */
export const GRAM_CONDITION_LIMIT = 1e10;

export interface GramFactor {
  /** Number of columns, response included. */
  k: number;
  /** Upper-triangular factor of the scaled matrix, row-major k×k. */
  r: Float64Array;
  /** √diag of the unscaled matrix (the column norms). */
  norms: Float64Array;
  /**
   * Upper bound on the 2-norm condition number of the scaled regressor block:
   * ‖G‖∞ · trace(G⁻¹) ≥ λmax/λmin. Normal equations lose about log10 of this many digits.
   */
  condition: number;
}

/** null when the matrix is not numerically positive definite (a zero or dependent column). */
export function factorGram(g: Float64Array, k: number): GramFactor | null {
  if (g.length !== k * k || k < 2) throw new RangeError('Gram size mismatch');
  const norms = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const d = g[i * k + i] as number;
    if (!(d > 0)) return null;
    norms[i] = Math.sqrt(d);
  }
  const r = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++)
      r[i * k + j] = (g[i * k + j] as number) / ((norms[i] as number) * (norms[j] as number));
  let normInf = 0;
  for (let i = 0; i < k - 1; i++) {
    let row = 0;
    for (let j = 0; j < k - 1; j++)
      row += Math.abs(r[Math.min(i, j) * k + Math.max(i, j)] as number);
    normInf = Math.max(normInf, row);
  }
  // Row-oriented (right-looking) Cholesky in place on the upper triangle.
  for (let i = 0; i < k; i++) {
    let d = r[i * k + i] as number;
    for (let p = 0; p < i; p++) d -= (r[p * k + i] as number) ** 2;
    if (!(d > 0)) return null;
    const piv = Math.sqrt(d);
    r[i * k + i] = piv;
    for (let j = i + 1; j < k; j++) {
      let s = r[i * k + j] as number;
      for (let p = 0; p < i; p++) s -= (r[p * k + i] as number) * (r[p * k + j] as number);
      r[i * k + j] = s / piv;
    }
  }
  return { k, r, norms, condition: normInf * inverseTrace(r, k, k - 1) };
}

/** trace((RᵀR)⁻¹) = ‖R⁻¹‖_F² for the leading m×m block, by back substitution per column. */
function inverseTrace(r: Float64Array, k: number, m: number): number {
  const col = new Float64Array(m);
  let trace = 0;
  for (let c = 0; c < m; c++) {
    col.fill(0);
    col[c] = 1 / (r[c * k + c] as number);
    trace += (col[c] as number) ** 2;
    for (let i = c - 1; i >= 0; i--) {
      let s = 0;
      for (let p = i + 1; p <= c; p++) s += (r[i * k + p] as number) * (col[p] as number);
      const v = -s / (r[i * k + i] as number);
      col[i] = v;
      trace += v * v;
    }
  }
  return trace;
}

/**
 * Residual sum of squares of the nested fit on the first m regressors (intercept implied by the
 * centring): ‖y‖² · (r_yy² + Σ_{m≤i<k−1} r_iy²), a sum of positive terms.
 */
export function nestedSsr(f: GramFactor, m: number): number {
  const { k, r } = f;
  let s = (r[(k - 1) * k + k - 1] as number) ** 2;
  for (let i = m; i < k - 1; i++) s += (r[i * k + k - 1] as number) ** 2;
  return s * (f.norms[k - 1] as number) ** 2;
}

/** Coefficient of regressor m − 1 in the nested fit on the first m regressors. */
export function nestedLastCoef(f: GramFactor, m: number): number {
  const { k, r, norms } = f;
  const i = m - 1;
  return (
    ((r[i * k + k - 1] as number) * (norms[k - 1] as number)) /
    ((r[i * k + i] as number) * (norms[i] as number))
  );
}

/** t statistic of the last regressor in the full fit, with `df` residual degrees of freedom. */
export function lastRegressorT(f: GramFactor, df: number): number {
  const { k, r } = f;
  const ryy = r[(k - 1) * k + k - 1] as number;
  return ((r[(k - 2) * k + k - 1] as number) * Math.sqrt(df)) / ryy;
}

/** Scaled coefficients (unit-norm columns) of the nested fit on the first m regressors. */
export function nestedScaledCoefs(f: GramFactor, m: number): Float64Array {
  const { k, r } = f;
  const beta = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = r[i * k + k - 1] as number;
    for (let j = i + 1; j < m; j++) s -= (r[i * k + j] as number) * (beta[j] as number);
    beta[i] = s / (r[i * k + i] as number);
  }
  return beta;
}

const UNIT_ROUNDOFF = 2 ** -53;

/** Backward error per scaled Gram entry, in units of u: summation chunks plus the factorisation. */
function entryError(k: number): number {
  return (k + GRAM_SUM_CHUNK) * UNIT_ROUNDOFF;
}

/**
 * First-order bound on the relative error of nestedSsr(f, m) from forming and factoring the Gram
 * matrix: a backward error of k·u per scaled entry moves the scaled ssr by about
 * k·u·(1 + ‖β‖₁)², β the scaled coefficients, whatever the conditioning.
 */
export function nestedSsrRelativeError(f: GramFactor, m: number): number {
  let l1 = 1;
  for (const b of nestedScaledCoefs(f, m)) l1 += Math.abs(b);
  const { k, norms } = f;
  const scaledSsr = nestedSsr(f, m) / (norms[k - 1] as number) ** 2;
  return (entryError(k) * l1 * l1) / scaledSsr;
}

/**
 * First-order bound on the absolute error of lastRegressorT: the coefficient error
 * ‖G⁻¹‖·k·u·(1 + ‖β‖₁) over its standard error; grows like √(rows·condition).
 */
export function lastRegressorTError(f: GramFactor, df: number): number {
  const { k, r } = f;
  let l1 = 1;
  for (const b of nestedScaledCoefs(f, k - 1)) l1 += Math.abs(b);
  const ryy = r[(k - 1) * k + k - 1] as number;
  return (entryError(k) * l1 * Math.sqrt(f.condition * df)) / ryy;
}

/**
 * First-order bound on the absolute error of nestedLastCoef(f, m) (m = k − 1, the full fit):
 * ‖G⁻¹e_m‖·k·u·(1 + ‖β‖₁) in scaled units, ‖G⁻¹e_m‖ ≤ √condition / r_mm.
 */
export function lastCoefError(f: GramFactor): number {
  const { k, r, norms } = f;
  const m = k - 1;
  let l1 = 1;
  for (const b of nestedScaledCoefs(f, m)) l1 += Math.abs(b);
  const scaled = (entryError(k) * l1 * Math.sqrt(f.condition)) / (r[(m - 1) * k + m - 1] as number);
  return (scaled * (norms[k - 1] as number)) / (norms[m - 1] as number);
}
