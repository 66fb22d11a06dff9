// Test kit: the stationary covariance of a linear state by the doubling algorithm, an independent
// reference for armaCovariance.ts (which computes it from the ARMA autocovariances). Never
// imported by product code.

/** Stationary covariance of x_{t+1} = A x_t + R e_t with var(e) = 1 (doubling algorithm). */
export function stationaryCovariance(A: Float64Array, V: Float64Array, r: number): Float64Array {
  let P = Float64Array.from(V);
  let Ak = Float64Array.from(A);
  const tmp = new Float64Array(r * r);
  const prod = (a: Float64Array, b: Float64Array, out: Float64Array, transposeB: boolean): void => {
    for (let i = 0; i < r; i++)
      for (let j = 0; j < r; j++) {
        let s = 0;
        for (let k = 0; k < r; k++)
          s +=
            (a[i * r + k] as number) *
            (transposeB ? (b[j * r + k] as number) : (b[k * r + j] as number));
        out[i * r + j] = s;
      }
  };
  for (let iter = 0; iter < 200; iter++) {
    const APA = new Float64Array(r * r);
    prod(Ak, P, tmp, false);
    prod(tmp, Ak, APA, true);
    let change = 0;
    let norm = 0;
    for (let i = 0; i < r * r; i++) {
      P[i] = (P[i] as number) + (APA[i] as number);
      change = Math.max(change, Math.abs(APA[i] as number));
      norm = Math.max(norm, Math.abs(P[i] as number));
    }
    if (!Number.isFinite(norm)) throw new Error('the AR part is not stationary');
    if (change <= 1e-16 * norm) return P;
    const A2 = new Float64Array(r * r);
    prod(Ak, Ak, A2, false);
    Ak = A2;
    P = Float64Array.from(P);
  }
  throw new Error('the AR part is not stationary (its covariance does not converge)');
}
