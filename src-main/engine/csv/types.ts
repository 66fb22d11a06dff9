// Shared types of the CSV importer. Everything except ImportedTable is JSON-able (crosses IPC).

/**
 * How a time column is read. 'iso-datetime' without a zone is taken as UTC; 'decimal-year' maps the
 * fraction linearly onto that calendar year; 'index' keeps the column's own numbers (or 1..n when
 * there is no time column).
 */
export type TimeFormat =
  | 'iso-date'
  | 'iso-datetime'
  | 'year-month'
  | 'year'
  | 'decimal-year'
  | 'epoch-seconds'
  | 'epoch-millis'
  | 'mixed-dates'
  /** By `timePattern` (timePattern.ts), e.g. dd.MM.yyyy. */
  | 'pattern'
  | 'index';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface ParseOptions {
  /**
   * 'latin1' is offered by the sniffer when the file is not valid UTF-8; 'utf-16le'/'utf-16be' when
   * it starts with a UTF-16 byte order mark (or looks like UTF-16 without one). A BOM is stripped.
   */
  encoding: 'utf-8' | 'latin1' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  delimiter: Delimiter;
  quoteChar: '"' | "'";
  /** Whether the first non-blank record holds column names (otherwise columns are V1, V2, ...). */
  header: boolean;
  /** Decimal mark; the other of '.'/',' (plus space, apostrophe, NBSP) may group thousands. */
  decimal: '.' | ',';
  /** Whole-cell tokens (compared after trimming) that mean "missing". */
  missingTokens: string[];
  timeColumn: string | null;
  timeFormat: TimeFormat;
  /** Columns read as text (kept out of analysis) whatever their content. */
  textColumns: string[];
  /** Columns left out of the import altogether (not read, not listed as text); default none. */
  skipColumns?: string[] | undefined;
  /** Physical lines at the top ignored before the header; default 0. Row numbers still count them. */
  skipRows?: number | undefined;
  /** Lines whose first non-blank character is this are ignored (counted as rows); default null. */
  commentChar?: string | null | undefined;
  /** Pad a row with fewer fields than the header with missing values; default false (an error). */
  padShortRows?: boolean | undefined;
  /** The date pattern of timeFormat 'pattern' (timePattern.ts), e.g. dd.MM.yyyy. */
  timePattern?: string | undefined;
}

export type ColumnKind = 'time' | 'numeric' | 'text' | 'empty';

export interface SniffColumn {
  name: string;
  kind: ColumnKind;
  /** Share of non-missing sampled cells that parse as numbers (0 when all are missing). */
  numericShare: number;
  missing: number;
  /** The thousands separator seen in this column's sample, if any. */
  thousandsSeparator: string | null;
  timeFormat: TimeFormat | null;
}

export interface EncodingReport {
  bom: boolean;
  /** Invalid UTF-8 sequences in the sample; null when the sample is valid UTF-8. */
  invalidUtf8: { count: number; firstByteOffset: number; firstLine: number } | null;
}

export interface CsvSniff {
  fileName: string;
  filePath: string;
  fileSize: number;
  sampledBytes: number;
  wholeFileSampled: boolean;
  options: ParseOptions;
  encoding: EncodingReport;
  columnNames: string[];
  /** First data rows (at most 20) as the raw cell strings. */
  preview: string[][];
  columns: SniffColumn[];
  timeCandidate: { column: string; format: TimeFormat; reason: string } | null;
  numericColumns: string[];
  textColumns: string[];
  /** One sentence per decision the sniffer made, for the import dialog. */
  notes: string[];
}

export interface ImportedColumn {
  name: string;
  /** NaN = missing. */
  values: Float64Array;
  missing: number;
  thousandsSeparatorSeen: boolean;
  /**
   * Cells written as non-finite numbers (Infinity, -inf, NaN, 1e400): 1 per row where the cell was
   * one. Their values are NaN (counted in `missing`), so no statistic sees a non-finite value.
   */
  nonFiniteMask?: Uint8Array | undefined;
  /** How each non-finite spelling occurred, in file order ("Infinity" ×2, "1e400" ×1). */
  nonFiniteTokens?: [string, number][] | undefined;
}

/** Engine-internal result of importCsv (typed arrays, not JSON-able as is). */
export interface ImportedTable {
  fileName: string;
  filePath: string;
  rowCount: number;
  /** Epoch ms (UTC) for calendar formats; the column's numbers (or 1..n) for 'index'. */
  time: { column: string | null; format: TimeFormat; values: Float64Array };
  columns: ImportedColumn[];
  textColumns: string[];
  options: ParseOptions;
  warnings: string[];
  /** Spreadsheet row number in the file of each table row (0 for rows inserted by a choice). */
  rowNumbers: Float64Array;
  /** What applyImportChoices did, in words, oldest first. */
  appliedChoices: string[];
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface ImportHooks {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

export type Frequency =
  | 'minutely'
  | 'hourly'
  | 'daily'
  | 'business-daily'
  | 'weekly'
  | 'monthly'
  | 'quarterly'
  | 'yearly'
  | 'irregular'
  | 'index';

/** The regular step of a series: calendar months, business days, fixed ms, year fractions or index units. */
export interface TimeStep {
  unit: 'month' | 'business-day' | 'ms' | 'year-fraction' | 'index';
  size: number;
}

export interface FrequencyInfo {
  frequency: Frequency;
  seasonalPeriod: number;
  /** Share of steps (between sorted distinct times) that equal the base step, 0..1. */
  confidence: number;
  explanation: string;
  step: TimeStep | null;
}

export type ProblemKind =
  | 'unsorted-time'
  | 'duplicate-time'
  | 'gaps'
  | 'missing-values'
  | 'non-finite-values'
  | 'all-missing-column'
  | 'constant-column'
  | 'time-not-recognised'
  | 'mixed-time-formats';

export interface Problem {
  kind: ProblemKind;
  column?: string;
  count: number;
  /** First 20 positions: file row numbers, or time values (epoch ms / index) for time problems. */
  positions: number[];
  positionKind: 'row' | 'time';
  message: string;
  choices: string[];
}

export type MissingChoice = 'leave' | 'drop-rows' | 'forward-fill' | 'linear-interpolation';

export type NonFiniteChoice =
  'treat-as-missing' | 'drop-rows' | 'forward-fill' | 'linear-interpolation';

export interface ImportChoices {
  /** 'sort' orders rows by time (stable); default keeps the file order. */
  order?: 'sort' | 'keep-file-order';
  duplicates?: 'keep-first' | 'mean' | 'keep-all';
  gaps?: 'leave' | 'insert-missing-rows';
  missing?: Record<string, MissingChoice>;
  dropColumns?: string[];
  /** Per column: what to do with its non-finite cells (default: read as missing). */
  nonFinite?: Record<string, NonFiniteChoice>;
}

export interface ColumnSummary {
  count: number;
  missing: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  q25: number | null;
  median: number | null;
  q75: number | null;
  max: number | null;
  firstTime: number | null;
  lastTime: number | null;
}
