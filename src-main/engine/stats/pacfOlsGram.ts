// OLS PACF (regress x_t on a constant and x_{t−1..t−k} over t = k..n−1, keep the coefficient of
// x_{t−k}) solved from cross-product sums of lagged windows: O(n·nlags) for all lags instead of
// one QR over all rows per lag. Two equivalent parametrisations are available, because each is
// well conditioned where the other is not:
//  - raw lags, for series with little persistence;
//  - differences (Δx_t on x_{t−1}, Δx_{t−1..t−k+1}, an ADF-type regression with the same span),
//    for near-unit-root series whose raw lags are almost collinear. The coefficient of x_{t−k} is
//    minus that of Δx_{t−k+1} (k ≥ 2), and 1 + that of x_{t−1} for k = 1.
import { factorGram, GRAM_CONDITION_LIMIT, lastCoefError, nestedLastCoef } from './gramCholesky';
import { LaggedGram } from './laggedGram';

/** Accepted error bound, relative to max(|pacf_k|, PACF_GRAM_FLOOR). */
export const PACF_GRAM_TOLERANCE = 1e-9;
/** Values smaller than this are judged by absolute error (PACF_GRAM_TOLERANCE × floor). */
export const PACF_GRAM_FLOOR = 1e-3;
/** Lag-1 autocorrelation above which the differenced parametrisation is tried first. */
const PERSISTENT_R1 = 0.5;

type Basis = 'raw' | 'diff';

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function lag1Autocorrelation(x: Float64Array): number {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i] as number;
  m /= n;
  let c0 = 0;
  let c1 = 0;
  for (let i = 0; i < n; i++) {
    const a = (x[i] as number) - m;
    c0 += a * a;
    if (i > 0) c1 += a * ((x[i - 1] as number) - m);
  }
  return c0 > 0 ? c1 / c0 : 0;
}

/**
 * PACF values for lags 0..nlags; an entry is null where neither parametrisation meets the
 * tolerance, so the caller must fit that lag exactly.
 */
export function pacfOlsGram(
  x: Float64Array,
  nlags: number,
  tolerance = PACF_GRAM_TOLERANCE,
): (number | null)[] {
  const n = x.length;
  const out: (number | null)[] = [1];
  if (nlags === 0) return out;
  const diff = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) diff[i] = (x[i + 1] as number) - (x[i] as number);
  const grams: Partial<Record<Basis, LaggedGram>> = {};
  const gramFor = (basis: Basis): LaggedGram =>
    (grams[basis] ??=
      basis === 'raw' ? new LaggedGram(x, nlags) : new LaggedGram(diff, nlags - 1, x));
  const order: Basis[] = lag1Autocorrelation(x) > PERSISTENT_R1 ? ['diff', 'raw'] : ['raw', 'diff'];
  const values = new Array<number | null>(nlags).fill(null);
  // Windows only grow, so walk from the largest lag (smallest sample) down.
  for (let k = nlags; k >= 1; k--) {
    for (const basis of order) {
      const v = solveLag(gramFor(basis), basis, k, tolerance);
      if (v !== null) {
        values[k - 1] = v;
        break;
      }
    }
  }
  return out.concat(values);
}

function solveLag(gram: LaggedGram, basis: Basis, k: number, tolerance: number): number | null {
  const raw = basis === 'raw';
  const lag = raw ? k : k - 1;
  const columns = raw ? [...range(1, k), 0] : [gram.maxLag + 1, ...range(1, lag), 0];
  const f = factorGram(gram.centred(lag, columns), columns.length);
  if (f === null || !(f.condition <= GRAM_CONDITION_LIMIT)) return null;
  const coef = nestedLastCoef(f, columns.length - 1);
  const value = raw ? coef : k === 1 ? 1 + coef : -coef;
  const error = lastCoefError(f);
  return error <= tolerance * Math.max(Math.abs(value), PACF_GRAM_FLOOR) ? value : null;
}
