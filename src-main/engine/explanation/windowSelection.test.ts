import { describe, it, expect } from 'vitest';
import { gatherWindows, selectWindows } from './windowSelection';

describe('selectWindows', () => {
  it('returns all windows when there are few', () => {
    expect(selectWindows(4, 10)).toEqual([0, 1, 2, 3]);
  });

  it('spreads evenly including both ends (11 of 101 → every 10th)', () => {
    expect(selectWindows(101, 11)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('never repeats an index and stays in range', () => {
    for (const total of [201, 250, 1000, 12345]) {
      const s = selectWindows(total);
      expect(s).toHaveLength(200);
      expect(new Set(s).size).toBe(200);
      expect(s[0]).toBe(0);
      expect(s[199]).toBe(total - 1);
    }
    expect(selectWindows(0)).toEqual([]);
  });
});

describe('gatherWindows', () => {
  it('copies the chosen [lookback × features] blocks', () => {
    const inputs = Float32Array.from({ length: 3 * 2 * 2 }, (_, i) => i);
    const out = gatherWindows(inputs, { windows: 3, lookback: 2, features: 2 }, [2, 0]);
    expect(Array.from(out)).toEqual([8, 9, 10, 11, 0, 1, 2, 3]);
  });
});
