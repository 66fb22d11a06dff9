import { describe, expect, it } from 'vitest';
import { inferFrequency } from './inferFrequency';
import { decimalYearToMs } from './parseTime';
import { utc } from './testTables.testkit';

const DAY = 86_400_000;
const f64 = (xs: number[]): Float64Array => Float64Array.from(xs);
/** The frequency and seasonal period inferred from these times. */
function expectFrequency(
  times: Float64Array,
  format: Parameters<typeof inferFrequency>[1],
  frequency: string,
  seasonalPeriod: number,
): void {
  expect(inferFrequency(times, format)).toMatchObject({ frequency, seasonalPeriod });
}
const months = (n: number, step = 1, day = 1): number[] =>
  Array.from({ length: n }, (_, i) => utc(2019, 1 + i * step, day));

describe('inferFrequency', () => {
  it('counts calendar months, not fixed milliseconds', () => {
    const info = inferFrequency(f64(months(36)), 'iso-date');
    expect(info).toMatchObject({
      frequency: 'monthly',
      seasonalPeriod: 12,
      confidence: 1,
      step: { unit: 'month', size: 1 },
    });
    expectFrequency(f64(months(12, 3)), 'iso-date', 'quarterly', 4);
    expectFrequency(f64(months(10, 12)), 'year', 'yearly', 1);
  });

  it('recognises quarter-end dates as quarterly', () => {
    const ends = [
      utc(2019, 3, 31),
      utc(2019, 6, 30),
      utc(2019, 9, 30),
      utc(2019, 12, 31),
      utc(2020, 3, 31),
    ];
    expect(inferFrequency(f64(ends), 'iso-date').frequency).toBe('quarterly');
  });

  it('ignores file order and duplicates', () => {
    const t = months(24);
    const shuffled = [...t.slice(12), ...t.slice(0, 12), t[3] as number];
    expect(inferFrequency(f64(shuffled), 'iso-date')).toMatchObject({
      frequency: 'monthly',
      confidence: 1,
    });
  });

  it('tolerates gaps as whole multiples, with lower confidence', () => {
    const days = [0, 1, 2, 5, 6].map((d) => utc(2021, 1, 1) + d * DAY);
    // Steps 1, 1, 3, 1 days: 3 of 4 are one day.
    expect(inferFrequency(f64(days), 'iso-date')).toMatchObject({
      frequency: 'daily',
      seasonalPeriod: 7,
      confidence: 0.75,
    });
  });

  it('tells business days from calendar days', () => {
    // Mon 2021-03-01 .. Fri 2021-03-19, weekdays only, with Wed 2021-03-10 missing (a holiday).
    const days: number[] = [];
    for (let d = 1; d <= 19; d++) {
      const t = utc(2021, 3, d);
      const dow = new Date(t).getUTCDay();
      if (dow !== 0 && dow !== 6 && d !== 10) days.push(t);
    }
    const info = inferFrequency(f64(days), 'iso-date');
    expect(info).toMatchObject({
      frequency: 'business-daily',
      seasonalPeriod: 5,
      step: { unit: 'business-day', size: 1 },
    });
    // 14 weekdays, 13 steps, one of them two business days long.
    expect(info.confidence).toBeCloseTo(12 / 13, 12);
  });

  it('reads hourly, minutely and weekly steps', () => {
    const at = (n: number, ms: number): Float64Array =>
      f64(Array.from({ length: n }, (_, i) => utc(2021, 1, 1) + i * ms));
    expectFrequency(at(48, 3_600_000), 'epoch-seconds', 'hourly', 24);
    expectFrequency(at(10, 60_000), 'epoch-millis', 'minutely', 1);
    expectFrequency(at(10, 7 * DAY), 'iso-date', 'weekly', 52);
  });

  it('reads R decimal-year steps: 1/260 is business daily, 1/12 monthly', () => {
    const years = (n: number, per: number): Float64Array =>
      f64(Array.from({ length: n }, (_, i) => decimalYearToMs(1991 + i / per)));
    expectFrequency(years(600, 260), 'decimal-year', 'business-daily', 5);
    expectFrequency(years(48, 12), 'decimal-year', 'monthly', 12);
    expect(inferFrequency(years(20, 7), 'decimal-year').frequency).toBe('irregular');
  });

  it('calls random steps irregular and an index an index', () => {
    const t = [0, 1, 5, 6, 13, 14.5, 30].map((d) => utc(2021, 1, 1) + d * DAY);
    expect(inferFrequency(f64(t), 'iso-date')).toMatchObject({
      frequency: 'irregular',
      seasonalPeriod: 1,
      step: null,
    });
    expect(inferFrequency(f64([1, 2, 3, 4]), 'index')).toMatchObject({
      frequency: 'index',
      seasonalPeriod: 1,
      step: { unit: 'index', size: 1 },
    });
    expect(inferFrequency(f64([utc(2021, 1, 1), utc(2021, 2, 1)]), 'iso-date').frequency).toBe(
      'irregular',
    );
  });
});
