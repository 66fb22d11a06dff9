// One-step-ahead SARIMA forecasts with fixed parameters, filtered forward through new observations.
// Used to turn a model fitted once on the training part into a refit-free baseline over the test
// part. The recursion is conditional (pre-sample innovations 0) and starts at the first
// observation; for an invertible model the start-up error decays geometrically long before the
// test part begins.

export interface SarimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  /** Seasonal period; 0 when non-seasonal. */
  s: number;
}

/**
 * Coefficients in the Box-Jenkins sign convention (MA terms subtracted; R's MA coefficients are −θ):
 * (1 − Σφ_i Bⁱ)(1 − ΣΦ_j B^{js}) w_t = (1 − Σθ_i Bⁱ)(1 − ΣΘ_j B^{js}) a_t.
 */
export interface SarimaCoefficients {
  ar: number[];
  ma: number[];
  sar: number[];
  sma: number[];
  /** Subtracted before filtering, only used when d = D = 0. */
  mean: number;
  /** Linear trend slope per step; the trend term is drift·(t + 1). */
  drift: number;
}

/** Expanded lag polynomials on the right-hand side: w_t = Σ a_k w_{t−k} + e_t + Σ m_k e_{t−k}. */
export function expandPolynomials(
  order: SarimaOrder,
  c: SarimaCoefficients,
): { ar: Float64Array; ma: Float64Array } {
  const s = order.s;
  const ar = new Float64Array(order.p + s * order.P + 1);
  const ma = new Float64Array(order.q + s * order.Q + 1);
  c.ar.forEach((phi, i) => (ar[i + 1] = phi));
  c.ma.forEach((theta, i) => (ma[i + 1] = -theta));
  c.sar.forEach((Phi, j) => {
    const lag = (j + 1) * s;
    ar[lag] = (ar[lag] as number) + Phi;
    c.ar.forEach((phi, i) => (ar[lag + i + 1] = (ar[lag + i + 1] as number) - phi * Phi));
  });
  c.sma.forEach((Theta, j) => {
    const lag = (j + 1) * s;
    ma[lag] = (ma[lag] as number) - Theta;
    c.ma.forEach((theta, i) => (ma[lag + i + 1] = (ma[lag + i + 1] as number) + theta * Theta));
  });
  return { ar, ma };
}

/** Coefficients δ_k of y_t − z_t = Σ δ_k y_{t−k} for z = (1 − B)^d (1 − B^s)^D y. */
export function differencingWeights(d: number, D: number, s: number): Float64Array {
  let poly = [1];
  const multiply = (factor: number[]): void => {
    const out = new Array<number>(poly.length + factor.length - 1).fill(0);
    poly.forEach((a, i) => factor.forEach((b, j) => (out[i + j] = (out[i + j] as number) + a * b)));
    poly = out;
  };
  for (let i = 0; i < d; i++) multiply([1, -1]);
  for (let i = 0; i < D; i++) multiply([1, ...new Array<number>(s - 1).fill(0), -1]);
  return Float64Array.from(poly, (v, k) => (k === 0 ? 0 : 0 - v));
}

/**
 * Forecast of x_t from x_0..x_{t−1} for every t in [from, x.length). A NaN observation is replaced
 * by its own forecast (zero innovation), the usual treatment of a missing value.
 */
export function oneStepForecasts(
  series: Float64Array,
  order: SarimaOrder,
  c: SarimaCoefficients,
  from: number,
): Float64Array {
  const n = series.length;
  const useMean = order.d === 0 && order.D === 0;
  const { ar, ma } = expandPolynomials(order, c);
  const delta = differencingWeights(order.d, order.D, order.s);
  const start = delta.length - 1;
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  const e = new Float64Array(n);
  const trend = (t: number): number => (useMean ? c.mean : 0) + c.drift * (t + 1);
  const out = new Float64Array(Math.max(0, n - from));
  for (let t = 0; t < n; t++) {
    let carry = 0;
    for (let k = 1; k <= start; k++)
      carry += (delta[k] as number) * (t - k >= 0 ? (y[t - k] as number) : 0);
    let zHat = 0;
    if (t >= start) {
      for (let k = 1; k < ar.length && t - k >= start; k++)
        zHat += (ar[k] as number) * (z[t - k] as number);
      for (let k = 1; k < ma.length && t - k >= start; k++)
        zHat += (ma[k] as number) * (e[t - k] as number);
    }
    const yHat = zHat + carry;
    const prediction = yHat + trend(t);
    if (t >= from) out[t - from] = prediction;
    const observed = series[t] as number;
    y[t] = (Number.isNaN(observed) ? prediction : observed) - trend(t);
    z[t] = (y[t] as number) - carry;
    e[t] = t >= start ? (z[t] as number) - zHat : 0;
  }
  return out;
}
