// In-place time parsing for the importer's fast path: reads text[from, to) without cutting the cell
// out. It only takes the common shapes and answers NaN whenever it is not sure; the caller then runs
// the string parser of parseTime.ts on the cell, which stays the definition (and produces the error
// messages). So this may only ever return what that parser returns for the same cell.
import { parsePlainDecimalRange } from './parseNumber';
import { daysInMonth, utcMs } from './parseTime';
import type { TimeFormat } from './types';

/** `count` ASCII digits at `at` (the caller keeps them inside the cell); -1 when one is not a digit. */
function digits(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

export class RangeTimeParser {
  // Consecutive rows mostly share a date, so Date.UTC runs once per day instead of once per row.
  private lastKey = -1;
  private day = NaN;

  constructor(private readonly format: TimeFormat) {}

  /**
   * Epoch ms (or the index number) of text[from, to) into out[0]; false = ask parseTime.ts. The value
   * goes through the array because a double returned from a call that is not inlined is boxed.
   */
  read(text: string, from: number, to: number, out: Float64Array): boolean {
    switch (this.format) {
      case 'iso-datetime':
        return this.isoDateTime(text, from, to, out);
      case 'iso-date':
        if (to - from !== 10 || !this.date(text, from)) return false;
        out[0] = this.day;
        return true;
      case 'epoch-millis':
      case 'index':
      case 'epoch-seconds': {
        const v = parsePlainDecimalRange(text, from, to, 46);
        out[0] = this.format === 'epoch-seconds' ? v * 1000 : v;
        return v === v;
      }
      default:
        return false;
    }
  }

  /** YYYY-MM-DD (or '/') at `a` into this.day; the caller guarantees 10 characters. */
  private date(s: string, a: number): boolean {
    const sep = s.charCodeAt(a + 4);
    if ((sep !== 45 && sep !== 47) || s.charCodeAt(a + 7) !== sep) return false;
    const y = digits(s, a, 4);
    const m = digits(s, a + 5, 2);
    const d = digits(s, a + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1) return false;
    const key = y * 10_000 + m * 100 + d;
    if (key === this.lastKey) return true;
    if (d > daysInMonth(y, m)) return false;
    this.lastKey = key;
    this.day = utcMs(y, m - 1, d);
    return true;
  }

  /** YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z]; zone offsets and padding are left to parseTime.ts. */
  private isoDateTime(s: string, a: number, e: number, out: Float64Array): boolean {
    const len = e - a;
    if (len < 10 || !this.date(s, a)) return false;
    if (len === 10) {
      out[0] = this.day;
      return true;
    }
    if (len < 16) return false;
    const t = s.charCodeAt(a + 10);
    if (t !== 84 && t !== 32 && t !== 116) return false;
    const hh = digits(s, a + 11, 2);
    const mm = s.charCodeAt(a + 13) === 58 ? digits(s, a + 14, 2) : -1;
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return false;
    let i = a + 16;
    // The same operations in the same order as parseIsoDateTime, so fractions round alike.
    let ms = (hh * 60 + mm) * 60_000;
    if (i < e && s.charCodeAt(i) === 58) {
      if (i + 3 > e) return false;
      const ss = digits(s, i + 1, 2);
      if (ss < 0 || ss > 60) return false;
      ms += ss * 1000;
      i += 3;
      const mark = i < e ? s.charCodeAt(i) : -1;
      if (mark === 46 || mark === 44) {
        let scale = 100;
        let j = i + 1;
        for (; j < e; j++) {
          const c = s.charCodeAt(j) - 48;
          if (c < 0 || c > 9) break;
          ms += c * scale;
          scale /= 10;
        }
        if (j === i + 1) return false;
        i = j;
      }
    }
    const z = i < e ? s.charCodeAt(i) : -1;
    if (i !== e && !((z === 90 || z === 122) && i + 1 === e)) return false;
    out[0] = this.day + ms;
    return true;
  }
}
