import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFiles } from '../csv/scratchFiles.testkit';
import { fillMissing, indexLongCsv, readSeries, splitCsvLine } from './longFormat';

const file = scratchFiles('long-format-');
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const opts = { idColumn: 'id', timeColumn: 'date', target: 'value' };

describe('long-format reader', () => {
  it('sorts each series by time and keeps ids apart when their rows interleave', async () => {
    const f = file(
      'interleaved.csv',
      [
        'date,id,value',
        '2020-03-01,a,3',
        '2020-01-01,b,10',
        '2020-01-01,a,1',
        '2020-02-01,b,20',
        '2020-02-01,a,2',
        '2020-04-01,a,4',
        '2020-03-01,b,30',
      ].join('\n'),
    );
    const index = await indexLongCsv(f, opts);
    expect([...index.ids.keys()]).toEqual(['a', 'b']);
    expect(index.ids.get('a')?.map((r) => [r.firstRow, r.rows])).toEqual([
      [2, 1],
      [4, 1],
      [6, 2],
    ]);
    const a = readSeries(index, 'a');
    expect(Array.from(a.values)).toEqual([1, 2, 3, 4]);
    expect(Array.from(a.times, isoDay)).toEqual([
      '2020-01-01',
      '2020-02-01',
      '2020-03-01',
      '2020-04-01',
    ]);
    expect(a.problems.map((p) => p.message)).toEqual([
      '1 row was out of time order; sorted by time',
    ]);
    expect(a.frequency.frequency).toBe('monthly');
    expect(Array.from(readSeries(index, 'b').values)).toEqual([10, 20, 30]);
    expect(readSeries(index, 'b').problems).toEqual([]);
  });

  it('drops exact duplicates and reports conflicting ones with file and row', async () => {
    const f = file(
      'dups.csv',
      [
        'id,date,value',
        'x,2021-01-01,5',
        'x,2021-02-01,6',
        'x,2021-02-01,6',
        'x,2021-03-01,7',
        'y,2021-01-01,1',
        'y,2021-02-01,2',
        'y,2021-02-01,2.5',
        'y,2021-03-01,3',
      ].join('\r\n'),
    );
    const index = await indexLongCsv(f, opts);
    const x = readSeries(index, 'x');
    expect(Array.from(x.values)).toEqual([5, 6, 7]);
    expect(x.error).toBeNull();
    expect(x.problems.map((p) => p.message)).toEqual(['1 exact duplicate row dropped']);
    const y = readSeries(index, 'y');
    expect(y.error).toBe(
      '1 time has conflicting rows: 2021-02-01: dups.csv row 7 (2) and row 8 (2.5)',
    );
    expect(y.problems.map((p) => p.kind)).toEqual(['conflicting-duplicate']);
  });

  it('gives each series its own frequency, quoted ids, features and filled gaps in values', async () => {
    const f = file(
      'mixed.csv',
      [
        '\ufeffstore,period,sales,price',
        '"north, 1",2019-01-01,10,1.5',
        '"north, 1",2019-04-01,,1.5',
        '"north, 1",2019-07-01,14,1.6',
        '"north, 1",2019-10-01,16,1.6',
        'south,2019-01-01,1,2',
        'south,2019-02-01,2,2',
        'south,2019-03-01,3,2',
        'south,2019-04-01,4,2',
      ].join('\n') + '\n',
    );
    const index = await indexLongCsv(f, {
      idColumn: 'store',
      timeColumn: 'period',
      target: 'sales',
      features: ['price'],
    });
    const north = readSeries(index, 'north, 1');
    expect(north.frequency.frequency).toBe('quarterly');
    expect(north.frequency.seasonalPeriod).toBe(4);
    expect(Array.from(north.values)).toEqual([10, 12, 14, 16]);
    expect(Array.from(north.features[0] ?? [])).toEqual([1.5, 1.5, 1.6, 1.6]);
    expect(north.problems.map((p) => p.message)).toEqual([
      '1 missing target value filled by linear interpolation',
    ]);
    const south = readSeries(index, 'south');
    expect(south.frequency.frequency).toBe('monthly');
    expect(south.frequency.seasonalPeriod).toBe(12);
  });

  it('names a missing column and reports rows with the wrong number of fields', async () => {
    const f = file('bad.csv', 'id,date,value\na,2020,1\na,2021\na,2022,3\n');
    await expect(indexLongCsv(f, { ...opts, target: 'sales' })).rejects.toThrow(
      'bad.csv has no target column "sales" (columns: id, date, value)',
    );
    const index = await indexLongCsv(f, opts);
    expect(index.badRows).toEqual([3]);
    expect(index.timeFormat).toBe('year');
    const a = readSeries(index, 'a');
    expect(Array.from(a.values)).toEqual([1, 3]);
  });

  it('splits quoted cells and fills missing values linearly', () => {
    expect(splitCsvLine('a,"b,""c""",d', ',')).toEqual(['a', 'b,"c"', 'd']);
    const v = Float64Array.from([Number.NaN, 2, Number.NaN, Number.NaN, 5, Number.NaN]);
    expect(fillMissing(v)).toBe(4);
    expect(Array.from(v)).toEqual([2, 2, 3, 4, 5, 5]);
  });

  it('reads the M1 monthly training parts exactly as the collection loader does', async () => {
    const f = path.resolve('../shared/datasets/m1/m1-monthly.csv');
    const index = await indexLongCsv(f, opts);
    expect(index.ids.size).toBe(617);
    expect([...index.ids.values()].every((runs) => runs.length === 1)).toBe(true);
    // MNF9 keeps M1's calendar years 1, 2, … ("1-12-01").
    const early = readSeries(index, 'MNF9');
    expect(early.error).toBeNull();
    expect(early.frequency.frequency).toBe('monthly');
    expect(new Date(early.times[0] ?? 0).toISOString().slice(0, 10)).toBe('0001-12-01');
    const first = readSeries(index, 'MRF1');
    expect(first.frequency.seasonalPeriod).toBe(12);
    expect(first.values[0]).toBe(697458);
    expect(first.problems).toEqual([]);
  });
});
