// MacKinnon's response-surface approximations for the Dickey-Fuller τ statistic with a constant
// and N = 1 (the ADF case): p-values from MacKinnon (1994), critical values from MacKinnon (2010).
// The coefficients are the published constants (as tabulated in statsmodels' adfvalues.py).
import { normalCdf } from './distributions';

const TAU_MAX = 2.74;
const TAU_MIN = -18.83;
const TAU_STAR = -1.61;
// Scaled exactly as the published tables are (coefficient × 10^-k), to reproduce the same doubles.
const SMALL_P = [2.1659, 1.4412, 3.8269 * 1e-2];
const LARGE_P = [1.7339, 9.3202 * 1e-1, -1.2745 * 1e-1, -1.0368 * 1e-2];

/** Critical values at 1%, 5%, 10%: c0 + c1/T + c2/T² + c3/T³ in 1/nobs. */
const CRIT_2010: Record<'1%' | '5%' | '10%', readonly number[]> = {
  '1%': [-3.43035, -6.5393, -16.786, -79.433],
  '5%': [-2.86154, -2.8903, -4.234, -40.04],
  '10%': [-2.56677, -1.5384, -2.809, 0],
};

/** Horner in ascending-coefficient order, matching numpy.polyval on the reversed array. */
function polyAscending(coefs: readonly number[], x: number): number {
  let y = 0;
  for (let i = coefs.length - 1; i >= 0; i--) y = y * x + (coefs[i] as number);
  return y;
}

/** Approximate p-value of an ADF τ statistic (regression with constant). */
export function mackinnonPValue(tau: number): number {
  if (tau > TAU_MAX) return 1;
  if (tau < TAU_MIN) return 0;
  return normalCdf(polyAscending(tau <= TAU_STAR ? SMALL_P : LARGE_P, tau));
}

export type CriticalValues = Record<'1%' | '5%' | '10%', number>;

/** Finite-sample critical values for nobs observations in the ADF regression. */
export function mackinnonCriticalValues(nobs: number): CriticalValues {
  const inv = 1 / nobs;
  return {
    '1%': polyAscending(CRIT_2010['1%'], inv),
    '5%': polyAscending(CRIT_2010['5%'], inv),
    '10%': polyAscending(CRIT_2010['10%'], inv),
  };
}
