import { describe, expect, it } from 'vitest';
import { gridSize, parseValues } from './searchGrid';

describe('parseValues', () => {
  it('reads numbers separated by commas or spaces, without duplicates', () => {
    expect(parseValues('units', '16, 32 64,32')).toEqual({ ok: true, values: [16, 32, 64] });
    expect(parseValues('learningRate', '1e-3, 0.01')).toEqual({ ok: true, values: [0.001, 0.01] });
    expect(parseValues('units', '')).toEqual({ ok: true, values: [] });
  });
  it('refuses fractions for whole-number parameters and unknown cells', () => {
    expect(parseValues('layers', '1.5').ok).toBe(false);
    expect(parseValues('dropout', 'x').ok).toBe(false);
    expect(parseValues('cell', 'LSTM gru')).toEqual({ ok: true, values: ['lstm', 'gru'] });
    expect(parseValues('cell', 'transformer').ok).toBe(false);
  });
});

describe('gridSize', () => {
  it('multiplies the number of values per parameter', () => {
    // 2 cells × 3 unit counts = 6 combinations
    expect(gridSize({ cell: ['lstm', 'gru'], units: [8, 16, 32] })).toBe(6);
    expect(gridSize({})).toBe(1);
  });
});
