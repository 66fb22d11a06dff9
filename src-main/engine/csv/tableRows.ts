// Row-level rebuilding of an ImportedTable (pure: always new arrays).
import type { ImportedColumn, ImportedTable } from './types';

function countMissing(values: Float64Array): number {
  let n = 0;
  for (const v of values) if (Number.isNaN(v)) n++;
  return n;
}

export function withColumnValues(column: ImportedColumn, values: Float64Array): ImportedColumn {
  return { ...column, values, missing: countMissing(values) };
}

/** Rows picked by index; an index of -1 makes an inserted row with the given time and no values. */
export function pickRows(
  table: ImportedTable,
  indices: number[],
  insertedTimes: number[] = [],
): ImportedTable {
  const n = indices.length;
  const time = new Float64Array(n);
  const rowNumbers = new Float64Array(n);
  let inserted = 0;
  indices.forEach((src, i) => {
    time[i] = src < 0 ? (insertedTimes[inserted++] as number) : (table.time.values[src] as number);
    rowNumbers[i] = src < 0 ? 0 : (table.rowNumbers[src] as number);
  });
  const columns = table.columns.map((c) => {
    const values = new Float64Array(n);
    indices.forEach((src, i) => {
      values[i] = src < 0 ? NaN : (c.values[src] as number);
    });
    const from = c.nonFiniteMask;
    if (from === undefined) return withColumnValues(c, values);
    const mask = new Uint8Array(n);
    indices.forEach((src, i) => {
      mask[i] = src < 0 ? 0 : (from[src] as number);
    });
    return { ...withColumnValues(c, values), nonFiniteMask: mask };
  });
  return { ...table, rowCount: n, time: { ...table.time, values: time }, rowNumbers, columns };
}

export function isSorted(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++)
    if ((values[i] as number) < (values[i - 1] as number)) return false;
  return true;
}
