import { describe, it, expect } from 'vitest';
import { mulberry32, pick, randomInt, shuffledIndices } from './random';

describe('mulberry32', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 5 }, () => a());
    const sb = Array.from({ length: 5 }, () => b());
    const sc = Array.from({ length: 5 }, () => c());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('produces values in [0,1) with mean ≈ 1/2 and variance ≈ 1/12', () => {
    const r = mulberry32(7);
    const n = 50_000;
    let s = 0;
    let s2 = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const v = r();
      if (!(v >= 0 && v < 1)) outside++;
      s += v;
      s2 += v * v;
    }
    expect(outside).toBe(0);
    const mean = s / n;
    // Standard error of the mean of U(0,1) for n=50k is 0.0013; 5 SE tolerance.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0065);
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('randomInt covers the inclusive range and pick returns members', () => {
    const r = mulberry32(1);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(randomInt(r, 3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    expect(['x', 'y']).toContain(pick(r, ['x', 'y']));
    expect(() => pick(r, [])).toThrow();
  });
});

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
