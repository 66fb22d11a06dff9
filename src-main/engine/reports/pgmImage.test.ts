import { describe, expect, it } from 'vitest';
import { countInk, parsePgm } from './pgmImage.testkit';

describe('parsePgm', () => {
  it('reads a hand-made 3×2 P5 image with a comment line', () => {
    const header = new TextEncoder().encode('P5\n# made by hand\n3 2\n255\n');
    const bytes = new Uint8Array([...header, 255, 0, 255, 255, 100, 240]);
    const image = parsePgm(bytes);
    expect([image.width, image.height, image.maxValue]).toEqual([3, 2, 255]);
    expect(Array.from(image.pixels)).toEqual([255, 0, 255, 255, 100, 240]);
    // Below 0.9 · 255 = 229.5: the 0 and the 100.
    expect(countInk(image)).toBe(2);
  });

  it('rejects other formats and truncated data', () => {
    expect(() => parsePgm(new TextEncoder().encode('P6\n1 1\n255\n\0\0\0'))).toThrow(/P5/);
    expect(() => parsePgm(new TextEncoder().encode('P5\n2 2\n255\n\0'))).toThrow(/truncated/);
  });
});
