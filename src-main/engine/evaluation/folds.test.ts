import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { makeFolds, maxFolds } from './folds';

describe('makeFolds', () => {
  it('places k adjacent test blocks at the end of the series (hand-worked n=100, k=3, h=5)', () => {
    const folds = makeFolds({
      n: 100,
      folds: 3,
      horizon: 5,
      window: 'expanding',
      minTrain: 20,
      lookback: 10,
    });
    // Last block [95,100), then [90,95), [85,90); expanding training starts at 0.
    expect(folds.map((f) => [f.trainStart, f.trainEnd, f.testStart, f.testEnd])).toEqual([
      [0, 85, 85, 90],
      [0, 90, 90, 95],
      [0, 95, 95, 100],
    ]);
    expect(folds[0]?.contextStart).toBe(75);
  });

  it('sliding windows keep a fixed training length max(minTrain, lookback + h)', () => {
    const folds = makeFolds({
      n: 60,
      folds: 2,
      horizon: 4,
      stride: 2,
      window: 'sliding',
      minTrain: 10,
      lookback: 12,
    });
    // need = max(10, 16) = 16; test starts 54, 56.
    expect(folds.map((f) => [f.trainStart, f.trainEnd, f.testStart, f.testEnd])).toEqual([
      [38, 54, 54, 58],
      [40, 56, 56, 60],
    ]);
  });

  it('explains in words when the series is too short', () => {
    const opts = { n: 30, horizon: 5, window: 'expanding' as const, minTrain: 20, lookback: 5 };
    expect(maxFolds(opts)).toBe(2);
    expect(() => makeFolds({ ...opts, folds: 3 })).toThrow(/at most 2 folds fit/);
    expect(() => makeFolds({ ...opts, folds: 0 })).toThrow(RangeError);
  });

  it('property: train never reaches test, folds ordered, last test ends at n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 48 }),
        fc.option(fc.integer({ min: 1, max: 48 }), { nil: undefined }),
        fc.constantFrom('expanding' as const, 'sliding' as const),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 100 }),
        (n, k, h, stride, window, minTrain, lookback) => {
          const opts = { n, folds: k, horizon: h, stride, window, minTrain, lookback };
          if (k > maxFolds(opts)) {
            expect(() => makeFolds(opts)).toThrow(RangeError);
            return;
          }
          const folds = makeFolds(opts);
          expect(folds).toHaveLength(k);
          const need = Math.max(minTrain, lookback + h);
          folds.forEach((f, i) => {
            expect(f.trainEnd).toBeLessThanOrEqual(f.testStart);
            expect(f.trainStart).toBeGreaterThanOrEqual(0);
            expect(f.trainEnd - f.trainStart).toBeGreaterThanOrEqual(need);
            expect(f.contextStart).toBeGreaterThanOrEqual(0);
            expect(f.testEnd - f.testStart).toBe(h);
            expect(f.testEnd).toBeLessThanOrEqual(n);
            const prev = folds[i - 1];
            if (prev) expect(f.testStart - prev.testStart).toBe(stride ?? h);
          });
          expect(folds[k - 1]?.testEnd).toBe(n);
        },
      ),
      { numRuns: 500 },
    );
  });
});
