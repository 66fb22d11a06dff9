import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDateTime } from './parseTime';
import { RangeTimeParser } from './rangeTimeParser';
import type { TimeFormat } from './types';

/** Reads `cell` in place inside a CSV line, as the fast path does; null when it declines. */
function readIn(format: TimeFormat, cell: string): number | null {
  const text = `x,${cell},y`;
  const out = new Float64Array(1);
  return new RangeTimeParser(format).read(text, 2, 2 + cell.length, out)
    ? (out[0] as number)
    : null;
}

describe('RangeTimeParser', () => {
  it('reads the common ISO shapes in place (values from Date.UTC of the written fields)', () => {
    expect(readIn('iso-datetime', '2020-01-01T00:00:00')).toBe(Date.UTC(2020, 0, 1));
    expect(readIn('iso-datetime', '2021-06-01T02:30:15.250Z')).toBe(
      Date.UTC(2021, 5, 1, 2, 30, 15, 250),
    );
    expect(readIn('iso-datetime', '2020-02-29 23:59')).toBe(Date.UTC(2020, 1, 29, 23, 59));
    expect(readIn('iso-datetime', '2020/03/01')).toBe(Date.UTC(2020, 2, 1));
    expect(readIn('iso-date', '1999-12-31')).toBe(Date.UTC(1999, 11, 31));
    expect(readIn('epoch-seconds', '1609459200')).toBe(Date.UTC(2021, 0, 1));
    expect(readIn('index', ' 7 ')).toBe(7);
  });

  it('declines what it does not read, leaving it to parseTime.ts', () => {
    for (const cell of [
      '2021-02-29', // not a date
      '2020-01-01T00:00:00+01:00', // zone offsets
      ' 2020-01-01T00:00', // padding
      '2020-01-01T24:00',
      '2020-01-01T10:3',
      '2020-01-01T10:30:',
      '2020-01-01T10:30:00.',
      '2020-01-01x',
      'NA',
    ])
      expect(readIn('iso-datetime', cell)).toBeNull();
    expect(readIn('year-month', '2020-01')).toBeNull();
  });

  it('keeps the date cache honest when the date changes back and forth', () => {
    const parser = new RangeTimeParser('iso-date');
    const out = new Float64Array(1);
    const text = '2020-01-01,2020-01-02,2020-01-01';
    const read = (from: number) => (parser.read(text, from, from + 10, out) ? out[0] : null);
    expect([read(0), read(11), read(22)]).toEqual([
      Date.UTC(2020, 0, 1),
      Date.UTC(2020, 0, 2),
      Date.UTC(2020, 0, 1),
    ]);
  });

  it('agrees with parseIsoDateTime and Date.parse on random ISO stamps', () => {
    const stamp = fc
      .date({ min: new Date(Date.UTC(100, 0, 1)), max: new Date(4e12), noInvalidDate: true })
      .chain((d) =>
        fc.constantFrom(
          d.toISOString(),
          d.toISOString().slice(0, 19),
          d.toISOString().slice(0, 16).replace('T', ' '),
          d.toISOString().slice(0, 10),
        ),
      );
    fc.assert(
      fc.property(stamp, (cell) => {
        const fast = readIn('iso-datetime', cell);
        expect(fast).toBe(parseIsoDateTime(cell));
        // Date.parse reads a date alone as UTC, and a date-time with a Z as UTC.
        const utc = cell.length === 10 || cell.endsWith('Z') ? cell : `${cell.replace(' ', 'T')}Z`;
        expect(fast).toBe(Date.parse(utc));
      }),
      { numRuns: 500 },
    );
  });
});
