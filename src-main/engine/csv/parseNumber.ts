// Number parsing for CSV cells. The fast path handles plain decimals without allocating; anything
// else (exponents, thousands separators, long mantissas) goes through strict patterns, so that
// Number()'s leniency ('0x10', 'Infinity', '1_0') never turns junk into a value.

/** 10^k is exact in binary64 for k <= 22, so mantissa / 10^k is then correctly rounded. */
export const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p);

/** Space, tab, NBSP and narrow NBSP: the padding a plain decimal may carry. */
function isSpaceLike(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f;
}

export interface NumberParse {
  value: number;
  /** True when a thousands separator was used; NaN value when the cell is not a number. */
  grouped: boolean;
}

/** Parses a cell with the given decimal mark; NaN when it is not a number (missing tokens included). */
export function parseNumberCell(cell: string, decimal: '.' | ','): number {
  const fast = parsePlainDecimal(cell, decimal === ',' ? 44 : 46);
  if (fast === fast) return fast;
  return parseNumberSlow(cell, decimal).value;
}

/** The same as parseNumberCell but tells whether the cell grouped thousands. */
export function parseNumberDetailed(cell: string, decimal: '.' | ','): NumberParse {
  const fast = parsePlainDecimal(cell, decimal === ',' ? 44 : 46);
  if (fast === fast) return { value: fast, grouped: false };
  return parseNumberSlow(cell, decimal);
}

/** Digits with an optional sign and one decimal mark, at most 15 significant digits; else NaN. */
export function parsePlainDecimal(cell: string, decimalCode: number): number {
  return parsePlainDecimalRange(cell, 0, cell.length, decimalCode);
}

/** parsePlainDecimal of text[from, to), read in place so the importer's fast path makes no string. */
export function parsePlainDecimalRange(
  text: string,
  from: number,
  to: number,
  decimalCode: number,
): number {
  const cell = text;
  let start = from;
  let end = to;
  while (start < end && isSpaceLike(cell.charCodeAt(start))) start++;
  while (end > start && isSpaceLike(cell.charCodeAt(end - 1))) end--;
  if (start === end) return NaN;
  let negative = false;
  let c = cell.charCodeAt(start);
  if (c === 45 || c === 43) {
    negative = c === 45;
    start++;
  }
  let mantissa = 0;
  let significant = 0;
  let fractionDigits = 0;
  let digits = 0;
  let seenMark = false;
  for (let i = start; i < end; i++) {
    c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (mantissa !== 0 || c !== 48) {
        if (++significant > 15) return NaN;
      }
      mantissa = mantissa * 10 + (c - 48);
      if (seenMark) fractionDigits++;
    } else if (c === decimalCode && !seenMark) {
      seenMark = true;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || fractionDigits > 22) return NaN;
  const value = fractionDigits === 0 ? mantissa : mantissa / (POW10[fractionDigits] as number);
  return negative ? -value : value;
}

const GROUPED_POINT = /^([+-]?)(\d{1,3})([,' \u00a0\u202f])(\d{3}(?:\3\d{3})*)(?:\.(\d+))?$/;
const GROUPED_COMMA = /^([+-]?)(\d{1,3})([.' \u00a0\u202f])(\d{3}(?:\3\d{3})*)(?:,(\d+))?$/;
const PLAIN_POINT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const PLAIN_COMMA = /^[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?$/;

function parseNumberSlow(cell: string, decimal: '.' | ','): NumberParse {
  const text = cell.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  const plain = decimal === '.' ? PLAIN_POINT : PLAIN_COMMA;
  if (plain.test(text)) {
    const value = Number(decimal === '.' ? text : text.replace(',', '.'));
    return { value: Number.isFinite(value) ? value : NaN, grouped: false };
  }
  const grouped = (decimal === '.' ? GROUPED_POINT : GROUPED_COMMA).exec(text);
  if (grouped === null) return { value: NaN, grouped: false };
  const [, sign = '', head = '', separator = '', rest = '', fraction] = grouped;
  const digits = head + rest.split(separator).join('');
  const value = Number(`${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`);
  return Number.isFinite(value) ? { value, grouped: true } : { value: NaN, grouped: false };
}

/**
 * Whether the cell is written as a number but lies beyond ±1.8e308 (the largest double), such as
 * "1e309": not a number to the importer, but worth a message of its own.
 */
export function isOutOfRangeNumber(cell: string, decimal: '.' | ','): boolean {
  const text = cell.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  if ((decimal === '.' ? PLAIN_POINT : PLAIN_COMMA).test(text))
    return !Number.isFinite(Number(decimal === '.' ? text : text.replace(',', '.')));
  const grouped = (decimal === '.' ? GROUPED_POINT : GROUPED_COMMA).exec(text);
  if (grouped === null) return false;
  const [, sign = '', head = '', separator = '', rest = '', fraction] = grouped;
  const digits = head + rest.split(separator).join('');
  return !Number.isFinite(
    Number(`${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`),
  );
}
