import { describe, expect, it } from 'vitest';
import { base64ToBytes } from './download';

describe('base64ToBytes', () => {
  it('decodes the PDF magic bytes', () => {
    // "%PDF-" is 25 50 44 46 2d; its base64 is "JVBERi0=".
    expect([...base64ToBytes('JVBERi0=')]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d]);
  });
});
