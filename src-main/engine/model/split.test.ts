import { describe, it, expect } from 'vitest';
import { toStudioError } from '../../shared/result';
import { computeSplit } from './split';

/** The contract error a refused split becomes at the engine boundary. */
function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return toStudioError(error);
  }
  throw new Error('the split was not refused');
}

describe('computeSplit', () => {
  it('fractions: test = round(0.2 n), validation = round(0.1 of the rest)', () => {
    // n=100: test rows 80..99; validation round(8) rows 72..79
    expect(computeSplit(100, {}, 1)).toEqual({ n: 100, valStart: 72, testStart: 80 });
  });
  it('counts win over fractions', () => {
    expect(computeSplit(100, { testSize: 12, valSize: 6, testFraction: 0.5 }, 3)).toEqual({
      n: 100,
      valStart: 82,
      testStart: 88,
    });
  });
  it('a validation part shorter than the horizon is dropped; too-small tests are refused', () => {
    expect(computeSplit(50, { testSize: 10, valSize: 2 }, 3).valStart).toBe(40);
    expect(() => computeSplit(50, { testSize: 2 }, 3)).toThrow(/horizon/);
  });
  it('parts that leave no training rows are bad input, not internal errors', () => {
    expect(refusal(() => computeSplit(100, { testSize: 100, valSize: 0 }, 1))).toEqual({
      code: 'invalid-request',
      message: 'The test part (100 rows) leaves no rows for training: the series has 100.',
    });
    expect(refusal(() => computeSplit(100, { testSize: 150000 }, 1))).toEqual({
      code: 'invalid-request',
      message: 'The test part (150000 rows) leaves no rows for training: the series has 100.',
    });
    expect(refusal(() => computeSplit(100, { testSize: 20, valSize: 80 }, 1))).toEqual({
      code: 'invalid-request',
      message:
        'No rows are left for training: 100 rows, 20 for the test part and 80 for validation.',
    });
  });
});
