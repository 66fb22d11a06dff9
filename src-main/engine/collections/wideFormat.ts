// A reader for wide collections: one row per time, a time column, and one numeric column per
// series ("50 product lines as columns"). Every numeric column other than the time column is a
// series keyed by its column name, sharing the time column; a column with any text in it (other
// than the missing-value markers the long reader knows: empty, NA, NaN, null, -) is left out and
// said why, as are columns with no values, no name or a repeated name.
//
// The file is read once, in 1 MiB chunks, and the numeric columns are kept as numbers (8 bytes a
// cell, less than the text): reading every series of a wide file means reading every column, so
// a second pass per series would read the whole file once per column. Each series then goes
// through the long reader's path (longFormat.ts: sorted by time, exact duplicates dropped,
// conflicting ones refused, missing values within filled, gaps and its own frequency found);
// missing values at its ends are left out instead, so a column that starts later than the file
// starts at its own first value.
import path from 'node:path';
import type { TimeFormat } from '../csv/types';
import {
  clean,
  detectDelimiter,
  forEachLine,
  lenient,
  lineText,
  parseValue,
  seriesFromRows,
  splitCsvLine,
  timeFormatOf,
  type LongSeries,
} from './longFormat';

export interface WideFormatOptions {
  timeColumn: string;
}

export interface LeftOutColumn {
  column: string;
  reason: string;
}

export interface WideTable {
  file: string;
  header: string[];
  timeFormat: TimeFormat;
  /** The time cell of every data row read, in file order, and its 1-based file line number. */
  timeCells: string[];
  lines: number[];
  /** The numeric columns, in file order: one value per data row (NaN when missing). */
  columns: Map<string, Float64Array>;
  leftOut: LeftOutColumn[];
  rows: number;
  /** Rows that could not be read (wrong field count), 1-based file line numbers. */
  badRows: number[];
}

const MISSING = /^(na|nan|null|-)?$/i;
const TIME_SAMPLE = 200;

interface Candidate {
  name: string;
  index: number;
  values: number[] | null;
  /** Why it is not a series (set on the first text cell), or null. */
  why: string | null;
}

/** Reads a wide file: its time cells, its numeric columns as numbers, the columns left out. */
export async function readWideCsv(file: string, opts: WideFormatOptions): Promise<WideTable> {
  const base = path.basename(file);
  let header: string[] | null = null;
  let delimiter = ',';
  let timeIndex = -1;
  const candidates: Candidate[] = [];
  /** Left-out columns with their position in the header, to list them in file order. */
  const leftOut: (LeftOutColumn & { at: number })[] = [];
  const timeCells: string[] = [];
  const lines: number[] = [];
  const badRows: number[] = [];
  let lineNo = 0;

  const onHeader = (text: string): void => {
    delimiter = detectDelimiter(text);
    const names = splitCsvLine(text, delimiter).map(clean);
    header = names;
    timeIndex = names.indexOf(opts.timeColumn);
    if (timeIndex < 0)
      throw new Error(
        `${base} has no time column "${opts.timeColumn}" (columns: ${names.join(', ')})`,
      );
    const seen = new Set<string>([opts.timeColumn]);
    names.forEach((name, index) => {
      if (index === timeIndex) return;
      if (name === '')
        leftOut.push({ column: name, reason: `column ${index + 1} has no name`, at: index });
      else if (seen.has(name))
        leftOut.push({ column: name, reason: `a second column named ${name}`, at: index });
      else candidates.push({ name, index, values: [], why: null });
      seen.add(name);
    });
  };

  await forEachLine(file, (bytes) => {
    lineNo++;
    const text = lineText(bytes, lineNo === 1);
    if (lineNo === 1) return onHeader(text);
    if (text.trim() === '') return;
    const cells = splitCsvLine(text, delimiter);
    if (cells.length !== (header as string[]).length) {
      badRows.push(lineNo);
      return;
    }
    timeCells.push(clean(cells[timeIndex] ?? ''));
    lines.push(lineNo);
    for (const c of candidates) {
      if (!c.values) continue;
      const cell = clean(cells[c.index] ?? '');
      const v = parseValue(cell);
      if (Number.isNaN(v) && !MISSING.test(cell)) {
        c.why = `text such as "${cell.slice(0, 40)}" (row ${lineNo})`;
        c.values = null;
      } else c.values.push(v);
    }
  });
  if (!header) throw new Error(`${base} is empty`);
  if (timeCells.length === 0) throw new Error(`${base} has a header but no rows`);
  const columns = new Map<string, Float64Array>();
  for (const c of candidates) {
    if (!c.values) leftOut.push({ column: c.name, reason: c.why ?? 'text', at: c.index });
    else if (c.values.every((v) => Number.isNaN(v)))
      leftOut.push({ column: c.name, reason: 'no values', at: c.index });
    else columns.set(c.name, Float64Array.from(c.values));
  }
  if (columns.size === 0)
    throw new Error(
      `${base} has no numeric column besides its time column "${opts.timeColumn}" to take as a series`,
    );
  return {
    file,
    header,
    timeFormat: timeFormatOf(timeCells.slice(0, TIME_SAMPLE)),
    timeCells,
    lines,
    columns,
    leftOut: leftOut.sort((a, b) => a.at - b.at).map(({ column, reason }) => ({ column, reason })),
    rows: lineNo - 1,
    badRows,
  };
}

/** One column of a wide file as a series, named after the column. */
export function wideSeries(table: WideTable, column: string): LongSeries {
  const values = table.columns.get(column);
  if (!values) throw new Error(`no series "${column}" in ${path.basename(table.file)}`);
  const parseTime = lenient(table.timeFormat);
  const rows = table.timeCells.map((cell, i) => ({
    row: table.lines[i] as number,
    t: parseTime(cell),
    timeCell: cell,
    v: values[i] as number,
    f: [],
  }));
  return seriesFromRows(column, rows, {
    file: table.file,
    timeFormat: table.timeFormat,
    features: 0,
    trimMissingEnds: true,
  });
}

/** The table with only the given columns (for a task that needs a few series). */
export function wideSubset(table: WideTable, columns: readonly string[]): WideTable {
  const kept = new Map<string, Float64Array>();
  for (const c of columns) {
    const v = table.columns.get(c);
    if (v) kept.set(c, v);
  }
  return { ...table, columns: kept };
}
