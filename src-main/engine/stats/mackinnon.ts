// MacKinnon's response-surface approximations for the Dickey-Fuller τ statistic with N = 1 (the
// ADF case), for each deterministic part of the regression: p-values from MacKinnon (1994),
// critical values from MacKinnon (2010). The coefficients are the published constants (as
// tabulated in statsmodels' adfvalues.py, 0.13.5).
import { normalCdf } from './distributions';

/** Deterministic terms of the ADF regression: none, constant, + trend, + trend². */
export type AdfRegression = 'n' | 'c' | 'ct' | 'ctt';

interface PTable {
  max: number;
  min: number;
  star: number;
  small: readonly number[];
  large: readonly number[];
}

// Scaled exactly as the published tables are (coefficient × 10^-k), to reproduce the same doubles.
const P_TABLES: Record<AdfRegression, PTable> = {
  n: {
    max: Number.POSITIVE_INFINITY,
    min: -19.04,
    star: -1.04,
    small: [0.6344, 1.2378, 3.2496 * 1e-2],
    large: [0.4797, 9.3557 * 1e-1, -0.6999 * 1e-1, 3.3066 * 1e-2],
  },
  c: {
    max: 2.74,
    min: -18.83,
    star: -1.61,
    small: [2.1659, 1.4412, 3.8269 * 1e-2],
    large: [1.7339, 9.3202 * 1e-1, -1.2745 * 1e-1, -1.0368 * 1e-2],
  },
  ct: {
    max: 0.7,
    min: -16.18,
    star: -2.89,
    small: [3.2512, 1.6047, 4.9588 * 1e-2],
    large: [2.5261, 6.1654 * 1e-1, -3.7956 * 1e-1, -6.0285 * 1e-2],
  },
  ctt: {
    max: 0.54,
    min: -17.17,
    star: -3.21,
    small: [4.0003, 1.658, 4.8288 * 1e-2],
    large: [3.0778, 4.9529 * 1e-1, -4.1477 * 1e-1, -5.9359 * 1e-2],
  },
};

type Level = '1%' | '5%' | '10%';

/** Critical values at 1%, 5%, 10%: c0 + c1/T + c2/T² + c3/T³ in 1/nobs. */
const CRIT_2010: Record<AdfRegression, Record<Level, readonly number[]>> = {
  n: {
    '1%': [-2.56574, -2.2358, -3.627, 0],
    '5%': [-1.941, -0.2686, -3.365, 31.223],
    '10%': [-1.61682, 0.2656, -2.714, 25.364],
  },
  c: {
    '1%': [-3.43035, -6.5393, -16.786, -79.433],
    '5%': [-2.86154, -2.8903, -4.234, -40.04],
    '10%': [-2.56677, -1.5384, -2.809, 0],
  },
  ct: {
    '1%': [-3.95877, -9.0531, -28.428, -134.155],
    '5%': [-3.41049, -4.3904, -9.036, -45.374],
    '10%': [-3.12705, -2.5856, -3.925, -22.38],
  },
  ctt: {
    '1%': [-4.37113, -11.5882, -35.819, -334.047],
    '5%': [-3.83239, -5.9057, -12.49, -118.284],
    '10%': [-3.55326, -3.6596, -5.293, -63.559],
  },
};

/** Horner in ascending-coefficient order, matching numpy.polyval on the reversed array. */
function polyAscending(coefs: readonly number[], x: number): number {
  let y = 0;
  for (let i = coefs.length - 1; i >= 0; i--) y = y * x + (coefs[i] as number);
  return y;
}

/** Approximate p-value of an ADF τ statistic for the given regression (default: constant). */
export function mackinnonPValue(tau: number, regression: AdfRegression = 'c'): number {
  const t = P_TABLES[regression];
  if (tau > t.max) return 1;
  if (tau < t.min) return 0;
  return normalCdf(polyAscending(tau <= t.star ? t.small : t.large, tau));
}

export type CriticalValues = Record<Level, number>;

/** Finite-sample critical values for nobs observations in the ADF regression. */
export function mackinnonCriticalValues(
  nobs: number,
  regression: AdfRegression = 'c',
): CriticalValues {
  const table = CRIT_2010[regression];
  if (!Number.isFinite(nobs))
    return {
      '1%': table['1%'][0] as number,
      '5%': table['5%'][0] as number,
      '10%': table['10%'][0] as number,
    };
  const inv = 1 / nobs;
  return {
    '1%': polyAscending(table['1%'], inv),
    '5%': polyAscending(table['5%'], inv),
    '10%': polyAscending(table['10%'], inv),
  };
}
