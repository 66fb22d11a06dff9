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

describe('ISO parsing', () => {
  it('reads dates and refuses impossible ones', () => {
    expect(parseIsoDate('2021-02-28')).toBe(Date.UTC(2021, 1, 28));
    expect(parseIsoDate('2020-02-29')).toBe(Date.UTC(2020, 1, 29));
    expect(parseIsoDate('2021/03/04')).toBe(Date.UTC(2021, 2, 4));
    expect(parseIsoDate(' 2021-01-01 ')).toBe(Date.UTC(2021, 0, 1));
    for (const bad of [
      '2021-02-29',
      '1900-02-29',
      '2021-13-01',
      '2021-00-10',
      '2021-04-31',
      '2021-1-01',
      '2021-01/01',
      '21-01-01x',
      '',
    ]) {
      expect(parseIsoDate(bad)).toBeNaN();
    }
  });

  it('reads date-times with and without zones (naive = UTC)', () => {
    expect(parseIsoDateTime('2021-06-01T02:00:00+02:00')).toBe(Date.UTC(2021, 5, 1, 0));
    expect(parseIsoDateTime('2021-06-01T02:00:00+0200')).toBe(Date.UTC(2021, 5, 1, 0));
    expect(parseIsoDateTime('2021-06-01T02:00+02')).toBe(Date.UTC(2021, 5, 1, 0));
    expect(parseIsoDateTime('2021-06-01T00:00:00-05:30')).toBe(Date.UTC(2021, 5, 1, 5, 30));
    expect(parseIsoDateTime('2021-06-01 13:45')).toBe(Date.UTC(2021, 5, 1, 13, 45));
    expect(parseIsoDateTime('2021-06-01T00:00:00.250Z')).toBe(Date.UTC(2021, 5, 1) + 250);
    expect(parseIsoDateTime('2021-06-01T00:00:01.5')).toBe(Date.UTC(2021, 5, 1) + 1500);
    expect(parseIsoDateTime('2021-06-01')).toBe(Date.UTC(2021, 5, 1));
    for (const bad of [
      '2021-06-01T24:00',
      '2021-06-01T12:60',
      '2021-06-01T12',
      '2021-06-01T12:00:00+1',
      '2021-06-01T12:00:00Zx',
      '2021-06-01X12:00',
    ]) {
      expect(parseIsoDateTime(bad)).toBeNaN();
    }
  });

  it('reads year-months', () => {
    expect(parseYearMonth('2019-11')).toBe(Date.UTC(2019, 10, 1));
    expect(parseYearMonth('2019-13')).toBeNaN();
    expect(parseYearMonth('2019-1')).toBeNaN();
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
