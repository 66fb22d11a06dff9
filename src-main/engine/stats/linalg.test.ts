import { describe, expect, it } from 'vitest';
import { invertSquare, solveSquare } from './linalg';

describe('solveSquare and invertSquare', () => {
  it('the inverse of [[4, 7], [2, 6]] is [[0.6, −0.7], [−0.2, 0.4]] (det 10)', () => {
    const inv = invertSquare(Float64Array.of(4, 7, 2, 6), 2);
    expect(Array.from(inv ?? [])).toEqual([0.6, -0.7, -0.2, 0.4].map((v) => expect.closeTo(v, 14)));
  });

  it('solves a system that needs a row swap: 2y = 4, 3x = 3 → (1, 2)', () => {
    const x = solveSquare(Float64Array.of(0, 2, 3, 0), Float64Array.of(4, 3), 2, 1);
    expect(Array.from(x ?? [])).toEqual([1, 2].map((v) => expect.closeTo(v, 14)));
  });

  it('refuses singular matrices, exactly or to working precision', () => {
    expect(invertSquare(Float64Array.of(1, 2, 2, 4), 2)).toBeNull();
    expect(invertSquare(Float64Array.of(1, 1, 1, 1 + 1e-17), 2)).toBeNull();
    expect(invertSquare(new Float64Array(4), 2)).toBeNull();
  });
});
