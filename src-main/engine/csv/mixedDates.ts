// Dates written in several formats in one column ("2020-01-01", "2020/02/01", "March 2020",
// "1 Apr 2020", "May 1, 2020"): each cell is read by whichever unambiguous format fits it. Day and
// month in slashed dates such as 02/01/2020 cannot be told apart, so they are read only when one of
// the two numbers is above 12 (13/01/2020 is the 13th of January) and are otherwise not dates.
import { daysInMonth, parseIsoDate, parseIsoDateTime, parseYearMonth, utcMs } from './parseTime';

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

/** The month (1–12) of an English month name or its abbreviation ("Sept." included), or 0. */
function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  const i = MONTHS.findIndex((m) => w.startsWith(m));
  if (i < 0) return 0;
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ][i] as string;
  return full.startsWith(w) || w === 'sept' ? i + 1 : 0;
}

function ymd(y: number, m: number, d: number): number {
  if (!(y >= 0 && y <= 9999) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return utcMs(y, m - 1, d);
}

export type DateShape =
  | 'YYYY-MM-DD'
  | 'YYYY/MM/DD'
  | 'YYYY-MM-DD HH:MM'
  | 'YYYY-MM'
  | 'DD/MM/YYYY'
  | 'MM/DD/YYYY'
  | 'Month YYYY'
  | 'D Month YYYY'
  | 'Month D, YYYY';

/** The cell as epoch ms with the shape it was written in, or null when it is no date. */
export function readMixedDate(raw: string): { ms: number; shape: DateShape } | null {
  const s = raw.trim();
  if (s.length === 0) return null;
  let ms = parseIsoDate(s);
  if (ms === ms) return { ms, shape: s[4] === '/' ? 'YYYY/MM/DD' : 'YYYY-MM-DD' };
  ms = parseYearMonth(s);
  if (ms === ms) return { ms, shape: 'YYYY-MM' };
  if (/^\d{4}[-/]\d{2}[-/]\d{2}[T ]\d/.test(s)) {
    ms = parseIsoDateTime(s);
    if (ms === ms) return { ms, shape: 'YYYY-MM-DD HH:MM' };
  }
  let m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) {
    ms = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return ms === ms ? { ms, shape: 'YYYY/MM/DD' } : null;
  }
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    if (a > 12 && b <= 12) {
      ms = ymd(y, b, a);
      return ms === ms ? { ms, shape: 'DD/MM/YYYY' } : null;
    }
    if (b > 12 && a <= 12) {
      ms = ymd(y, a, b);
      return ms === ms ? { ms, shape: 'MM/DD/YYYY' } : null;
    }
    return null; // 02/01/2020: the 2nd of January or the 1st of February
  }
  m = /^([A-Za-z]+\.?)\s+(\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[1] as string);
    ms = month ? ymd(Number(m[2]), month, 1) : NaN;
    return ms === ms ? { ms, shape: 'Month YYYY' } : null;
  }
  m = /^(\d{1,2})\s+([A-Za-z]+\.?)\s+(\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[2] as string);
    ms = month ? ymd(Number(m[3]), month, Number(m[1])) : NaN;
    return ms === ms ? { ms, shape: 'D Month YYYY' } : null;
  }
  m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[1] as string);
    ms = month ? ymd(Number(m[3]), month, Number(m[2])) : NaN;
    return ms === ms ? { ms, shape: 'Month D, YYYY' } : null;
  }
  return null;
}

/** The 'mixed-dates' time parser: epoch ms or NaN. */
export function parseMixedDate(raw: string): number {
  return readMixedDate(raw)?.ms ?? NaN;
}

export interface MixedDatesVerdict {
  /** Share of the (non-missing) cells that read as dates. */
  share: number;
  /** The shapes seen, most frequent first, with their counts. */
  shapes: { shape: DateShape; count: number }[];
  /** The first cells that are no date (at most 3). */
  unreadable: string[];
}

/** How a column's cells read as dates. */
export function mixedDatesVerdict(cells: readonly string[]): MixedDatesVerdict {
  const counts = new Map<DateShape, number>();
  const unreadable: string[] = [];
  let filled = 0;
  let read = 0;
  for (const cell of cells) {
    if (cell.trim() === '') continue;
    filled++;
    const d = readMixedDate(cell);
    if (d === null) {
      if (unreadable.length < 3) unreadable.push(cell.trim());
      continue;
    }
    read++;
    counts.set(d.shape, (counts.get(d.shape) ?? 0) + 1);
  }
  const shapes = [...counts]
    .map(([shape, count]) => ({ shape, count }))
    .sort((a, b) => b.count - a.count);
  return { share: filled === 0 ? 0 : read / filled, shapes, unreadable };
}

/** "YYYY-MM-DD ×4, Month YYYY ×1" */
export function shapesInWords(shapes: MixedDatesVerdict['shapes']): string {
  return shapes.map((s) => `${s.shape} ×${s.count}`).join(', ');
}
