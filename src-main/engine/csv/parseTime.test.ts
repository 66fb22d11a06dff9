import { describe, expect, it } from 'vitest';
import {
  decimalYearToMs,
  msToDecimalYear,
  parseIsoDate,
  parseIsoDateTime,
  parseYearMonth,
  timeParser,
  utcMs,
} from './parseTime';

const DAY = 86_400_000;

const ISO = { parseIsoDate, parseIsoDateTime, parseYearMonth };

describe('ISO parsing', () => {
  it.each<[keyof typeof ISO, string, number]>([
    ['parseIsoDate', '2021-02-28', Date.UTC(2021, 1, 28)],
    ['parseIsoDate', '2020-02-29', Date.UTC(2020, 1, 29)],
    ['parseIsoDate', '2021/03/04', Date.UTC(2021, 2, 4)],
    ['parseIsoDate', ' 2021-01-01 ', Date.UTC(2021, 0, 1)],
    // Date-times with and without zones (naive = UTC).
    ['parseIsoDateTime', '2021-06-01T02:00:00+02:00', Date.UTC(2021, 5, 1, 0)],
    ['parseIsoDateTime', '2021-06-01T02:00:00+0200', Date.UTC(2021, 5, 1, 0)],
    ['parseIsoDateTime', '2021-06-01T02:00+02', Date.UTC(2021, 5, 1, 0)],
    ['parseIsoDateTime', '2021-06-01T00:00:00-05:30', Date.UTC(2021, 5, 1, 5, 30)],
    ['parseIsoDateTime', '2021-06-01 13:45', Date.UTC(2021, 5, 1, 13, 45)],
    ['parseIsoDateTime', '2021-06-01T00:00:00.250Z', Date.UTC(2021, 5, 1) + 250],
    ['parseIsoDateTime', '2021-06-01T00:00:01.5', Date.UTC(2021, 5, 1) + 1500],
    ['parseIsoDateTime', '2021-06-01', Date.UTC(2021, 5, 1)],
    ['parseYearMonth', '2019-11', Date.UTC(2019, 10, 1)],
  ])('%s reads %j', (parser, cell, ms) => {
    expect(ISO[parser](cell)).toBe(ms);
  });

  it.each<[keyof typeof ISO, string]>([
    // Impossible dates and malformed ones.
    ['parseIsoDate', '2021-02-29'],
    ['parseIsoDate', '1900-02-29'],
    ['parseIsoDate', '2021-13-01'],
    ['parseIsoDate', '2021-00-10'],
    ['parseIsoDate', '2021-04-31'],
    ['parseIsoDate', '2021-1-01'],
    ['parseIsoDate', '2021-01/01'],
    ['parseIsoDate', '21-01-01x'],
    ['parseIsoDate', ''],
    ['parseIsoDateTime', '2021-06-01T24:00'],
    ['parseIsoDateTime', '2021-06-01T12:60'],
    ['parseIsoDateTime', '2021-06-01T12'],
    ['parseIsoDateTime', '2021-06-01T12:00:00+1'],
    ['parseIsoDateTime', '2021-06-01T12:00:00Zx'],
    ['parseIsoDateTime', '2021-06-01X12:00'],
    ['parseYearMonth', '2019-13'],
    ['parseYearMonth', '2019-1'],
  ])('%s refuses %j', (parser, cell) => {
    expect(ISO[parser](cell)).toBeNaN();
  });
});

describe('numeric time formats', () => {
  it('handles years before 100 without the Date.UTC two-digit quirk', () => {
    expect(utcMs(50, 0, 1)).toBe(new Date('0050-01-01T00:00:00Z').getTime());
    expect(timeParser('year')('1871')).toBe(Date.UTC(1871, 0, 1));
    expect(timeParser('year')('1871.5')).toBeNaN();
  });

  it('spreads a decimal year over that year’s real length', () => {
    expect(decimalYearToMs(1990.25)).toBe(Date.UTC(1990, 0, 1) + 0.25 * 365 * DAY);
    // 2000 is a leap year: half of 366 days is 183 days, i.e. July 2.
    expect(decimalYearToMs(2000.5)).toBe(Date.UTC(2000, 6, 2));
    expect(msToDecimalYear(Date.UTC(2000, 6, 2))).toBe(2000.5);
    expect(timeParser('decimal-year')('1991.496154')).toBeCloseTo(
      Date.UTC(1991, 0, 1) + 0.496154 * 365 * DAY,
      0,
    );
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(timeParser('epoch-seconds')('1609459200')).toBe(Date.UTC(2021, 0, 1));
    expect(timeParser('epoch-millis')('1609459200000')).toBe(Date.UTC(2021, 0, 1));
    expect(timeParser('epoch-seconds')('soon')).toBeNaN();
    expect(timeParser('index')('42')).toBe(42);
  });
});
