// Expected outcomes for the fixtures in ./fixtures that import, written by hand from the file
// contents (times as Date.UTC of the written calendar values; numbers as written in the cells).
import type { Frequency, ParseOptions, ProblemKind, TimeFormat } from './types';

const day = (y: number, m: number, d: number, h = 0, min = 0): number =>
  Date.UTC(y, m - 1, d, h, min);

type Sniffed = Pick<ParseOptions, 'delimiter' | 'decimal' | 'header' | 'quoteChar' | 'encoding'>;

export interface OkCase {
  file: string;
  sniff?: Partial<Sniffed>;
  time: { column: string | null; format: TimeFormat; first3: number[] };
  frequency: Frequency;
  seasonalPeriod: number;
  columns: Record<string, number[]>;
  textColumns?: string[];
  thousands?: string[];
  warnings?: string[];
  problems?: ProblemKind[];
}

type Timing = Pick<OkCase, 'time' | 'frequency' | 'seasonalPeriod'>;

/** An ISO-date column stepping by days (daily) from y-m-d. */
const daily = (column: string, y: number, m: number, d: number): Timing => ({
  time: { column, format: 'iso-date', first3: [day(y, m, d), day(y, m, d + 1), day(y, m, d + 2)] },
  frequency: 'daily',
  seasonalPeriod: 7,
});
/** An ISO-date column of month starts (monthly) from y-m. */
const monthly = (
  column: string,
  y: number,
  m: number,
  format: TimeFormat = 'iso-date',
): Timing => ({
  time: { column, format, first3: [day(y, m, 1), day(y, m + 1, 1), day(y, m + 2, 1)] },
  frequency: 'monthly',
  seasonalPeriod: 12,
});
const timed = (
  column: string | null,
  format: TimeFormat,
  first3: number[],
  frequency: Frequency,
  seasonalPeriod: number,
): Timing => ({
  time: { column, format, first3 },
  frequency,
  seasonalPeriod,
});
const hours = (y: number, m: number, d: number): number[] => [0, 1, 2].map((h) => day(y, m, d, h));
/** A quarterly column (seasonal period 4) whose first three times are given. */
const quarterly = (column: string, format: TimeFormat, first3: number[]): Timing =>
  timed(column, format, first3, 'quarterly', 4);
/** Rows counted 1, 2, 3, … (from the named column, or none). */
const indexed = (column: string | null = null): Timing =>
  timed(column, 'index', [1, 2, 3], 'index', 1);

