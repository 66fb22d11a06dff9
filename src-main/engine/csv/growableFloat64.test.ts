import { describe, expect, it } from 'vitest';
import { GrowableFloat64 } from './growableFloat64';

describe('GrowableFloat64', () => {
  it('keeps every pushed value across capacity doublings', () => {
    const g = new GrowableFloat64(2);
    for (let i = 0; i < 3000; i++) g.push(i / 3);
    const out = g.toArray();
    expect(out.length).toBe(3000);
    expect(out[2999]).toBe(2999 / 3);
    expect(Array.from(out.subarray(0, 3))).toEqual([0, 1 / 3, 2 / 3]);
  });
});
