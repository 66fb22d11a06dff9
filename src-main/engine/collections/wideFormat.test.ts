import { describe, expect, it } from 'vitest';
import { scratchFiles } from '../csv/scratchFiles.testkit';
import { indexCollection } from './appCollection';
import { readWideCsv, wideSeries } from './wideFormat';

const file = scratchFiles('wide-format-');
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

describe('wide reader', () => {
  it('takes every numeric column as a series named after it, on the shared time column', async () => {
    const f = file(
      'lines.csv',
      [
        'month,North,"East, 1",south  ',
        '2021-01-01,10,1.5,-3',
        '2021-02-01,11,2.5,-4',
        '2021-03-01,12,3.5,-5',
        '2021-04-01,13,4.5,-6',
      ].join('\n'),
    );
    const table = await readWideCsv(f, { timeColumn: 'month' });
    expect([...table.columns.keys()]).toEqual(['North', 'East, 1', 'south']);
    expect(table.rows).toBe(4);
    expect(table.leftOut).toEqual([]);
    const east = wideSeries(table, 'East, 1');
    expect(east.id).toBe('East, 1');
    expect(Array.from(east.values)).toEqual([1.5, 2.5, 3.5, 4.5]);
    expect(Array.from(east.times, isoDay)).toEqual([
      '2021-01-01',
      '2021-02-01',
      '2021-03-01',
      '2021-04-01',
    ]);
    expect(east.frequency.frequency).toBe('monthly');
    expect(east.problems).toEqual([]);
    expect(Array.from(wideSeries(table, 'south').values)).toEqual([-3, -4, -5, -6]);
  });

  it('fills a missing value inside a column and starts a later column at its own first value', async () => {
    const f = file(
      'gaps.csv',
      [
        'date,old,new',
        '2020-01-01,10,',
        '2020-02-01,,NA',
        '2020-03-01,30,7',
        '2020-04-01,40,8',
        '2020-05-01,50,',
      ].join('\n'),
    );
    const table = await readWideCsv(f, { timeColumn: 'date' });
    const old = wideSeries(table, 'old');
    expect(Array.from(old.values)).toEqual([10, 20, 30, 40, 50]);
    expect(old.problems).toEqual([
      {
        kind: 'missing-values',
        count: 1,
        message: '1 missing target value filled by linear interpolation',
      },
    ]);
    const young = wideSeries(table, 'new');
    expect(Array.from(young.times, isoDay)).toEqual(['2020-03-01', '2020-04-01']);
    expect(Array.from(young.values)).toEqual([7, 8]);
    expect(young.problems).toEqual([]);
    expect(young.error).toBeNull();
  });

  it('leaves out a column with text, a column with no values and a repeated name, saying why', async () => {
    const f = file(
      'mixed.csv',
      [
        'region,date,sales,empty,sales,units',
        'north,2020-01-01,5,,6,1',
        'south,2020-02-01,6,,7,2',
        'north,2020-03-01,7,,8,n/a',
      ].join('\n'),
    );
    const table = await readWideCsv(f, { timeColumn: 'date' });
    expect([...table.columns.keys()]).toEqual(['sales']);
    expect(table.leftOut).toEqual([
      { column: 'region', reason: 'text such as "north" (row 2)' },
      { column: 'empty', reason: 'no values' },
      { column: 'sales', reason: 'a second column named sales' },
      { column: 'units', reason: 'text such as "n/a" (row 4)' },
    ]);
    expect(Array.from(wideSeries(table, 'sales').values)).toEqual([5, 6, 7]);
    expect(() => wideSeries(table, 'region')).toThrow('no series "region" in mixed.csv');
  });

  it('sorts rows out of time order and names the file when the time column is missing', async () => {
    const f = file('unsorted.csv', ['year,a,b', '2003,3,30', '2001,1,10', '2002,2,20'].join('\n'));
    const a = wideSeries(await readWideCsv(f, { timeColumn: 'year' }), 'a');
    expect(Array.from(a.values)).toEqual([1, 2, 3]);
    expect(a.frequency.frequency).toBe('yearly');
    expect(a.problems.map((p) => [p.kind, p.count])).toEqual([['unsorted', 1]]);
    await expect(readWideCsv(f, { timeColumn: 'date' })).rejects.toThrow(
      'unsorted.csv has no time column "date" (columns: year, a, b)',
    );
    const text = file('text-only.csv', ['date,label', '2020-01-01,x'].join('\n'));
    await expect(readWideCsv(text, { timeColumn: 'date' })).rejects.toThrow(
      'text-only.csv has no numeric column besides its time column "date" to take as a series',
    );
  });

  it('summarises a wide collection for the sidebar: one entry per column, the left-out columns', async () => {
    const f = file(
      'summary.csv',
      ['date,kind,x,y', '2020-01-01,a,1,', '2020-02-01,b,2,5', '2020-03-01,c,3,6'].join('\n'),
    );
    const { summary } = await indexCollection(f, { kind: 'wide', timeColumn: 'date' });
    expect(summary.rows).toBe(3);
    expect(summary.series.map((s) => [s.id, s.length, s.firstTime, s.lastTime])).toEqual([
      ['x', 3, '2020-01-01', '2020-03-01'],
      ['y', 2, '2020-02-01', '2020-03-01'],
    ]);
    expect(summary.leftOut).toEqual([{ column: 'kind', reason: 'text such as "a" (row 2)' }]);
  });
});
