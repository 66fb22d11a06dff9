import { describe, expect, it } from 'vitest';
import { lowerBound, minMaxIndices } from './downsample';

describe('minMaxIndices', () => {
  it('returns every index when the range already fits', () => {
    const v = Float64Array.from([1, 2, 3, 4]);
    const r = minMaxIndices([v], 1, 4, 10);
    expect(Array.from(r.indices)).toEqual([1, 2, 3]);
    expect(r.downsampled).toBe(false);
  });

  it('keeps the extremes of every bucket, in time order', () => {
    // 1,000 points of a sawtooth with one spike: the spike must survive 20-point downsampling.
    const v = new Float64Array(1000);
    for (let i = 0; i < 1000; i++) v[i] = i % 10;
    v[537] = 99;
    const r = minMaxIndices([v], 0, 1000, 20);
    const idx = Array.from(r.indices);
    expect(r.downsampled).toBe(true);
    expect(idx.length).toBeLessThanOrEqual(20);
    expect(idx).toContain(537);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });

  it('marks an all-missing bucket as a gap', () => {
    const v = new Float64Array(100).fill(1);
    for (let i = 50; i < 60; i++) v[i] = Number.NaN;
    const r = minMaxIndices([v], 0, 100, 20);
    expect(Array.from(r.indices)).toContain(-1);
  });
});

describe('lowerBound', () => {
  it('finds the first time at or after t', () => {
    const t = Float64Array.from([0, 10, 20, 30]);
    expect(lowerBound(t, -5)).toBe(0);
    expect(lowerBound(t, 10)).toBe(1);
    expect(lowerBound(t, 11)).toBe(2);
    expect(lowerBound(t, 31)).toBe(4);
  });
});
