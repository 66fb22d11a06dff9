import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../datasets/openDataset';
import { mixedDatesVerdict, readMixedDate } from './mixedDates';
import { sniffCsv } from './sniffCsv';
import { scratchFiles } from './scratchFiles.testkit';

const write = scratchFiles('mixed-dates-');
const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d);
const spec = (file: string, options: Awaited<ReturnType<typeof sniffCsv>>['options'] | null) => ({
  datasetId: 'ds_test',
  source: { kind: 'path' as const, path: file },
  path: file,
  name: path.basename(file),
  options,
  choices: {},
});

/** Monthly, first of the month, written five ways. */
const MIXED =
  'date,value\n2020-01-01,1\n2020/02/01,2\nMarch 2020,3\n1 Apr 2020,4\n"May 1, 2020",5\n' +
  '2020-06-01,6\n2020-07-01,7\n2020-08-01,8\n2020-09-01,9\n2020-10-01,10\n';
/** The same with 02/01/2020 (the 2nd of January or the 1st of February?). */
const AMBIGUOUS = MIXED.replace('2020/02/01', '02/01/2020');

describe('readMixedDate', () => {
  it('reads each unambiguous shape', () => {
    expect(readMixedDate('2020-01-31')).toEqual({ ms: day(2020, 1, 31), shape: 'YYYY-MM-DD' });
    expect(readMixedDate('2020/2/3')).toEqual({ ms: day(2020, 2, 3), shape: 'YYYY/MM/DD' });
    expect(readMixedDate('2020-02')).toEqual({ ms: day(2020, 2, 1), shape: 'YYYY-MM' });
    expect(readMixedDate('13/01/2020')).toEqual({ ms: day(2020, 1, 13), shape: 'DD/MM/YYYY' });
    expect(readMixedDate('01/13/2020')).toEqual({ ms: day(2020, 1, 13), shape: 'MM/DD/YYYY' });
    expect(readMixedDate('Sept. 2021')).toEqual({ ms: day(2021, 9, 1), shape: 'Month YYYY' });
    expect(readMixedDate('1 Apr 2020')).toEqual({ ms: day(2020, 4, 1), shape: 'D Month YYYY' });
    expect(readMixedDate('May 1, 2020')).toEqual({ ms: day(2020, 5, 1), shape: 'Month D, YYYY' });
    expect(readMixedDate('2020-01-01 12:30')).toEqual({
      ms: Date.UTC(2020, 0, 1, 12, 30),
      shape: 'YYYY-MM-DD HH:MM',
    });
  });

  it('refuses what cannot be told apart or is no date', () => {
    expect(readMixedDate('02/01/2020')).toBeNull();
    expect(readMixedDate('2021-02-30')).toBeNull();
    expect(readMixedDate('Foo 2020')).toBeNull();
    expect(readMixedDate('Ma 2020')).toBeNull();
    expect(readMixedDate('12')).toBeNull();
  });

  it('sums a column up', () => {
    expect(mixedDatesVerdict(['2020-01-01', 'March 2020', '02/01/2020', '', '2020-04-01'])).toEqual(
      {
        share: 0.75,
        shapes: [
          { shape: 'YYYY-MM-DD', count: 2 },
          { shape: 'Month YYYY', count: 1 },
        ],
        unreadable: ['02/01/2020'],
      },
    );
  });
});

describe('a file of mixed date formats', () => {
  it('is read with its dates, and the mix is flagged', async () => {
    const file = write('mixed.csv', MIXED);
    const sniff = await sniffCsv(file);
    expect([sniff.options.timeColumn, sniff.options.timeFormat]).toEqual(['date', 'mixed-dates']);
    const { info, table } = await openDataset(spec(file, null), {});
    expect(Array.from(table.time.values)).toEqual(
      Array.from({ length: 10 }, (_, i) => day(2020, i + 1, 1)),
    );
    expect(info.frequency).toBe('monthly');
    expect(info.problems.map((p) => [p.kind, p.message])).toEqual([
      [
        'mixed-time-formats',
        '"date" mixes 5 date formats in its first rows (YYYY-MM-DD ×6, YYYY/MM/DD ×1, Month YYYY ×1, D Month YYYY ×1, Month D, YYYY ×1); each date was read by the format that fits it, so check that the times run as expected.',
      ],
    ]);
  });

  it('with an ambiguous date, rows are numbered and a problem says why', async () => {
    const file = write('ambiguous.csv', AMBIGUOUS);
    const sniff = await sniffCsv(file);
    expect(sniff.options.timeColumn).toBeNull();
    const { info } = await openDataset(spec(file, null), {});
    expect(info.timeFormat).toBe('index');
    expect(info.problems.map((p) => [p.kind, p.column, p.message])).toEqual([
      [
        'time-not-recognised',
        'date',
        'Rows are numbered 1, 2, 3, … because "date" was not read as time: it holds dates in 4 formats, but "02/01/2020" fits no date format (day and month cannot be told apart, or the format is unknown). In the import settings choose "date" as the time column with the format "Dates in mixed formats", after writing any ambiguous date as YYYY-MM-DD.',
      ],
    ]);
  });

  it('choosing the column as time guesses the mixed format, not "index"', async () => {
    const file = write('ambiguous2.csv', AMBIGUOUS);
    const sniff = await sniffCsv(file, { timeColumn: 'date' });
    expect(sniff.options.timeFormat).toBe('mixed-dates');
    const fixed = write('fixed.csv', AMBIGUOUS.replace('02/01/2020', '2020-02-01'));
    const reread = await sniffCsv(fixed, { timeColumn: 'date' });
    const { info } = await openDataset(spec(fixed, reread.options), {});
    expect([info.timeColumn, info.timeFormat, info.frequency]).toEqual([
      'date',
      'mixed-dates',
      'monthly',
    ]);
  });
});