export const OK_CASES: OkCase[] = [
  { file: 'bom_monthly.csv', ...monthly('date', 2021, 1), columns: { sales: [10, 12, 11, 15] } },
  {
    file: 'semicolon_decimal_comma.csv',
    sniff: { delimiter: ';', decimal: ',' },
    ...daily('Datum', 2021, 1, 4),
    columns: { Umsatz: [1234.5, 987.25, 2000, 1500.75], Menge: [3, 4, 5, 6] },
    thousands: ['Umsatz'],
  },
  {
    file: 'tab_separated.tsv',
    sniff: { delimiter: '\t' },
    ...timed('time', 'iso-datetime', hours(2020, 1, 1), 'hourly', 24),
    columns: { value: [1.5, 2.5, 3.5, 4.5] },
  },
  {
    file: 'pipe_separated.csv',
    sniff: { delimiter: '|' },
    ...timed(
      'year',
      'year',
      [2001, 2002, 2003].map((y) => day(y, 1, 1)),
      'yearly',
      1,
    ),
    columns: { rainfall: [812.5, 790, 845.25, 800], temp: [9.1, 9.4, 8.8, 9] },
  },
  {
    file: 'quoted_newlines.csv',
    ...daily('date', 2022, 1, 1),
    columns: { value: [5, 6, 7, 8] },
    textColumns: ['note'],
  },
  {
    file: 'latin1_text.csv',
    sniff: { encoding: 'latin1' },
    ...daily('date', 2020, 1, 1),
    columns: { temp: [3.5, 4, 5.5] },
    textColumns: ['city'],
  },
  {
    file: 'duplicate_times.csv',
    ...timed('date', 'iso-date', [day(2021, 3, 1), day(2021, 3, 2), day(2021, 3, 2)], 'daily', 7),
    columns: { value: [1, 2, 4, 3, 5] },
    problems: ['duplicate-time'],
  },
  {
    file: 'unsorted_times.csv',
    ...timed(
      'date',
      'iso-date',
      [day(2021, 1, 1), day(2021, 3, 1), day(2021, 2, 1)],
      'monthly',
      12,
    ),
    columns: { value: [1, 3, 2, 4] },
    problems: ['unsorted-time'],
  },
  {
    file: 'gaps_daily.csv',
    ...daily('date', 2021, 1, 1),
    columns: { value: [1, 2, 3, 6, 7] },
    problems: ['gaps'],
  },
  {
    file: 'all_missing_column.csv',
    ...monthly('date', 2020, 1),
    columns: { a: [1, 2, 3], b: [NaN, NaN, NaN] },
    warnings: ['"b": 3 missing (empty ×3)'],
    problems: ['all-missing-column'],
  },
  // 1609459200 s = 2021-01-01T00:00Z; steps of 3600 s.
  {
    file: 'epoch_seconds.csv',
    ...timed('timestamp', 'epoch-seconds', hours(2021, 1, 1), 'hourly', 24),
    columns: { load: [0.5, 0.7, 0.6, 0.9] },
  },
  {
    file: 'epoch_millis.csv',
    ...timed(
      'ts',
      'epoch-millis',
      [0, 1, 2].map((m) => day(2021, 1, 1, 0, m)),
      'minutely',
      1,
    ),
    columns: { cpu: [10, 12, 11, 13] },
  },
  // 02:00+02:00 = 00:00Z, 01:00Z, 04:00+0200 = 02:00Z.
  {
    file: 'iso_with_zone.csv',
    ...timed('time', 'iso-datetime', hours(2021, 6, 1), 'hourly', 24),
    columns: { value: [1, 2, 3, 4] },
  },
  {
    file: 'year_month.csv',
    ...monthly('month', 2019, 11, 'year-month'),
    columns: { value: [5, 6, 7, 8] },
  },
  // 1990.25 = Jan 1 + 0.25 × 365 days = Apr 2, 06:00 UTC.
  {
    file: 'decimal_year_quarterly.csv',
    ...quarterly('time', 'decimal-year', [
      day(1990, 1, 1),
      day(1990, 4, 2, 6),
      day(1990, 7, 2, 12),
    ]),
    columns: { value: [1, 2, 3, 4, 5] },
  },
  {
    file: 'no_time_column.csv',
    ...indexed(),
    columns: { height: [1.7, 1.8, 1.6, 1.75], weight: [65, 80, 55, 70] },
  },
  {
    file: 'headerless.csv',
    sniff: { header: false },
    ...monthly('V1', 2020, 1),
    columns: { V2: [5.5, 6.5, 7.5] },
  },
  { file: 'crlf.csv', ...daily('date', 2020, 1, 1), columns: { value: [1, 2, 3] }, warnings: [] },
  {
    file: 'trailing_empty_lines.csv',
    ...daily('date', 2020, 1, 1),
    columns: { value: [1, 2, 3] },
    warnings: [],
  },
  {
    file: 'thousands_quoted.csv',
    sniff: { decimal: '.' },
    ...monthly('date', 2020, 1),
    columns: { revenue: [1234.5, 12345678, 999.5, 2000] },
    thousands: ['revenue'],
  },
  {
    file: 'thousands_apostrophe_space.csv',
    sniff: { delimiter: ';', decimal: '.' },
    ...daily('date', 2020, 1, 1),
    columns: { price: [1234.5, 1300.25, 999.75], volume: [1000, 2500, 12000] },
    thousands: ['price', 'volume'],
  },
  {
    file: 'missing_tokens.csv',
    ...daily('date', 2020, 1, 1),
    columns: { value: [1, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 13] },
    warnings: [
      '"value": 9 missing (empty ×1, "NA" ×1, "N/A" ×1, "null" ×1, "NULL" ×1, "-" ×1, "?" ×1, "#N/A" ×1, "." ×1)',
      // NaN is a number, not a missing token: listed on its own with its own choices.
      '"value": 2 non-finite value(s) read as missing ("NaN" ×1, "nan" ×1)',
    ],
    problems: ['missing-values', 'non-finite-values'],
  },
  {
    file: 'mostly_text_column.csv',
    ...daily('date', 2020, 1, 1),
    columns: { value: [1.5, 2.5, 3.5, 4.5, 5.5] },
    textColumns: ['comment'],
  },
  {
    file: 'constant_column.csv',
    ...daily('date', 2020, 1, 1),
    columns: { a: [1, 3, 2, 5], b: [7, 7, 7, 7] },
    problems: ['constant-column'],
  },
  // 2021-03-01 is a Monday; two weeks of weekdays.
  {
    file: 'business_daily.csv',
    ...timed(
      'date',
      'iso-date',
      [1, 2, 3].map((d) => day(2021, 3, d)),
      'business-daily',
      5,
    ),
    columns: { close: [100, 101, 102, 103, 104, 105, 106, 107, 108, 109] },
  },
  {
    file: 'weekly.csv',
    ...timed(
      'week',
      'iso-date',
      [4, 11, 18].map((d) => day(2021, 1, d)),
      'weekly',
      52,
    ),
    columns: { visits: [5, 7, 6, 8, 9] },
  },
  {
    file: 'quarter_end_dates.csv',
    ...quarterly('date', 'iso-date', [day(2019, 3, 31), day(2019, 6, 30), day(2019, 9, 30)]),
    columns: { gdp: [1.1, 1.2, 1.3, 1.4, 1.5] },
  },
  // Year-sized integers that jump around in a column named "units" are values, not years.
  {
    file: 'integer_not_year.csv',
    ...indexed(),
    columns: { units: [1995, 2003, 1990, 2010], price: [2.5, 2.7, 2.6, 2.9] },
  },
  {
    file: 'single_quotes.csv',
    sniff: { quoteChar: "'" },
    ...daily('date', 2020, 1, 1),
    columns: { value: [1, 2, 3] },
    textColumns: ['label'],
  },
  {
    file: 'blank_lines_inside.csv',
    ...daily('date', 2020, 1, 1),
    columns: { value: [1, 2, 3] },
    warnings: ['1 blank line(s) skipped, the first at row 3'],
  },
  {
    file: 'duplicate_header.csv',
    ...daily('date', 2020, 1, 1),
    columns: { value: [1, 4, 7], value_2: [2, 5, 8], V4: [3, 6, 9] },
  },
  {
    file: 'iso_naive_datetime.csv',
    ...timed('datetime', 'iso-datetime', hours(2021, 1, 1), 'hourly', 24),
    columns: { kwh: [1.25, 1.5, 1.75, 2] },
  },
  {
    file: 'whitespace_padded.csv',
    ...daily('date', 2020, 1, 1),
    columns: { value: [1.5, 2.5, 3.5] },
  },
  // R's write.csv row names: an unnamed first column counting 1, 2, 3.
  {
    file: 'r_rownames.csv',
    ...indexed('V1'),
    columns: { value: [5, 6, 7] },
  },
];
