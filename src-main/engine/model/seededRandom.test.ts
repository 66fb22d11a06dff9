import { describe, it, expect } from 'vitest';
import { mulberry32, shuffledIndices } from './seededRandom';

describe('seeded shuffling', () => {
  it('is a permutation, reproducible per seed, different across seeds', () => {
    const a = shuffledIndices(50, mulberry32(1));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(shuffledIndices(50, mulberry32(1)))).toEqual(Array.from(a));
    expect(Array.from(shuffledIndices(50, mulberry32(2)))).not.toEqual(Array.from(a));
  });
  it('draws are uniform-ish in [0, 1)', () => {
    const r = mulberry32(7);
    let s = 0;
    for (let i = 0; i < 10000; i++) {
      const v = r();
      expect(v >= 0 && v < 1).toBe(true);
      s += v;
    }
    expect(s / 10000).toBeCloseTo(0.5, 1);
  });
});
