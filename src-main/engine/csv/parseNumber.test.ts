import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberCell, parseNumberDetailed, parsePlainDecimal } from './parseNumber';

describe('parseNumberCell', () => {
  // [cell, decimal mark, value]: plain decimals, signs, padding, a lone decimal mark side and
  // exponents, then thousands separators in strict 3-digit groups.
  it.each<[string, '.' | ',', number]>([
    ['123', '.', 123],
    ['-0.5', '.', -0.5],
    ['+4.25', '.', 4.25],
    [' 7 ', '.', 7],
    ['.5', '.', 0.5],
    ['5.', '.', 5],
    ['1e3', '.', 1000],
    ['2.5E-2', '.', 0.025],
    ['1,5', ',', 1.5],
    ['-3,25e1', ',', -32.5],
    ['12,345,678', '.', 12345678],
    ['1.234,5', ',', 1234.5],
    ['-1.234.567,25', ',', -1234567.25],
    ["1'234.50", '.', 1234.5],
    ['1 000', '.', 1000],
    ['1\u00a0000,5', ',', 1000.5],
    ['1\u202f000', ',', 1000],
  ])('reads %j with decimal mark %j as %s', (cell, mark, value) => {
    expect(parseNumberCell(cell, mark)).toBe(value);
  });

  it('says when a cell was read with thousands separators', () => {
    expect(parseNumberDetailed('1,234.5', '.')).toEqual({ value: 1234.5, grouped: true });
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

  it.each([
    // What Number() would wrongly accept, and non-finite values.
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
    // Thousands groups that are not strictly 3 digits, or mixed separators.
    '1,23',
    '1,2345',
    '1,234 567',
    '1.234.5',
  ])('refuses %j (decimal mark ".")', (cell) => {
    expect(parseNumberCell(cell, '.')).toBeNaN();
  });
});
