import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberCell, parseNumberDetailed, parsePlainDecimal } from './parseNumber';

describe('parseNumberCell', () => {
  it('reads plain decimals, signs, padding and a lone decimal mark side', () => {
    expect(parseNumberCell('123', '.')).toBe(123);
    expect(parseNumberCell('-0.5', '.')).toBe(-0.5);
    expect(parseNumberCell('+4.25', '.')).toBe(4.25);
    expect(parseNumberCell(' 7 ', '.')).toBe(7);
    expect(parseNumberCell('.5', '.')).toBe(0.5);
    expect(parseNumberCell('5.', '.')).toBe(5);
    expect(parseNumberCell('1e3', '.')).toBe(1000);
    expect(parseNumberCell('2.5E-2', '.')).toBe(0.025);
    expect(parseNumberCell('1,5', ',')).toBe(1.5);
    expect(parseNumberCell('-3,25e1', ',')).toBe(-32.5);
  });

  it('agrees with Number() on every plain decimal, fast path or not', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 1, max: 17 }),
        (x, digits) => {
          const text = x.toPrecision(digits);
          // Rounding to few digits can overflow (-2e+308): such cells are not finite numbers.
          const expected = Number.isFinite(Number(text)) ? Number(text) : NaN;
          expect(parseNumberCell(text, '.')).toBe(expected);
          expect(parseNumberCell(text.replace('.', ','), ',')).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
    expect(parsePlainDecimal('0.1', 46)).toBe(0.1);
    expect(parsePlainDecimal('1234567890123456', 46)).toBeNaN(); // 16 significant digits: slow path
    expect(parseNumberCell('1234567890123456789', '.')).toBe(1.2345678901234568e18);
  });

  it('reads thousands separators with strict 3-digit groups', () => {
    expect(parseNumberDetailed('1,234.5', '.')).toEqual({ value: 1234.5, grouped: true });
    expect(parseNumberCell('12,345,678', '.')).toBe(12345678);
    expect(parseNumberCell('1.234,5', ',')).toBe(1234.5);
    expect(parseNumberCell('-1.234.567,25', ',')).toBe(-1234567.25);
    expect(parseNumberCell("1'234.50", '.')).toBe(1234.5);
    expect(parseNumberCell('1 000', '.')).toBe(1000);
    expect(parseNumberCell('1\u00a0000,5', ',')).toBe(1000.5);
    expect(parseNumberCell('1\u202f000', ',')).toBe(1000);
    expect(parseNumberCell('1,23', '.')).toBeNaN();
    expect(parseNumberCell('1,2345', '.')).toBeNaN();
    expect(parseNumberCell('1,234 567', '.')).toBeNaN();
    expect(parseNumberCell('1.234.5', '.')).toBeNaN();
  });

  it('refuses what Number() would wrongly accept, and non-finite values', () => {
    for (const junk of [
      '0x10',
      'Infinity',
      '-Infinity',
      '1_000',
      'abc',
      '',
      ' ',
      '-',
      '.',
      '1e400',
      '0b11',
      '12abc',
      '1..2',
      '--1',
    ]) {
      expect(parseNumberCell(junk, '.')).toBeNaN();
    }
  });
});
