import { describe, it, expect } from 'vitest';
import { factorGram, lastRegressorT, nestedLastCoef, nestedSsr } from './gramCholesky';

describe('factorGram on a hand-computed simple regression', () => {
  // Centred x = (−1, 0, 1), y = (−2, 1, 1): Sxx = 2, Sxy = 3, Syy = 6.
  // Slope 3/2; ssr = 6 − 3²/2 = 1.5; t = 1.5 / √(1.5/1 / 2) = √3 with df = 3 − 2 = 1.
  const f = factorGram(Float64Array.from([2, 3, 3, 6]), 2);

  it('gives slope, ssr and t', () => {
    expect(f).not.toBeNull();
    if (f === null) return;
    expect(nestedLastCoef(f, 1)).toBeCloseTo(1.5, 14);
    expect(nestedSsr(f, 1)).toBeCloseTo(1.5, 13);
    expect(nestedSsr(f, 0)).toBeCloseTo(6, 13);
    expect(lastRegressorT(f, 1)).toBeCloseTo(Math.sqrt(3), 13);
    // Correlation 3/√12 = 0.866: the 1×1 regressor block is perfectly conditioned.
    expect(f.condition).toBeCloseTo(1, 14);
  });

  it('rejects a dependent column', () => {
    expect(factorGram(Float64Array.from([1, 1, 1, 1]), 2)).toBeNull();
    expect(factorGram(Float64Array.from([0, 0, 0, 1]), 2)).toBeNull();
  });
});
