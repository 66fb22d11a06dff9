// Counting and generating regular steps between timestamps, per step unit. Calendar units (months,
// business days) are counted on the calendar, never as fixed milliseconds.
import { DAY_MS, daysInMonth, decimalYearToMs, msToDecimalYear, utcMs } from './parseTime';
import type { TimeStep } from './types';

export function monthIndex(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function isMonthEnd(d: Date): boolean {
  return d.getUTCDate() === daysInMonth(d.getUTCFullYear(), d.getUTCMonth() + 1);
}

/** Weekdays from a to b (a Monday to the next Monday is 5). Both must be weekdays. */
export function businessDaysBetween(a: number, b: number): number {
  const days = Math.round((b - a) / DAY_MS);
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  const startDow = new Date(a).getUTCDay();
  for (let k = 1; k <= days - weeks * 7; k++) {
    const dow = (startDow + k) % 7;
    if (dow !== 0 && dow !== 6) count++;
  }
  return count;
}

export function isWeekday(ms: number): boolean {
  const dow = new Date(ms).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** How many base steps lie between a and b (b > a); fractional when off the grid. */
export function stepsBetween(a: number, b: number, step: TimeStep): number {
  switch (step.unit) {
    case 'month':
      return (monthIndex(b) - monthIndex(a)) / step.size;
    case 'business-day':
      return businessDaysBetween(a, b) / step.size;
    case 'year-fraction':
      return (msToDecimalYear(b) - msToDecimalYear(a)) / step.size;
    case 'ms':
    case 'index':
      return (b - a) / step.size;
  }
}

/** The time k steps after t (k >= 1), keeping day-of-month (or month end) for monthly steps. */
export function addSteps(t: number, k: number, step: TimeStep): number {
  switch (step.unit) {
    case 'month': {
      const d = new Date(t);
      const target = d.getUTCFullYear() * 12 + d.getUTCMonth() + k * step.size;
      const y = Math.floor(target / 12);
      const m = target - y * 12;
      const dim = daysInMonth(y, m + 1);
      const day = isMonthEnd(d) ? dim : Math.min(d.getUTCDate(), dim);
      return utcMs(y, m, day) + (t - utcMs(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    }
    case 'business-day': {
      let out = t;
      for (let left = k * step.size; left > 0;) {
        out += DAY_MS;
        if (isWeekday(out)) left--;
      }
      return out;
    }
    case 'year-fraction':
      return decimalYearToMs(msToDecimalYear(t) + k * step.size);
    case 'ms':
    case 'index':
      return t + k * step.size;
  }
}
