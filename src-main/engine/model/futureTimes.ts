// Timestamps for the k steps after the last observation. Calendar-regular epoch-ms series
// (monthly, quarterly, yearly on the same day of month) advance by calendar months; anything else
// advances by the median spacing.

export type NextTimes = (last: number, k: number) => number[];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

const DAY = 86_400_000;

function monthStep(time: Float64Array): number | null {
  if (time.length < 2) return null;
  const day = new Date(time[0] ?? 0).getUTCDate();
  let months: number | null = null;
  for (let i = 1; i < time.length; i++) {
    const a = new Date(time[i - 1] ?? 0);
    const b = new Date(time[i] ?? 0);
    if (b.getUTCDate() !== day || b.getUTCHours() !== a.getUTCHours()) return null;
    const d = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
    if (months === null) months = d;
    if (d !== months || d < 1) return null;
  }
  return months;
}

export function inferNextTimes(time: Float64Array): NextTimes {
  const diffs: number[] = [];
  for (let i = 1; i < time.length; i++) diffs.push((time[i] ?? 0) - (time[i - 1] ?? 0));
  const step = diffs.length > 0 ? median(diffs) : 1;
  const months = step >= 27 * DAY ? monthStep(time) : null;
  if (months !== null) {
    return (last, k) =>
      Array.from({ length: k }, (_, i) => {
        const d = new Date(last);
        d.setUTCMonth(d.getUTCMonth() + months * (i + 1));
        return d.getTime();
      });
  }
  return (last, k) => Array.from({ length: k }, (_, i) => last + step * (i + 1));
}
