// Time cell parsers, one per TimeFormat, returning epoch milliseconds (UTC) or NaN when the cell does
// not fit. ISO forms are read character by character: Date.parse per row is slow and accepts
// impossible dates such as 2021-02-30 in some engines.
import { parseMixedDate } from './mixedDates';
import { parsePlainDecimal } from './parseNumber';
import type { TimeFormat } from './types';

const DAY_MS = 86_400_000;

/** Date.UTC without its two-digit-year quirk (years 0..99 would land in the 1900s). */
export function utcMs(year: number, monthIndex: number, day: number): number {
  if (year >= 100) return Date.UTC(year, monthIndex, day);
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d.getTime();
}

export function daysInMonth(year: number, month1: number): number {
  if (month1 === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month1 === 4 || month1 === 6 || month1 === 9 || month1 === 11 ? 30 : 31;
}

/** Reads `count` ASCII digits at `at`; -1 when any is not a digit. */
function digitsAt(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1; // NaN past the end fails too
    v = v * 10 + c;
  }
  return v;
}

function isDateSeparator(c: number): boolean {
  return c === 45 || c === 47; // '-' or '/'
}

/** YYYY-MM-DD (or with '/'), validated against the calendar. */
export function parseIsoDate(raw: string): number {
  const s = raw.length === 10 ? raw : raw.trim();
  return s.length === 10 ? dateAt(s) : NaN;
}

function dateAt(s: string): number {
  if (s.length < 10) return NaN;
  const sep = s.charCodeAt(4);
  if (!isDateSeparator(sep) || s.charCodeAt(7) !== sep) return NaN;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return utcMs(y, m - 1, d);
}

/** YYYY-MM. */
export function parseYearMonth(raw: string): number {
  const s = raw.length === 7 ? raw : raw.trim();
  if (s.length !== 7 || !isDateSeparator(s.charCodeAt(4))) return NaN;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  if (y < 0 || m < 1 || m > 12) return NaN;
  return utcMs(y, m - 1, 1);
}

/**
 * YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH[:MM]]; a date alone is midnight. No zone means UTC, so a
 * naive series never shifts with the analyst's computer.
 */
export function parseIsoDateTime(raw: string): number {
  const s = raw.trim();
  const day = dateAt(s);
  if (Number.isNaN(day)) return NaN;
  if (s.length === 10) return day;
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 32 && t !== 116) return NaN; // 'T', ' ', 't'
  const hh = digitsAt(s, 11, 2);
  const mm = s.charCodeAt(13) === 58 ? digitsAt(s, 14, 2) : -1;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return NaN;
  let i = 16;
  let ms = (hh * 60 + mm) * 60_000;
  if (s.charCodeAt(i) === 58) {
    const ss = digitsAt(s, i + 1, 2);
    if (ss < 0 || ss > 60) return NaN;
    ms += ss * 1000;
    i += 3;
    if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
      let scale = 100;
      let j = i + 1;
      for (; j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57; j++) {
        ms += (s.charCodeAt(j) - 48) * scale;
        scale /= 10;
      }
      if (j === i + 1) return NaN;
      i = j;
    }
  }
  const offset = zoneOffsetMs(s, i);
  return Number.isNaN(offset) ? NaN : day + ms - offset;
}

function zoneOffsetMs(s: string, i: number): number {
  if (i === s.length) return 0;
  const c = s.charCodeAt(i);
  if ((c === 90 || c === 122) && i + 1 === s.length) return 0; // 'Z'
  if (c !== 43 && c !== 45) return NaN;
  const hh = digitsAt(s, i + 1, 2);
  const rest = s.length - (i + 3);
  let mm = 0;
  if (rest === 3 && s.charCodeAt(i + 3) === 58) mm = digitsAt(s, i + 4, 2);
  else if (rest === 2) mm = digitsAt(s, i + 3, 2);
  else if (rest !== 0) return NaN;
  if (hh < 0 || hh > 14 || mm < 0 || mm > 59) return NaN;
  return (c === 45 ? -1 : 1) * (hh * 60 + mm) * 60_000;
}

/** Epoch ms of a decimal year: the fraction is spread over that calendar year's real length. */
export function decimalYearToMs(value: number): number {
  const year = Math.floor(value);
  const start = utcMs(year, 0, 1);
  return start + (value - year) * (utcMs(year + 1, 0, 1) - start);
}

export function msToDecimalYear(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const start = utcMs(year, 0, 1);
  return year + (ms - start) / (utcMs(year + 1, 0, 1) - start);
}

/** Each format in words, for error messages. */
export const TIME_FORMAT_WORDS: Record<TimeFormat, string> = {
  'iso-date': 'date (YYYY-MM-DD)',
  'iso-datetime': 'date-time (YYYY-MM-DDTHH:MM:SS)',
  'year-month': 'year-month (YYYY-MM)',
  year: 'year',
  'decimal-year': 'decimal year',
  'epoch-seconds': 'epoch time in seconds',
  'epoch-millis': 'epoch time in milliseconds',
  pattern: 'date in the chosen pattern',
  'mixed-dates':
    'date (in one of the formats YYYY-MM-DD, YYYY/MM/DD, YYYY-MM, DD/MM/YYYY with a day above 12, Month YYYY, D Month YYYY, Month D YYYY)',
  index: 'index number',
};

export type TimeParser = (cell: string) => number;

/** The parser for a format; 'index' returns the cell's number (a plain decimal). */
export function timeParser(format: TimeFormat): TimeParser {
  switch (format) {
    case 'iso-date':
      return parseIsoDate;
    case 'iso-datetime':
      return parseIsoDateTime;
    case 'year-month':
      return parseYearMonth;
    case 'year':
      return (cell) => {
        const y = parsePlainDecimal(cell, 46);
        return Number.isInteger(y) && y >= 0 && y <= 9999 ? utcMs(y, 0, 1) : NaN;
      };
    case 'decimal-year':
      return (cell) => {
        const y = parsePlainDecimal(cell, 46);
        return y >= 0 && y < 10000 ? decimalYearToMs(y) : NaN;
      };
    case 'epoch-seconds':
      return (cell) => parsePlainDecimal(cell, 46) * 1000;
    case 'mixed-dates':
      return parseMixedDate;
    case 'pattern':
      // Read by timePattern.ts's parser of the options' pattern (TableBuilder); none here.
      return () => NaN;
    case 'epoch-millis':
    case 'index':
      return (cell) => parsePlainDecimal(cell, 46);
  }
}

export { DAY_MS };
