import { describe, expect, it } from 'vitest';
import { applyImportChoices } from './applyImportChoices';
import { inferFrequency } from './inferFrequency';
import { makeTable, utc } from './testTables.testkit';
import type { ImportChoices, ImportedTable } from './types';

const apply = (t: ImportedTable, c: ImportChoices) =>
  applyImportChoices(t, c, inferFrequency(t.time.values, t.time.format));
const col = (t: ImportedTable, i = 0): number[] => Array.from(t.columns[i]?.values ?? []);

describe('applyImportChoices', () => {
  it('sorts rows by time, stably, and keeps the file rows with them', () => {
    const t = makeTable([utc(2020, 3), utc(2020, 1), utc(2020, 2)], { v: [3, 1, 2] });
    const { table, appliedChoices } = apply(t, { order: 'sort' });
    expect(Array.from(table.time.values)).toEqual([utc(2020, 1), utc(2020, 2), utc(2020, 3)]);
    expect(col(table)).toEqual([1, 2, 3]);
    expect(Array.from(table.rowNumbers)).toEqual([3, 4, 2]);
    expect(appliedChoices).toEqual([
      'rows sorted by time (stable: rows with equal times keep their file order)',
    ]);
    expect(col(t)).toEqual([3, 1, 2]); // the input is untouched
  });

  it('resolves duplicate times by keeping the first row or by the mean of present values', () => {
    const t = makeTable([utc(2020, 1), utc(2020, 2), utc(2020, 2), utc(2020, 2), utc(2020, 3)], {
      v: [1, 2, NaN, 6, 3],
    });
    const first = apply(t, { duplicates: 'keep-first' });
    expect(col(first.table)).toEqual([1, 2, 3]);
    expect(first.appliedChoices).toEqual([
      '2 row(s) with a repeated time dropped, keeping the first row for each time',
    ]);
    const mean = apply(t, { duplicates: 'mean' });
    expect(col(mean.table)).toEqual([1, 4, 3]); // (2 + 6) / 2; the missing cell is skipped
    expect(mean.table.columns[0]?.missing).toBe(0);
    expect(apply(t, { duplicates: 'keep-all' }).table.rowCount).toBe(5);
  });

  it('inserts the missing calendar months as empty rows', () => {
    const t = makeTable([utc(2020, 1), utc(2020, 2), utc(2020, 5), utc(2020, 6)], {
      v: [1, 2, 5, 6],
    });
    const { table, appliedChoices } = apply(t, { gaps: 'insert-missing-rows' });
    expect(Array.from(table.time.values)).toEqual([1, 2, 3, 4, 5, 6].map((m) => utc(2020, m)));
    expect(col(table)).toEqual([1, 2, NaN, NaN, 5, 6]);
    expect(Array.from(table.rowNumbers)).toEqual([2, 3, 0, 0, 4, 5]);
    expect(table.columns[0]?.missing).toBe(2);
    expect(appliedChoices).toEqual([
      '2 missing monthly time(s) inserted as rows with missing values (first 2020-03-01)',
    ]);
  });

  it('refuses to fill gaps of an unsorted series and says why', () => {
    const t = makeTable([utc(2020, 1), utc(2020, 4), utc(2020, 2), utc(2020, 5)], {
      v: [1, 4, 2, 5],
    });
    const { table, appliedChoices } = apply(t, { gaps: 'insert-missing-rows' });
    expect(table.rowCount).toBe(4);
    expect(appliedChoices).toEqual([
      'gaps not filled: the rows are not sorted by time (choose "sort" first)',
    ]);
    expect(apply(t, { order: 'sort', gaps: 'insert-missing-rows' }).table.rowCount).toBe(5);
  });

  it('fills missing values by linear interpolation, leaving the ends', () => {
    const t = makeTable([1, 2, 3, 4, 5, 6], { presidents: [NaN, 10, NaN, NaN, 16, NaN] }, 'index');
    const { table, appliedChoices } = apply(t, { missing: { presidents: 'linear-interpolation' } });
    // 10 → 16 over three steps: 12 and 14.
    expect(col(table)).toEqual([NaN, 10, 12, 14, 16, NaN]);
    expect(appliedChoices).toEqual([
      'presidents: 2 missing value(s) filled by linear interpolation; 2 left missing at the start or end, with no value on one side',
    ]);
  });

  it('fills missing values forward, and drops rows with missing values', () => {
    const t = makeTable([1, 2, 3, 4, 5], { a: [NaN, 1, NaN, NaN, 4], b: [9, 8, 7, 6, 5] }, 'index');
    const ff = apply(t, { missing: { a: 'forward-fill' } });
    expect(col(ff.table)).toEqual([NaN, 1, 1, 1, 4]);
    expect(ff.appliedChoices).toEqual([
      'a: 2 missing value(s) filled by forward fill (last value carried forward); 1 left missing at the start, before any value',
    ]);
    const dropped = apply(t, { missing: { a: 'drop-rows' } });
    expect([
      col(dropped.table, 0),
      col(dropped.table, 1),
      Array.from(dropped.table.time.values),
    ]).toEqual([
      [1, 4],
      [8, 5],
      [2, 5],
    ]);
    expect(dropped.appliedChoices).toEqual(['a: 3 row(s) with a missing value dropped']);
    expect(apply(t, { missing: { a: 'leave' } }).appliedChoices).toEqual([]);
  });

  it('drops columns and appends to earlier recorded choices', () => {
    const t = {
      ...makeTable([1, 2, 3], { a: [1, 2, 3], b: [NaN, NaN, NaN] }, 'index'),
      appliedChoices: ['earlier'],
    };
    const { table, appliedChoices } = apply(t, { dropColumns: ['b'] });
    expect(table.columns.map((c) => c.name)).toEqual(['a']);
    expect(appliedChoices).toEqual(['earlier', 'column(s) dropped: "b"']);
    expect(table.appliedChoices).toEqual(appliedChoices);
  });
});
