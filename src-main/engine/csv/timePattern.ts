// Custom date patterns for the time column, e.g. dd.MM.yyyy, MM/dd/yyyy HH:mm, yyyyMMdd. Tokens:
// yyyy (4-digit year), yy (2-digit year: 00–68 → 2000s, 69–99 → 1900s, as POSIX strptime's %y),
// MM / M (month, 2 digits / 1–2), dd / d (day), HH / H (hour 0–23), mm (minute), ss (second).
// Everything else that is not a Latin letter is a literal that must be there. A cell is read as UTC
// epoch milliseconds, validated against the calendar, or NaN when it does not fit the pattern.
import { daysInMonth, utcMs } from './parseTime';

export const TIME_PATTERN_TOKENS = [
  'yyyy',
  'yy',
  'MM',
  'M',
  'dd',
  'd',
  'HH',
  'H',
  'mm',
  'ss',
] as const;
type Token = (typeof TIME_PATTERN_TOKENS)[number];
type Part = { token: Token } | { literal: string };

/** Width of each token: fixed, or 1–2 digits for M, d and H. */
const WIDTH: Record<Token, [number, number]> = {
  yyyy: [4, 4],
  yy: [2, 2],
  MM: [2, 2],
  M: [1, 2],
  dd: [2, 2],
  d: [1, 2],
  HH: [2, 2],
  H: [1, 2],
  mm: [2, 2],
  ss: [2, 2],
};

function tokenise(pattern: string): Part[] | string {
  const parts: Part[] = [];
  let i = 0;
  while (i < pattern.length) {
    const token = TIME_PATTERN_TOKENS.find((t) => pattern.startsWith(t, i));
    if (token) {
      parts.push({ token });
      i += token.length;
      continue;
    }
    const c = pattern[i] ?? '';
    // Latin letters are reserved for tokens; other scripts' letters (年, 月) are literals.
    if (/[A-Za-z]/.test(c))
      return `"${c}" is not a date pattern letter; use ${TIME_PATTERN_TOKENS.join(', ')}`;
    const last = parts[parts.length - 1];
    if (last && 'literal' in last) last.literal += c;
    else parts.push({ literal: c });
    i++;
  }
  return parts;
}

/** Why a pattern cannot be used, or null when it can. */
export function timePatternProblem(pattern: string): string | null {
  const parts = tokenise(pattern);
  if (typeof parts === 'string') return parts;
  const tokens = parts.flatMap((p) => ('token' in p ? [p.token] : []));
  const count = (...names: Token[]): number => tokens.filter((t) => names.includes(t)).length;
  if (count('yyyy', 'yy') !== 1) return 'a date pattern needs the year once (yyyy or yy)';
  if (count('MM', 'M') !== 1) return 'a date pattern needs the month once (MM or M)';
  if (count('dd', 'd') > 1 || count('HH', 'H') > 1 || count('mm') > 1 || count('ss') > 1)
    return 'each part of the date may appear only once in the pattern';
  if (count('mm') + count('ss') > 0 && count('HH', 'H') === 0)
    return 'minutes and seconds need the hour (HH or H) too';
  // Two variable-width numbers side by side cannot be told apart (M then d in "Md").
  for (let k = 1; k < parts.length; k++) {
    const a = parts[k - 1];
    const b = parts[k];
    if (a && b && 'token' in a && 'token' in b) {
      const [aMin, aMax] = WIDTH[a.token];
      if (aMin !== aMax) return `"${a.token}" needs a separator after it (or use its 2-digit form)`;
    }
  }
  return null;
}

/** The pattern's parser; the pattern must pass `timePatternProblem`. */
export function timePatternParser(pattern: string): (cell: string) => number {
  const parsed = tokenise(pattern);
  const parts = typeof parsed === 'string' ? [] : parsed;
  return (raw) => {
    const s = raw.trim();
    let at = 0;
    let year = NaN;
    let month = NaN;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of parts) {
      if ('literal' in part) {
        if (!s.startsWith(part.literal, at)) return NaN;
        at += part.literal.length;
        continue;
      }
      const [min, max] = WIDTH[part.token];
      let v = 0;
      let n = 0;
      while (n < max) {
        const c = s.charCodeAt(at + n) - 48;
        if (!(c >= 0 && c <= 9)) break;
        v = v * 10 + c;
        n++;
      }
      if (n < min) return NaN;
      at += n;
      switch (part.token) {
        case 'yyyy':
          year = v;
          break;
        case 'yy':
          year = v <= 68 ? 2000 + v : 1900 + v;
          break;
        case 'MM':
        case 'M':
          month = v;
          break;
        case 'dd':
        case 'd':
          day = v;
          break;
        case 'HH':
        case 'H':
          hour = v;
          break;
        case 'mm':
          minute = v;
          break;
        case 'ss':
          second = v;
          break;
      }
    }
    if (at !== s.length || !(month >= 1 && month <= 12)) return NaN;
    if (day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
      return NaN;
    return utcMs(year, month - 1, day) + ((hour * 60 + minute) * 60 + second) * 1000;
  };
}
