// Picks the time column and its format from sampled cells. ISO-looking text is unmistakable; numbers
// are only taken as time with evidence beyond their size (a time-like name, or being the first column
// and stepping like a clock), so an integer value column such as units=2003 is never called a year.
import { parsePlainDecimal } from './parseNumber';
import type { TimeFormat } from './types';

export interface SampledColumn {
  name: string;
  /** Non-missing sampled cells, in file order. */
  cells: string[];
}

export interface TimeGuess {
  index: number;
  format: TimeFormat;
  reason: string;
}

const TIME_WORDS = new Set(
  (
    'date time year yr month period timestamp ts datetime day week quarter qtr minute hour second ' +
    'epoch unix t index idx obs step tick datum zeit jahr fecha annee anno mois millis ms dt'
  ).split(' '),
);

/** True when any word of the name (split on non-letters and camelCase) is a time word. */
export function hasTimeName(name: string): boolean {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
  return words.some((w) => TIME_WORDS.has(w));
}

const SHARE = 0.9;

// Detection looks at the shape only, so an impossible date such as 2021-02-30 still marks the column
// as a date column and the import then names that cell, instead of the column quietly becoming text.
const DATE_SHAPE = /^\d{4}([-/])\d{2}\1\d{2}$/;
const YEAR_MONTH_SHAPE = /^\d{4}[-/]\d{2}$/;
const DATETIME_SHAPE =
  /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

function shapeShare(cells: string[], shape: RegExp): number {
  let ok = 0;
  for (const c of cells) if (shape.test(c.trim())) ok++;
  return ok / cells.length;
}

/** The ISO format all (or nearly all) cells follow, most specific first. */
export function isoFormatOf(cells: string[]): TimeFormat | null {
  if (cells.length === 0) return null;
  if (shapeShare(cells, DATE_SHAPE) >= SHARE) return 'iso-date';
  if (shapeShare(cells, YEAR_MONTH_SHAPE) >= SHARE) return 'year-month';
  const withClock = cells.some((c) => c.trim().length > 10);
  if (withClock && shapeShare(cells, DATETIME_SHAPE) >= SHARE) return 'iso-datetime';
  return null;
}

function numbersOf(cells: string[]): number[] | null {
  const out: number[] = [];
  for (const c of cells) {
    const v = parsePlainDecimal(c, 46);
    if (Number.isNaN(v)) return null;
    out.push(v);
  }
  return out.length >= 2 ? out : null;
}

function steps(values: number[]): { increasing: boolean; unitSteps: boolean; maxStep: number } {
  let increasing = true;
  let unitSteps = true;
  let maxStep = 0;
  for (let i = 1; i < values.length; i++) {
    const d = (values[i] as number) - (values[i - 1] as number);
    if (d <= 0) increasing = false;
    if (d !== 1) unitSteps = false;
    maxStep = Math.max(maxStep, d);
  }
  return { increasing, unitSteps, maxStep };
}

/** The numeric time format a column supports, with the evidence, or null. */
export function numericTimeFormat(
  column: SampledColumn,
  isFirst: boolean,
): { format: TimeFormat; reason: string } | null {
  const values = numbersOf(column.cells);
  if (values === null) return null;
  const named = hasTimeName(column.name);
  const { increasing, unitSteps, maxStep } = steps(values);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const integers = values.every((v) => Number.isInteger(v));
  const label = named
    ? `its name "${column.name}"`
    : 'it is the first column and increases steadily';
  const inYears = min >= 1000 && max < 3000;
  if (inYears && integers && (named || (isFirst && unitSteps))) {
    return { format: 'year', reason: `whole numbers ${min}..${max} read as years (${label})` };
  }
  if (inYears && !integers && (named || (isFirst && increasing && maxStep <= 1))) {
    return { format: 'decimal-year', reason: `fractional years ${min}..${max} (${label})` };
  }
  const clockLike = named || (isFirst && increasing);
  if (clockLike && min >= 1e11 && max < 1e13 && integers) {
    return { format: 'epoch-millis', reason: `milliseconds since 1970 (${label})` };
  }
  if (clockLike && min >= 1e8 && max < 1e10) {
    return { format: 'epoch-seconds', reason: `seconds since 1970 (${label})` };
  }
  if (integers && increasing && (named || (isFirst && unitSteps && (min === 0 || min === 1)))) {
    const why = named ? label : 'it counts 0/1, 2, 3, ... like row numbers';
    return { format: 'index', reason: `increasing whole numbers used as a time index (${why})` };
  }
  return null;
}

/** Leftmost ISO column first, then the leftmost time-named numeric column, then structural evidence. */
export function detectTimeColumn(columns: SampledColumn[]): TimeGuess | null {
  for (let i = 0; i < columns.length; i++) {
    const format = isoFormatOf((columns[i] as SampledColumn).cells);
    if (format !== null) {
      return { index: i, format, reason: `its cells are ${format} values` };
    }
  }
  const numeric: TimeGuess[] = [];
  columns.forEach((column, i) => {
    const found = numericTimeFormat(column, i === 0);
    if (found !== null) numeric.push({ index: i, ...found });
  });
  const named = numeric.find((g) => hasTimeName((columns[g.index] as SampledColumn).name));
  // A lone unnamed column of numbers is the data itself, whatever its shape.
  return named ?? (columns.length > 1 ? numeric[0] : undefined) ?? null;
}
