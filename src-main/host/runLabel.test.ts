import { describe, expect, it } from 'vitest';
import type { RunResult } from '../shared/schemas/model';
import { runLabel } from './runRegistry';

const withScaler = (scaler: RunResult['config']['scaler']): RunResult =>
  ({
    config: { cell: 'lstm', layers: 2, units: 32, lookback: 24, horizon: 12, scaler },
  }) as unknown as RunResult;

describe('runLabel', () => {
  it('names the scaler in words, and leaves it out when none was used', () => {
    expect(runLabel(withScaler('none'))).toBe('LSTM 2×32 · L24 H12');
    expect(runLabel(withScaler('minmax'))).toBe('LSTM 2×32 · L24 H12 · min–max scaled');
    expect(runLabel(withScaler('standard'))).toBe('LSTM 2×32 · L24 H12 · standardised');
    expect(runLabel(withScaler('robust'))).toBe('LSTM 2×32 · L24 H12 · robust scaling');
  });
});
