// The stationary covariance of an ARMA model's state (Harvey's form, the one stats::arima and the
// Kalman filters here use: x_{i,t} = φ_i y_{t−1} + x_{i+1,t−1} + R_i ε_t, R = (1, θ_1, …)) in
// O(p³ + r²) instead of iterating the Lyapunov equation: the autocovariances γ(0..r) from the
// ARMA's linear equations, the first row of the covariance from them, and the rest from the
// stationarity identity P_ij = φ_iφ_j P_11 + φ_i P_1,j+1 + φ_j P_1,i+1 + P_i+1,j+1 + R_i R_j.
import { solveSquare } from '../stats/linalg';

/**
 * Autocovariances γ(0..maxLag) (σ² = 1) of y_t = Σ φ_i y_{t−i} + ε_t + Σ θ_j ε_{t−j}, and the
 * ψ weights ψ_0..ψ_maxLag of its MA(∞) form.
 */
export function armaAutocovariance(
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
  maxLag: number,
): { gamma: Float64Array; psi: Float64Array } {
  const p = phi.length;
  const q = theta.length;
  const len = Math.max(maxLag, p, q) + 1;
  const th = (j: number): number => (j === 0 ? 1 : j <= q ? (theta[j - 1] as number) : 0);
  const psi = new Float64Array(len);
  for (let j = 0; j < len; j++) {
    let v = th(j);
    for (let i = 1; i <= Math.min(j, p); i++) v += (phi[i - 1] as number) * (psi[j - i] as number);
    psi[j] = v;
  }
  // c_k = Σ_{j=k}^{q} θ_j ψ_{j−k}: the right-hand side of γ(k) − Σ φ_i γ(k−i) = c_k.
  const c = new Float64Array(len);
  for (let k = 0; k <= q; k++) {
    let v = 0;
    for (let j = k; j <= q; j++) v += th(j) * (psi[j - k] as number);
    c[k] = v;
  }
  const gamma = new Float64Array(len);
  // Unknowns γ(0..p) from the equations k = 0..p, with γ(−m) = γ(m).
  const A = new Float64Array((p + 1) * (p + 1));
  const b = new Float64Array(p + 1);
  for (let k = 0; k <= p; k++) {
    A[k * (p + 1) + k] = (A[k * (p + 1) + k] as number) + 1;
    for (let i = 1; i <= p; i++) {
      const lag = Math.abs(k - i);
      A[k * (p + 1) + lag] = (A[k * (p + 1) + lag] as number) - (phi[i - 1] as number);
    }
    b[k] = c[k] as number;
  }
  const g0 = solveSquare(A, b, p + 1, 1);
  if (g0 === null) throw new Error('the AR part is not stationary');
  for (let k = 0; k <= p; k++) gamma[k] = g0[k] as number;
  for (let k = p + 1; k < len; k++) {
    let v = c[k] as number;
    for (let i = 1; i <= p; i++) v += (phi[i - 1] as number) * (gamma[k - i] as number);
    gamma[k] = v;
  }
  return { gamma, psi };
}

/** The r × r stationary state covariance, r = max(p, q + 1), in units of σ². */
export function armaStateCovariance(
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
): Float64Array {
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const { gamma, psi } = armaAutocovariance(phi, theta, r + 1);
  const ph = (i: number): number => (i <= p ? (phi[i - 1] as number) : 0);
  const th = (j: number): number => (j === 0 ? 1 : j <= q ? (theta[j - 1] as number) : 0);
  const P = new Float64Array(r * r);
  // First row: P_1k = E[y_t x_{k,t}] = Σ_{m=k}^{r} φ_m γ(m+1−k) + θ_{m−1} ψ_{m−k}.
  const row = new Float64Array(r + 2);
  for (let k = 1; k <= r; k++) {
    let v = 0;
    for (let m = k; m <= r; m++)
      v += ph(m) * (gamma[m + 1 - k] as number) + th(m - 1) * (psi[m - k] as number);
    row[k] = v;
  }
  const R = (i: number): number => th(i - 1);
  const P11 = row[1] as number;
  // Fill from the last row up: P_ij needs P_{i+1,j+1} (zero beyond r).
  for (let i = r; i >= 1; i--)
    for (let j = r; j >= i; j--) {
      let v =
        ph(i) * ph(j) * P11 +
        ph(i) * (j + 1 <= r ? (row[j + 1] as number) : 0) +
        ph(j) * (i + 1 <= r ? (row[i + 1] as number) : 0) +
        R(i) * R(j);
      if (i < r && j < r) v += P[i * r + j] as number;
      P[(i - 1) * r + j - 1] = v;
      P[(j - 1) * r + i - 1] = v;
    }
  return P;
}
