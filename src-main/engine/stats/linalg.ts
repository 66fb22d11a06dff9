// Householder-QR least squares. Designs are column-major (column j at [j·n, (j+1)·n)), the layout
// in which Householder reflections touch contiguous memory.

export interface LeastSquaresFit {
  /** Coefficients, one per column. */
  coef: Float64Array;
  /** Sum of squared residuals y − X·coef (computed from the original X, as statsmodels does). */
  ssr: number;
  /** Diagonal of (XᵀX)⁻¹, for standard errors: se_j = sqrt(diag_j · ssr / (n − p)). */
  covDiag: Float64Array;
  /** Qᵀy; ssr of the nested model using the first m columns is Σ_{i≥m} qty_i² (i < n). */
  qty: Float64Array;
}

/**
 * Solves min ||y − X b|| for a full-rank n×p design. Coefficients are NaN when a column is
 * (numerically) a combination of earlier ones.
 */
export function leastSquares(
  design: Float64Array,
  n: number,
  p: number,
  y: Float64Array,
): LeastSquaresFit {
  if (design.length !== n * p || y.length !== n)
    throw new RangeError('design/response size mismatch');
  if (n < p) throw new RangeError('fewer observations than regressors');
  const a = Float64Array.from(design);
  const qty = Float64Array.from(y);
  const rdiag = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const cj = j * n;
    let scale = 0;
    for (let i = j; i < n; i++) scale = Math.max(scale, Math.abs(a[cj + i] as number));
    if (scale === 0) {
      rdiag[j] = 0;
      continue;
    }
    let norm2 = 0;
    for (let i = j; i < n; i++) {
      const v = (a[cj + i] as number) / scale;
      norm2 += v * v;
    }
    const head = a[cj + j] as number;
    const alpha = (head > 0 ? -1 : 1) * scale * Math.sqrt(norm2);
    // v = column − alpha·e_j, stored in place; vᵀv = 2·alpha·(alpha − head).
    a[cj + j] = head - alpha;
    const vtv = 2 * alpha * (alpha - head);
    rdiag[j] = alpha;
    for (let k = j + 1; k < p; k++) reflect(a, cj, a, k * n, j, n, vtv);
    reflect(a, cj, qty, 0, j, n, vtv);
  }
  const coef = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i] as number;
    for (let k = i + 1; k < p; k++) s -= (a[k * n + i] as number) * (coef[k] as number);
    coef[i] = s / (rdiag[i] as number);
  }
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    let fit = 0;
    for (let k = 0; k < p; k++) fit += (design[k * n + i] as number) * (coef[k] as number);
    const r = (y[i] as number) - fit;
    ssr += r * r;
  }
  return { coef, ssr, covDiag: inverseGramDiagonal(a, rdiag, n, p), qty };
}

/** target[off+j..] −= (2 vᵀt / vᵀv)·v for the Householder vector v stored at a[cj+j..cj+n). */
function reflect(
  a: Float64Array,
  cj: number,
  target: Float64Array,
  off: number,
  j: number,
  n: number,
  vtv: number,
): void {
  let s = 0;
  for (let i = j; i < n; i++) s += (a[cj + i] as number) * (target[off + i] as number);
  const f = (2 * s) / vtv;
  if (f === 0) return;
  for (let i = j; i < n; i++)
    target[off + i] = (target[off + i] as number) - f * (a[cj + i] as number);
}

/** diag((XᵀX)⁻¹) = row sums of squares of R⁻¹, with R⁻¹ by back substitution. */
function inverseGramDiagonal(
  a: Float64Array,
  rdiag: Float64Array,
  n: number,
  p: number,
): Float64Array {
  const rinv = new Float64Array(p * p); // row-major upper triangle
  for (let c = 0; c < p; c++) {
    rinv[c * p + c] = 1 / (rdiag[c] as number);
    for (let i = c - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= c; k++) s += (a[k * n + i] as number) * (rinv[k * p + c] as number);
      rinv[i * p + c] = -s / (rdiag[i] as number);
    }
  }
  const diag = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let c = i; c < p; c++) s += (rinv[i * p + c] as number) ** 2;
    diag[i] = s;
  }
  return diag;
}

/**
 * Solves A·X = B for a square n×n A and n×k B (both row-major) by Gauss–Jordan elimination with
 * partial pivoting; null when A is singular to working precision (a pivot below ε times A's
 * largest entry, the limit LAPACK's dgesv behind R's solve() also refuses).
 */
export function solveSquare(
  A: Float64Array,
  B: Float64Array,
  n: number,
  k: number,
): Float64Array | null {
  const a = Float64Array.from(A);
  const x = Float64Array.from(B);
  let scale = 0;
  for (const v of a) scale = Math.max(scale, Math.abs(v));
  if (!(scale > 0)) return null;
  const swap = (m: Float64Array, width: number, r1: number, r2: number): void => {
    for (let j = 0; j < width; j++) {
      const t = m[r1 * width + j] as number;
      m[r1 * width + j] = m[r2 * width + j] as number;
      m[r2 * width + j] = t;
    }
  };
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r * n + col] as number) > Math.abs(a[pivot * n + col] as number)) pivot = r;
    const p = a[pivot * n + col] as number;
    if (!(Math.abs(p) > 2.220446049250313e-16 * scale)) return null;
    if (pivot !== col) {
      swap(a, n, col, pivot);
      swap(x, k, col, pivot);
    }
    for (let j = 0; j < n; j++) a[col * n + j] = (a[col * n + j] as number) / p;
    for (let j = 0; j < k; j++) x[col * k + j] = (x[col * k + j] as number) / p;
    for (let r = 0; r < n; r++) {
      const f = r === col ? 0 : (a[r * n + col] as number);
      if (f === 0) continue;
      for (let j = 0; j < n; j++)
        a[r * n + j] = (a[r * n + j] as number) - f * (a[col * n + j] as number);
      for (let j = 0; j < k; j++)
        x[r * k + j] = (x[r * k + j] as number) - f * (x[col * k + j] as number);
    }
  }
  return x;
}

/** The inverse of a square n×n matrix (row-major); null when singular (see solveSquare). */
export function invertSquare(A: Float64Array, n: number): Float64Array | null {
  const identity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) identity[i * n + i] = 1;
  return solveSquare(A, identity, n, n);
}
