// Test-only access to statsmodels-reference.json with the tolerance rule used by every suite:
// relative error with an absolute floor, so values that are ~0 are not judged relatively.
import { expect } from 'vitest';
import { readSharedJson } from '../testing/sharedData';

export interface AdfReference {
  stat: number;
  pvalue: number;
  usedlag: number;
  crit: Record<'1%' | '5%' | '10%', number>;
}

export interface SeriesReference {
  n: number;
  mean: number;
  std_ddof1: number;
  acf: number[];
  acf_band_lo: number[];
  pacf_yw_adjusted: number[];
  pacf_band: number;
  pacf_ols: number[];
  adf: AdfReference;
  kpss: { stat: number; pvalue: number; lags: number };
  ljung_box_10: { stat: number; pvalue: number };
  stl?: { period: number; trend: number[]; seasonal: number[]; resid: number[] };
  boxcox_lambda_mle?: number;
}

export const REFERENCE = readSharedJson<Record<string, SeriesReference>>(
  'reference/statsmodels-reference.json',
);
export const REFERENCE_KEYS = Object.keys(REFERENCE);

export function referenceFor(key: string): SeriesReference {
  const ref = REFERENCE[key];
  if (ref === undefined) throw new Error(`no reference for ${key}`);
  return ref;
}

/** Largest |got − expected| / max(|expected|, floor) over two equally long arrays. */
export function worstRelativeError(
  got: ArrayLike<number>,
  expected: ArrayLike<number>,
  floor = 1e-12,
): number {
  if (got.length !== expected.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    const e = expected[i] as number;
    const err = Math.abs((got[i] as number) - e) / Math.max(Math.abs(e), floor);
    if (!(err <= worst)) worst = err; // NaN propagates as a failure
  }
  return worst;
}

export function relativeError(got: number, expected: number, floor = 1e-12): number {
  return worstRelativeError([got], [expected], floor);
}

/** A test's statistic within 1e-8 and its p-value within 1e-6 of statsmodels', relatively. */
export function expectStatisticAndPValue(
  got: { statistic: number; pValue: number },
  ref: { stat: number; pvalue: number },
): void {
  expect(relativeError(got.statistic, ref.stat)).toBeLessThan(1e-8);
  expect(relativeError(got.pValue, ref.pvalue)).toBeLessThan(1e-6);
}

/**
 * An ADF result against statsmodels': the same lag, the statistic and p-value as above, the
 * critical values to 1e-12.
 */
export function expectAdfAgrees(
  got: { usedLag: number; statistic: number; pValue: number; critical: AdfReference['crit'] },
  ref: AdfReference,
): void {
  expect(got.usedLag).toBe(ref.usedlag);
  expectStatisticAndPValue(got, ref);
  for (const level of ['1%', '5%', '10%'] as const) {
    expect(relativeError(got.critical[level], ref.crit[level])).toBeLessThan(1e-12);
  }
}
