import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryReason, checkUtf8, checkUtf8Chunk, lineOfOffset } from './textEncoding';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const replacements = (b: Uint8Array): number =>
  [...new TextDecoder().decode(b)].filter((c) => c === '\uFFFD').length;

describe('checkUtf8', () => {
  it('accepts valid UTF-8 and finds Latin-1 bytes', () => {
    expect(checkUtf8(Buffer.from('Zürich 😀 €'), true).invalidCount).toBe(0);
    expect(checkUtf8(Buffer.from('Zürich', 'latin1'), true)).toEqual({
      invalidCount: 1,
      firstInvalid: 1,
      incompleteTail: 0,
    });
  });

  it('refuses overlong forms, surrogates and code points above U+10FFFF', () => {
    expect(checkUtf8(bytes(0xc0, 0x80), true).invalidCount).toBe(2);
    expect(checkUtf8(bytes(0xed, 0xa0, 0x80), true).firstInvalid).toBe(0);
    expect(checkUtf8(bytes(0xf4, 0x90, 0x80, 0x80), true).invalidCount).toBeGreaterThan(0);
  });

  it('keeps a truncated last sequence for the next chunk unless final', () => {
    expect(checkUtf8(bytes(0x41, 0xe2, 0x82), false)).toEqual({
      invalidCount: 0,
      firstInvalid: -1,
      incompleteTail: 2,
    });
    expect(checkUtf8(bytes(0x41, 0xe2, 0x82), true)).toEqual({
      invalidCount: 1,
      firstInvalid: 1,
      incompleteTail: 0,
    });
  });

  it('counts invalid sequences exactly as the WHATWG decoder replaces them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        fc.pre(!Buffer.from(b).includes(Buffer.from([0xef, 0xbf, 0xbd])));
        expect(checkUtf8(b, true).invalidCount).toBe(replacements(b));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same count when the bytes arrive in two chunks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(64), (b, at) => {
        const cut = Math.min(at, b.length);
        const first = checkUtf8Chunk(b.subarray(0, cut), false);
        const rest = Uint8Array.from([
          ...b.subarray(cut - first.incompleteTail, cut),
          ...b.subarray(cut),
        ]);
        const second = checkUtf8Chunk(rest, true);
        expect(first.invalidCount + second.invalidCount).toBe(checkUtf8(b, true).invalidCount);
      }),
      { numRuns: 500 },
    );
  });
});

describe('binaryReason', () => {
  it('flags NUL bytes, control bytes and undecodable bytes but not Latin-1 text', () => {
    expect(binaryReason(bytes(0x61, 0x00), 0)).toBe('it contains NUL bytes (first at byte 1)');
    expect(binaryReason(bytes(1, 2, 3, 4, 5), 0)).toBe(
      '5 of its first 5 bytes are control characters',
    );
    const latin = Buffer.from('Köln,Zürich,Málaga\n1,2,3\n', 'latin1');
    expect(binaryReason(latin, checkUtf8(latin, true).invalidCount)).toBeNull();
    expect(binaryReason(Buffer.from('date,value\r\n2020-01-01,1\t\f\r\n'), 0)).toBeNull();
  });

  it('locates a byte offset by line', () => {
    expect(lineOfOffset(Buffer.from('a\nb\nc'), 4)).toBe(3);
  });
});
