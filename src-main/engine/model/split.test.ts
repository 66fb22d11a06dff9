import { describe, it, expect } from 'vitest';
import { computeSplit } from './split';

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
});
