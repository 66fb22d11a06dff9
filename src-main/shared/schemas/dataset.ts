import { z } from 'zod';
import { DatasetId, FileSource, JobId } from './common';

export const Delimiter = z.enum([',', ';', '\t', '|']);
export const TimeFormat = z.enum([
  'iso-date',
  'iso-datetime',
  'year-month',
  'year',
  'decimal-year',
  'epoch-seconds',
  'epoch-millis',
  /** Dates in several unambiguous formats, each cell read by the one that fits it. */
  'mixed-dates',
  /** By ParseOptions.timePattern, e.g. dd.MM.yyyy. */
  'pattern',
  'index',
]);
export type TimeFormat = z.infer<typeof TimeFormat>;

export const Frequency = z.enum([
  'minutely',
  'hourly',
  'daily',
  'business-daily',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
  'irregular',
  'index',
]);
export type Frequency = z.infer<typeof Frequency>;

export const Encoding = z.enum(['utf-8', 'latin1', 'windows-1252', 'utf-16le', 'utf-16be'], {
  error: 'unsupported encoding; supported: utf-8, latin1, windows-1252, utf-16le, utf-16be',
});

export const ParseOptions = z.object({
  encoding: Encoding,
  delimiter: Delimiter,
  quoteChar: z.enum(['"', "'"]),
  header: z.boolean(),
  decimal: z.enum(['.', ',']),
  missingTokens: z.array(z.string().max(20)).max(50),
  timeColumn: z.string().max(500).nullable(),
  timeFormat: TimeFormat,
  textColumns: z.array(z.string().max(500)).max(1000),
  /** Columns left out of the import altogether (unticked text columns); default none. */
  skipColumns: z.array(z.string().max(500)).max(1000).optional(),
  /** Lines at the top of the file ignored before the header (a title, a blank line); default 0. */
  skipRows: z
    .number({ error: 'rows to skip must be a whole number from 0 to 1000' })
    .int({ error: 'rows to skip must be a whole number from 0 to 1000' })
    .min(0, { error: 'rows to skip must be a whole number from 0 to 1000' })
    .max(1000, { error: 'rows to skip must be a whole number from 0 to 1000' })
    .optional(),
  /**
   * Lines whose first non-blank character is this one are ignored; default null (none). One
   * character, not a letter, digit, blank or quote (the delimiter is checked at import).
   */
  commentChar: z
    .string()
    .regex(/^[^\p{L}\p{N}\s"']$/u, {
      error:
        'the comment character must be one character that is not a letter, digit, blank or quote (e.g. #)',
    })
    .nullable()
    .optional(),
  /** A row with fewer fields than the header is padded with missing values; default false (error). */
  padShortRows: z.boolean().optional(),
  /** The time format 'pattern''s date pattern, e.g. dd.MM.yyyy (engine/csv/timePattern.ts). */
  timePattern: z
    .string()
    .max(40)
    .regex(/^(?:[^A-Za-z]|yyyy|yy|MM|M|dd|d|HH|H|mm|ss)*$/, {
      error: 'a date pattern uses only the letters yyyy, yy, MM, M, dd, d, HH, H, mm, ss',
    })
    .optional(),
});
export type ParseOptions = z.infer<typeof ParseOptions>;

/** The ways of filling gaps that both missing and non-finite cells offer. */
const GAP_FILLS = ['drop-rows', 'forward-fill', 'linear-interpolation'] as const;

export const MissingChoice = z.enum(['leave', ...GAP_FILLS]);

/** What to do with a column's non-finite cells (Infinity, -inf, NaN, 1e400), read as missing until decided. */
export const NonFiniteChoice = z.enum(['treat-as-missing', ...GAP_FILLS]);

export const ImportChoices = z.object({
  order: z.enum(['sort', 'keep-file-order']).optional(),
  duplicates: z.enum(['keep-first', 'mean', 'keep-all']).optional(),
  gaps: z.enum(['leave', 'insert-missing-rows']).optional(),
  missing: z.record(z.string().max(500), MissingChoice).optional(),
  dropColumns: z.array(z.string().max(500)).max(1000).optional(),
  nonFinite: z.record(z.string().max(500), NonFiniteChoice).optional(),
  /** Overrides of what was inferred from the time column. */
  frequency: Frequency.optional(),
  seasonalPeriod: z.number().int().min(1).max(10_000).optional(),
});
export type ImportChoices = z.infer<typeof ImportChoices>;

