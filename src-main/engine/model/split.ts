// Chronological split by target time. Rows [0, valStart) are the training part (the only rows
// scalers see), [valStart, testStart) validation, [testStart, n) test. A window belongs to the part
// that contains all of its target times; windows straddling a boundary are dropped, so no
// training target lies in validation or test. Nothing is shuffled across parts.

import { StudioFailure } from '../../shared/result';

export interface SplitSpec {
  /** Number of final target time steps in the test set; wins over testFraction. */
  testSize?: number;
  /** Fraction of all rows (default 0.2). */
  testFraction?: number;
  /** Number of target time steps right before the test set; wins over valFraction. */
  valSize?: number;
  /** Fraction of the rows before the test set (default 0.1). 0 disables validation. */
  valFraction?: number;
}

import type { SplitBoundaries } from './runResult';

export type { SplitBoundaries };

export function computeSplit(n: number, spec: SplitSpec, horizon: number): SplitBoundaries {
  const testSize = spec.testSize ?? Math.round((spec.testFraction ?? 0.2) * n);
  if (!Number.isInteger(testSize) || testSize < horizon) {
    throw new StudioFailure(
      'invalid-request',
      `The test part (${testSize} rows) must be a whole number of rows, at least the horizon (${horizon}).`,
    );
  }
  const testStart = n - testSize;
  const valSize = spec.valSize ?? Math.round((spec.valFraction ?? 0.1) * testStart);
  if (testStart <= 0)
    throw new StudioFailure(
      'invalid-request',
      `The test part (${testSize} rows) leaves no rows for training: the series has ${n}.`,
    );
  if (!Number.isInteger(valSize) || valSize < 0)
    throw new StudioFailure(
      'invalid-request',
      `The validation part (${valSize} rows) must be a whole number of rows, at least 0.`,
    );
  // A validation part smaller than one horizon could hold no window: treat it as absent.
  const effectiveVal = valSize >= horizon ? valSize : 0;
  const valStart = testStart - effectiveVal;
  if (valStart <= 0)
    throw new StudioFailure(
      'invalid-request',
      `No rows are left for training: ${n} rows, ${testSize} for the test part and ${effectiveVal} for validation.`,
    );
  return { n, valStart, testStart };
}
