import { describe, it, expect } from 'vitest';
import {
  DEFAULT_SEARCH_SPACE,
  gridSize,
  gridTrials,
  randomTrials,
  rankTrials,
  type SearchSpace,
} from './searchSpace';

describe('gridTrials', () => {
  const grid = { cellType: ['lstm', 'gru'], units: [16, 32, 64] };

  it('enumerates the full product when the budget allows, last key fastest', () => {
    const trials = gridTrials(grid, 100);
    expect(gridSize(grid)).toBe(6);
    expect(trials.map((t) => `${t.params.cellType}-${t.params.units}`)).toEqual([
      'lstm-16',
      'lstm-32',
      'lstm-64',
      'gru-16',
      'gru-32',
      'gru-64',
    ]);
    expect(trials.map((t) => t.id)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('spreads a smaller budget over the product (indices floor(t*6/3) = 0, 2, 4)', () => {
    const trials = gridTrials(grid, 3);
    expect(trials.map((t) => `${t.params.cellType}-${t.params.units}`)).toEqual([
      'lstm-16',
      'lstm-64',
      'gru-32',
    ]);
  });

  it('returns nothing for an empty dimension or zero budget', () => {
    expect(gridTrials({ a: [], b: [1] }, 5)).toEqual([]);
    expect(gridTrials(grid, 0)).toEqual([]);
  });
});

describe('randomTrials', () => {
  it('is reproducible by seed and respects every parameter spec', () => {
    const a = randomTrials(DEFAULT_SEARCH_SPACE, 40, 123);
    const b = randomTrials(DEFAULT_SEARCH_SPACE, 40, 123);
    const c = randomTrials(DEFAULT_SEARCH_SPACE, 40, 124);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toHaveLength(40);
    for (const t of a) {
      expect(['lstm', 'gru']).toContain(t.params.cellType);
      expect([1, 2, 3]).toContain(t.params.layers);
      expect([16, 32, 64, 128]).toContain(t.params.units);
      expect([12, 24, 48]).toContain(t.params.lookback);
      expect([16, 32, 64]).toContain(t.params.batchSize);
      const dropout = t.params.dropout as number;
      expect(dropout).toBeGreaterThanOrEqual(0);
      expect(dropout).toBeLessThan(0.3);
      const lr = t.params.learningRate as number;
      expect(lr).toBeGreaterThanOrEqual(1e-4);
      expect(lr).toBeLessThan(1e-2);
    }
  });

  it('samples log-uniformly: about half the learning rates fall below the geometric mean 1e-3', () => {
    const trials = randomTrials(DEFAULT_SEARCH_SPACE, 400, 9);
    const below = trials.filter((t) => (t.params.learningRate as number) < 1e-3).length;
    // Binomial(400, 0.5): sd = 10; allow 4 sd.
    expect(Math.abs(below - 200)).toBeLessThan(40);
  });

  it('does not repeat combinations of a small discrete space', () => {
    const space: SearchSpace = {
      a: { kind: 'choice', values: [1, 2] },
      b: { kind: 'uniform', min: 0, max: 1, integer: true },
    };
    const trials = randomTrials(space, 10, 5);
    expect(trials.length).toBe(4);
    expect(new Set(trials.map((t) => JSON.stringify(t.params))).size).toBe(4);
  });
});

describe('rankTrials', () => {
  it('ranks by validation loss only, ignoring test metrics, failed runs last', () => {
    const ranked = rankTrials([
      { id: 0, params: {}, valLoss: 0.5, testMae: 0.1 },
      { id: 1, params: {}, valLoss: Number.NaN, testMae: 0.01 },
      { id: 2, params: {}, valLoss: 0.2, testMae: 0.9 },
      { id: 3, params: {}, valLoss: 0.2, testMae: 0.3 },
    ]);
    expect(ranked.map((t) => t.id)).toEqual([2, 3, 0, 1]);
    expect(ranked.map((t) => t.rank)).toEqual([1, 2, 3, 4]);
    expect(ranked.map((t) => t.isBest)).toEqual([true, false, false, false]);
    expect(ranked[0]?.testMae).toBe(0.9);
  });

  it('marks no best when every run failed', () => {
    const ranked = rankTrials([{ id: 0, params: {}, valLoss: Number.POSITIVE_INFINITY }]);
    expect(ranked[0]?.isBest).toBe(false);
  });
});
