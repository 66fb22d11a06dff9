import type { TimeFormat } from '../schemas/dataset';

/** Calendar formats are epoch ms on a time axis; index-like formats are plain numbers. */
export function isCalendarFormat(format: TimeFormat): boolean {
  return format !== 'index';
}

export function formatTime(value: number, format: TimeFormat): string {
  if (!isCalendarFormat(format)) return String(value);
  const iso = new Date(value).toISOString();
  switch (format) {
    case 'year':
      return iso.slice(0, 4);
    case 'year-month':
      return iso.slice(0, 7);
    case 'iso-date':
    case 'mixed-dates':
    case 'decimal-year':
      return iso.slice(0, 10);
    case 'pattern':
      // A pattern with a time of day shows it; a date-only one reads at midnight.
      return value % 86_400_000 === 0
        ? iso.slice(0, 10)
        : iso.replace('T', ' ').replace(/\.000Z$/, 'Z');
    default:
      return iso.replace('T', ' ').replace(/\.000Z$/, 'Z');
  }
}