export const Problem = z.object({
  kind: z.enum([
    'unsorted-time',
    'duplicate-time',
    'gaps',
    'missing-values',
    /** Cells that are numbers but not finite (Infinity, -inf, NaN, 1e400), read as missing. */
    'non-finite-values',
    'all-missing-column',
    'constant-column',
    /** Rows are numbered because a column of dates could not be read as time. */
    'time-not-recognised',
    /** The time column mixes date formats (read cell by cell). */
    'mixed-time-formats',
  ]),
  column: z.string().optional(),
  count: z.number(),
  positions: z.array(z.number()),
  positionKind: z.enum(['row', 'time']),
  message: z.string(),
  choices: z.array(z.string()),
});
export type Problem = z.infer<typeof Problem>;

export const ColumnSummary = z.object({
  name: z.string(),
  count: z.number(),
  missing: z.number(),
  mean: z.number().nullable(),
  std: z.number().nullable(),
  min: z.number().nullable(),
  q25: z.number().nullable(),
  median: z.number().nullable(),
  q75: z.number().nullable(),
  max: z.number().nullable(),
  firstTime: z.number().nullable(),
  lastTime: z.number().nullable(),
});
export type ColumnSummary = z.infer<typeof ColumnSummary>;

export const DatasetInfo = z.object({
  datasetId: DatasetId,
  name: z.string(),
  source: FileSource,
  rows: z.number(),
  timeColumn: z.string().nullable(),
  timeFormat: TimeFormat,
  frequency: Frequency,
  seasonalPeriod: z.number(),
  frequencyExplanation: z.string(),
  firstTime: z.number().nullable(),
  lastTime: z.number().nullable(),
  columns: z.array(ColumnSummary),
  textColumns: z.array(z.string()),
  problems: z.array(Problem),
  appliedChoices: z.array(z.string()),
  warnings: z.array(z.string()),
  options: ParseOptions,
  choices: ImportChoices,
});
export type DatasetInfo = z.infer<typeof DatasetInfo>;

export const SniffColumn = z.object({
  name: z.string(),
  kind: z.enum(['time', 'numeric', 'text', 'empty']),
  numericShare: z.number(),
  missing: z.number(),
  thousandsSeparator: z.string().nullable(),
  timeFormat: TimeFormat.nullable(),
});

export const CsvSniff = z.object({
  fileName: z.string(),
  fileSize: z.number(),
  sampledBytes: z.number(),
  wholeFileSampled: z.boolean(),
  options: ParseOptions,
  encoding: z.object({
    bom: z.boolean(),
    invalidUtf8: z
      .object({ count: z.number(), firstByteOffset: z.number(), firstLine: z.number() })
      .nullable(),
  }),
  columnNames: z.array(z.string()),
  preview: z.array(z.array(z.string())),
  columns: z.array(SniffColumn),
  timeCandidate: z
    .object({ column: z.string(), format: TimeFormat, reason: z.string() })
    .nullable(),
  numericColumns: z.array(z.string()),
  textColumns: z.array(z.string()),
  notes: z.array(z.string()),
});
export type CsvSniff = z.infer<typeof CsvSniff>;

export const SniffRequest = z.object({
  source: FileSource,
  overrides: ParseOptions.partial().optional(),
});

export const OpenDatasetRequest = z.object({
  jobId: JobId,
  source: FileSource,
  options: ParseOptions.optional(),
  choices: ImportChoices.optional(),
});
export type OpenDatasetRequest = z.infer<typeof OpenDatasetRequest>;

export const SeriesRequest = z.object({
  datasetId: DatasetId,
  columns: z.array(z.string().max(500)).min(1).max(20),
  start: z.number().optional(),
  end: z.number().optional(),
  maxPoints: z.number().int().min(10).max(20_000).default(2000),
});

export const SeriesWindow = z.object({
  datasetId: DatasetId,
  timeFormat: TimeFormat,
  x: z.array(z.number()),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
  totalPoints: z.number(),
  downsampled: z.boolean(),
  method: z.string(),
});
export type SeriesWindow = z.infer<typeof SeriesWindow>;

export const SampleInfo = z.object({ name: z.string(), sizeBytes: z.number() });
