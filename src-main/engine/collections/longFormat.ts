// A streaming reader for long-format collections: one row per observation, an id column, a time
// column, the target and optional numeric features, rows in any order.
//
// Streaming, in two passes, so memory is bounded by the series being worked on, not by the file:
// 1. `indexLongCsv` reads the file once in 1 MiB chunks and keeps, per id, only the byte ranges
//    of its *runs* (maximal blocks of consecutive rows with that id: start offset, end offset,
//    first row number, row count). A file grouped by id (the usual case) has one run per id, so
//    the index is O(ids); an interleaved file costs one run per change of id.
// 2. `readSeries` reads one id's runs back (positioned reads of just those bytes), parses them,
//    sorts the rows by time (stable, so file order breaks ties), drops exact duplicates (same
//    time, same values) and reports conflicting duplicates (same time, different values) with the
//    file and row numbers. The series is complete by construction: the index saw every row.
// Each series keeps its own frequency (inferred from its own times) and its own problems.
// Quoted fields are understood within a line; a field with a line break inside quotes is not
// supported (it is reported as a row with the wrong number of fields).
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { isoFormatOf } from '../csv/detectTimeColumn';
import { inferFrequency } from '../csv/inferFrequency';
import { formatTime } from '../csv/findProblems';
import { daysInMonth, timeParser, utcMs } from '../csv/parseTime';
import type { FrequencyInfo, TimeFormat } from '../csv/types';

export interface LongFormatOptions {
  idColumn: string;
  timeColumn: string;
  target: string;
  features?: readonly string[];
}

/** A block of consecutive rows of one id: bytes [start, end) of the file, rows firstRow… */
export interface SeriesRun {
  start: number;
  end: number;
  firstRow: number;
  rows: number;
}

export interface LongFormatIndex {
  file: string;
  delimiter: string;
  header: string[];
  columns: { id: number; time: number; target: number; features: number[] };
  timeFormat: TimeFormat;
  /** Ids in order of first appearance, with their runs. */
  ids: Map<string, SeriesRun[]>;
  rows: number;
  /** Rows that could not be indexed (wrong field count), 1-based file line numbers. */
  badRows: number[];
}

export interface SeriesProblem {
  kind: 'unsorted' | 'duplicate' | 'conflicting-duplicate' | 'missing-values' | 'bad-row' | 'gaps';
  count: number;
  message: string;
}

export interface LongSeries {
  id: string;
  /** Sorted, de-duplicated times (epoch ms, or the index for 'index' times). */
  times: Float64Array;
  values: Float64Array;
  /** Feature columns, same order as the options' features. */
  features: Float64Array[];
  frequency: FrequencyInfo;
  timeFormat: TimeFormat;
  problems: SeriesProblem[];
  /** Why this series cannot be used (conflicting duplicates, no usable values), or null. */
  error: string | null;
}

const CHUNK = 1 << 20;
const TIME_SAMPLE = 200;

/** Splits one CSV line on the delimiter, honouring double quotes ("" inside quotes is a quote). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

export function detectDelimiter(header: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const count = splitCsvLine(header, d).length;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function timeFormatOf(cells: string[]): TimeFormat {
  const iso = isoFormatOf(cells);
  if (iso) return iso;
  const nums = cells.map((c) => Number(c.trim()));
  if (nums.length > 0 && nums.every((v) => Number.isInteger(v) && v >= 1000 && v <= 9999))
    return 'year';
  if (nums.every((v) => Number.isFinite(v))) return 'index';
  throw new Error(
    `the time column's cells (e.g. "${cells[0] ?? ''}") are neither ISO dates nor numbers`,
  );
}

export const clean = (cell: string): string => cell.trim();

/** Calls `onLine` with every line of the file (without its newline) and its byte range, in 1 MiB reads. */
export async function forEachLine(
  file: string,
  onLine: (bytes: Buffer, start: number, end: number) => void,
): Promise<void> {
  let offset = 0; // byte offset of the start of `pending`
  let pending: Buffer = Buffer.alloc(0);
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let lineStart = 0;
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, lineStart)) {
      onLine(buf.subarray(lineStart, i), offset + lineStart, offset + i + 1);
      lineStart = i + 1;
    }
    offset += lineStart;
    pending = Buffer.from(buf.subarray(lineStart));
  }
  if (pending.length > 0) onLine(pending, offset, offset + pending.length);
}

