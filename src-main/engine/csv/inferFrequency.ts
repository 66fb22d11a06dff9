// Infers the sampling frequency of a time column. Steps are measured between sorted distinct times,
// so duplicates and file order do not matter; gaps (whole multiples of the base step) are tolerated.
import { DAY_MS, msToDecimalYear } from './parseTime';
import { businessDaysBetween, isWeekday, monthIndex } from './timeSteps';
import type { Frequency, FrequencyInfo, TimeFormat, TimeStep } from './types';

export const SEASONAL_PERIOD: Record<Frequency, number> = {
  minutely: 1,
  hourly: 24,
  daily: 7,
  'business-daily': 5,
  weekly: 52,
  monthly: 12,
  quarterly: 4,
  yearly: 1,
  irregular: 1,
  index: 1,
};

export function sortedDistinct(values: Float64Array): number[] {
  // Typed-array sort is numeric and much faster than Array#sort with a comparator on 1e6 rows.
  const sorted = values.filter((v) => Number.isFinite(v)).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] as number;
    if (i === 0 || v !== sorted[i - 1]) out.push(v);
  }
  return out;
}

/** Share of steps equal to `base` (relative tolerance) and whether the others are whole multiples. */
function fit(steps: number[], base: number, tol: number): { share: number; multiples: boolean } {
  let equal = 0;
  let multiples = true;
  for (const s of steps) {
    const k = s / base;
    if (Math.abs(k - 1) <= tol) equal++;
    else if (Math.abs(k - Math.round(k)) > tol * Math.round(k) || Math.round(k) < 1)
      multiples = false;
  }
  return { share: steps.length === 0 ? 0 : equal / steps.length, multiples };
}

function result(
  frequency: Frequency,
  share: number,
  explanation: string,
  step: TimeStep | null,
): FrequencyInfo {
  return {
    frequency,
    seasonalPeriod: SEASONAL_PERIOD[frequency],
    confidence: share,
    explanation,
    step,
  };
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

function irregular(why: string): FrequencyInfo {
  return result('irregular', 0, `irregular: ${why}`, null);
}

/** Calendar months between consecutive times, when all fall on one day-of-month at one clock time. */
function monthly(times: number[]): FrequencyInfo | null {
  // Early exits keep this cheap for the common intraday/daily case.
  const clockOf = (t: number): number => ((t % DAY_MS) + DAY_MS) % DAY_MS;
  const clock = clockOf(times[0] as number);
  if (!times.every((t) => clockOf(t) === clock)) return null;
  const day = new Date(times[0] as number).getUTCDate();
  const sameDay = times.every((t) => new Date(t).getUTCDate() === day);
  if (!sameDay && !times.every((t) => new Date(t + DAY_MS).getUTCDate() === 1)) return null;
  const steps = times.slice(1).map((t, i) => monthIndex(t) - monthIndex(times[i] as number));
  const base = mode(steps);
  const named: Record<number, Frequency> = { 1: 'monthly', 3: 'quarterly', 12: 'yearly' };
  const frequency = named[base];
  if (frequency === undefined) return null;
  const { share, multiples } = fit(steps, base, 0);
  if (!multiples || share < 0.5) return null;
  const unit = base === 1 ? 'one calendar month' : `${base} calendar months`;
  return result(
    frequency,
    share,
    `${frequency}: ${pct(share)} of ${steps.length} steps are ${unit}`,
    { unit: 'month', size: base },
  );
}

function businessDaily(times: number[], steps: number[]): FrequencyInfo | null {
  if (!times.every(isWeekday) || mode(steps) !== DAY_MS) return null;
  const bdays = times.slice(1).map((t, i) => businessDaysBetween(times[i] as number, t));
  const { share, multiples } = fit(bdays, 1, 0);
  const overWeekend = steps.filter((s) => s === 3 * DAY_MS).length;
  if (!multiples || share < 0.5 || overWeekend === 0) return null;
  const explanation = `business-daily: weekdays only, ${pct(share)} of steps are one business day (${overWeekend} jump Friday→Monday)`;
  return result('business-daily', share, explanation, { unit: 'business-day', size: 1 });
}

const FIXED: [Frequency, number][] = [
  ['minutely', 60_000],
  ['hourly', 3_600_000],
  ['daily', DAY_MS],
  ['weekly', 7 * DAY_MS],
];

/** Steps per year of R-style decimal-year series, e.g. EuStockMarkets' 1/260. */
const PER_YEAR: [Frequency, number][] = [
  ['yearly', 1],
  ['quarterly', 4],
  ['monthly', 12],
  ['weekly', 52],
  ['business-daily', 260],
  ['daily', 365],
];

function decimalYears(times: number[]): FrequencyInfo {
  const years = times.map(msToDecimalYear);
  const steps = years.slice(1).map((y, i) => y - (years[i] as number));
  const sorted = [...steps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const perYear = 1 / median;
  const match = PER_YEAR.find(
    ([, n]) => Math.abs(perYear - n) / n < 0.02 || (n === 365 && Math.abs(perYear - 365.25) < 1),
  );
  if (match === undefined)
    return irregular(`about ${perYear.toFixed(1)} steps per year matches no calendar frequency`);
  const [frequency, n] = match;
  const { share, multiples } = fit(steps, 1 / n, 0.01);
  if (!multiples || share < 0.5)
    return irregular(`steps of 1/${n} year cover only ${pct(share)} of the series`);
  const explanation = `${frequency}: ${pct(share)} of steps are 1/${n} of a year (decimal-year times)`;
  return result(frequency, share, explanation, { unit: 'year-fraction', size: 1 / n });
}

export function inferFrequency(timeMs: Float64Array, format: TimeFormat): FrequencyInfo {
  const times = sortedDistinct(timeMs);
  if (format === 'index') {
    const steps = times.slice(1).map((t, i) => t - (times[i] as number));
    const size = steps.length > 0 ? mode(steps) : 1;
    return result(
      'index',
      fit(steps, size, 1e-9).share,
      'index: no calendar time, observations are numbered',
      { unit: 'index', size },
    );
  }
  if (times.length < 3) return irregular('fewer than three distinct times');
  if (format === 'decimal-year') return decimalYears(times);
  const byMonth = monthly(times);
  if (byMonth !== null) return byMonth;
  const steps = times.slice(1).map((t, i) => t - (times[i] as number));
  const business = businessDaily(times, steps);
  if (business !== null) return business;
  const base = mode(steps);
  const fixed = FIXED.find(([, ms]) => ms === base);
  if (fixed === undefined)
    return irregular(`the most common step (${base / 1000} s) is not a standard interval`);
  const [frequency] = fixed;
  const { share, multiples } = fit(steps, base, 0);
  if (!multiples || share < 0.5)
    return irregular(`only ${pct(share)} of steps are ${frequency} steps`);
  return result(
    frequency,
    share,
    `${frequency}: ${pct(share)} of ${steps.length} steps are equal`,
    { unit: 'ms', size: base },
  );
}