/** A line's text without a trailing carriage return, and on the first line without a byte-order mark. */
export function lineText(bytes: Buffer, first: boolean): string {
  let text = bytes.toString('utf8');
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** Pass 1: the byte ranges of every id's rows. */
export async function indexLongCsv(
  file: string,
  opts: LongFormatOptions,
): Promise<LongFormatIndex> {
  const ids = new Map<string, SeriesRun[]>();
  const badRows: number[] = [];
  const timeSample: string[] = [];
  let header: string[] | null = null;
  let delimiter = ',';
  let cols: LongFormatIndex['columns'] | null = null;
  let lineNo = 0;
  let current: SeriesRun | null = null;
  let currentId: string | null = null;

  const onLine = (bytes: Buffer, start: number, end: number): void => {
    lineNo++;
    const text = lineText(bytes, lineNo === 1);
    if (lineNo === 1) {
      delimiter = detectDelimiter(text);
      header = splitCsvLine(text, delimiter).map(clean);
      const find = (name: string, what: string): number => {
        const i = (header as string[]).indexOf(name);
        if (i < 0)
          throw new Error(
            `${path.basename(file)} has no ${what} column "${name}" (columns: ${(header as string[]).join(', ')})`,
          );
        return i;
      };
      cols = {
        id: find(opts.idColumn, 'id'),
        time: find(opts.timeColumn, 'time'),
        target: find(opts.target, 'target'),
        features: (opts.features ?? []).map((f) => find(f, 'feature')),
      };
      return;
    }
    if (text.trim() === '') return;
    const cells = splitCsvLine(text, delimiter);
    if (cells.length !== (header as string[]).length || !cols) {
      badRows.push(lineNo);
      return;
    }
    const id = clean(cells[cols.id] ?? '');
    if (timeSample.length < TIME_SAMPLE) timeSample.push(clean(cells[cols.time] ?? ''));
    if (id === currentId && current && current.end === start) {
      current.end = end;
      current.rows++;
      return;
    }
    current = { start, end, firstRow: lineNo, rows: 1 };
    currentId = id;
    let runs = ids.get(id);
    if (!runs) ids.set(id, (runs = []));
    runs.push(current);
  };

  await forEachLine(file, onLine);
  if (!header || !cols) throw new Error(`${path.basename(file)} is empty`);
  if (ids.size === 0) throw new Error(`${path.basename(file)} has a header but no rows`);
  return {
    file,
    delimiter,
    header,
    columns: cols,
    timeFormat: timeFormatOf(timeSample),
    ids,
    rows: lineNo - 1,
    badRows,
  };
}

export function parseValue(cell: string | undefined): number {
  const c = (cell ?? '').trim();
  if (c === '' || /^(na|nan|null|-)$/i.test(c)) return Number.NaN;
  const v = Number(c);
  return Number.isFinite(v) ? v : Number.NaN;
}

const SHORT_YEAR_DATE = /^(\d{1,4})[-/](\d{1,2})[-/](\d{1,2})$/;

/**
 * The format's parser, and for dates also years written without leading zeros ("1-12-01", as M1
 * keeps its calendar years 1, 2, …), validated against the calendar.
 */
export function lenient(format: TimeFormat): (cell: string) => number {
  const strict = timeParser(format);
  if (format !== 'iso-date') return strict;
  return (cell) => {
    const t = strict(cell);
    if (Number.isFinite(t)) return t;
    const m = SHORT_YEAR_DATE.exec(cell);
    if (!m) return Number.NaN;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? utcMs(y, mo - 1, d) : NaN;
  };
}

/** The raw rows of one id: (file row number, cells) for every row of its runs. */
function readRows(
  index: LongFormatIndex,
  runs: readonly SeriesRun[],
): { row: number; cells: string[] }[] {
  const out: { row: number; cells: string[] }[] = [];
  const fd = openSync(index.file, 'r');
  try {
    for (const run of runs) {
      const buf = Buffer.alloc(run.end - run.start);
      readSync(fd, buf, 0, buf.length, run.start);
      const lines = buf.toString('utf8').split('\n');
      let row = run.firstRow;
      for (const raw of lines) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line.trim() === '') continue;
        out.push({ row, cells: splitCsvLine(line, index.delimiter) });
        row++;
      }
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

/** Pass 2 for one id: its rows sorted by time, duplicates resolved, frequency and problems. */
export function readSeries(index: LongFormatIndex, id: string): LongSeries {
  const runs = index.ids.get(id);
  if (!runs) throw new Error(`no series "${id}" in ${path.basename(index.file)}`);
  const parseTime = lenient(index.timeFormat);
  const { time: tc, target: vc, features: fc } = index.columns;
  const rows = readRows(index, runs).map((r) => ({
    row: r.row,
    t: parseTime(clean(r.cells[tc] ?? '')),
    v: parseValue(r.cells[vc]),
    f: fc.map((c) => parseValue(r.cells[c])),
    timeCell: clean(r.cells[tc] ?? ''),
  }));
  return seriesFromRows(id, rows, {
    file: index.file,
    timeFormat: index.timeFormat,
    features: fc.length,
  });
}

/** One observation of a series as read: its file row, time, value and feature values. */
export interface SeriesRow {
  row: number;
  /** The parsed time (NaN when unreadable) and the cell it was read from. */
  t: number;
  timeCell: string;
  /** The value (NaN when missing) and the feature values. */
  v: number;
  f: number[];
}

export interface SeriesRowsContext {
  file: string;
  timeFormat: TimeFormat;
  /** How many feature values each row carries. */
  features: number;
  /**
   * Leave out the rows before the first value and after the last (the column of a wide file
   * starts and ends at its own times) instead of filling them.
   */
  trimMissingEnds?: boolean;
}

/** Missing values at either end left out. */
function trimMissing(rows: SeriesRow[]): SeriesRow[] {
  let a = 0;
  let b = rows.length;
  while (a < b && Number.isNaN((rows[a] as SeriesRow).v)) a++;
  while (b > a && Number.isNaN((rows[b - 1] as SeriesRow).v)) b--;
  return a === 0 && b === rows.length ? rows : rows.slice(a, b);
}

/** One series from its rows in file order: sorted by time, duplicates resolved, gaps filled. */
export function seriesFromRows(id: string, rows: SeriesRow[], ctx: SeriesRowsContext): LongSeries {
  const base = path.basename(ctx.file);
  const problems: SeriesProblem[] = [];
  const badTime = rows.filter((r) => !Number.isFinite(r.t));
  const fail = (error: string): LongSeries => ({
    id,
    times: new Float64Array(0),
    values: new Float64Array(0),
    features: Array.from({ length: ctx.features }, () => new Float64Array(0)),
    frequency: inferFrequency(new Float64Array(0), ctx.timeFormat),
    timeFormat: ctx.timeFormat,
    problems,
    error,
  });
  if (badTime.length > 0) {
    const first = badTime[0] as SeriesRow;
    return fail(
      `${badTime.length} row${badTime.length > 1 ? 's have' : ' has'} an unreadable time (first: "${first.timeCell}" at ${base} row ${first.row})`,
    );
  }
  let unsorted = 0;
  for (let i = 1; i < rows.length; i++)
    if ((rows[i] as SeriesRow).t < (rows[i - 1] as SeriesRow).t) unsorted++;
  if (unsorted > 0) {
    problems.push({
      kind: 'unsorted',
      count: unsorted,
      message: `${unsorted} row${unsorted > 1 ? 's were' : ' was'} out of time order; sorted by time`,
    });
    rows.sort((a, b) => a.t - b.t || a.row - b.row); // stable: file order breaks ties
  }
  const kept: SeriesRow[] = [];
  let duplicates = 0;
  const conflicts: string[] = [];
  for (const r of rows) {
    const prev = kept[kept.length - 1];
    if (prev && prev.t === r.t) {
      const same =
        Object.is(prev.v, r.v) && prev.f.every((x, j) => Object.is(x, r.f[j] ?? Number.NaN));
      if (same) duplicates++;
      else
        conflicts.push(
          `${formatTime(r.t, ctx.timeFormat)}: ${base} row ${prev.row} (${prev.v}) and row ${r.row} (${r.v})`,
        );
      continue;
    }
    kept.push(r);
  }
  if (duplicates > 0)
    problems.push({
      kind: 'duplicate',
      count: duplicates,
      message: `${duplicates} exact duplicate row${duplicates > 1 ? 's' : ''} dropped`,
    });
  if (conflicts.length > 0) {
    const message = `${conflicts.length} time${conflicts.length > 1 ? 's have' : ' has'} conflicting rows: ${conflicts.slice(0, 3).join('; ')}${conflicts.length > 3 ? '; …' : ''}`;
    problems.push({ kind: 'conflicting-duplicate', count: conflicts.length, message });
    return fail(message);
  }
  const used = ctx.trimMissingEnds ? trimMissing(kept) : kept;
  const times = Float64Array.from(used, (r) => r.t);
  const values = Float64Array.from(used, (r) => r.v);
  const features = Array.from({ length: ctx.features }, (_, j) =>
    Float64Array.from(used, (r) => r.f[j] ?? Number.NaN),
  );
  const frequency = inferFrequency(times, ctx.timeFormat);
  const missing = fillMissing(values);
  if (missing > 0)
    problems.push({
      kind: 'missing-values',
      count: missing,
      message: `${missing} missing target value${missing > 1 ? 's' : ''} filled by linear interpolation`,
    });
  if (missing === values.length && values.length > 0) {
    problems.push({
      kind: 'missing-values',
      count: missing,
      message: 'every target value is missing',
    });
  }
  const gaps = countGaps(times, frequency);
  if (gaps > 0)
    problems.push({
      kind: 'gaps',
      count: gaps,
      message: `${gaps} gap${gaps > 1 ? 's' : ''} in the ${frequency.frequency} time steps (kept as consecutive observations)`,
    });
  const error =
    values.length === 0
      ? 'no rows'
      : missing === values.length
        ? 'every target value is missing'
        : null;
  return {
    id,
    times,
    values,
    features,
    frequency,
    timeFormat: ctx.timeFormat,
    problems,
    error,
  };
}

/** Linear interpolation of NaNs in place (the ends take the nearest value); returns how many. */
export function fillMissing(v: Float64Array): number {
  let count = 0;
  let i = 0;
  while (i < v.length) {
    if (!Number.isNaN(v[i] as number)) {
      i++;
      continue;
    }
    let j = i;
    while (j < v.length && Number.isNaN(v[j] as number)) j++;
    count += j - i;
    const a = i > 0 ? (v[i - 1] as number) : Number.NaN;
    const b = j < v.length ? (v[j] as number) : Number.NaN;
    for (let k = i; k < j; k++)
      v[k] = Number.isNaN(a) ? b : Number.isNaN(b) ? a : a + ((b - a) * (k - i + 1)) / (j - i + 1);
    i = j;
  }
  return count;
}

function countGaps(times: Float64Array, f: FrequencyInfo): number {
  if (!f.step || f.step.unit !== 'ms') {
    if (!f.step || f.step.unit !== 'month') return 0;
    let gaps = 0;
    for (let i = 1; i < times.length; i++) {
      const a = new Date(times[i - 1] as number);
      const b = new Date(times[i] as number);
      const months =
        (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
      if (months !== f.step.size) gaps++;
    }
    return gaps;
  }
  let gaps = 0;
  for (let i = 1; i < times.length; i++)
    if ((times[i] as number) - (times[i - 1] as number) !== f.step.size) gaps++;
  return gaps;
}
