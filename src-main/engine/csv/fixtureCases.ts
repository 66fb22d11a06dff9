// Expected outcomes for every fixture in ./fixtures, written by hand from the file contents
// (times as Date.UTC of the written calendar values; numbers as written in the cells).
import type { Frequency, ParseOptions, ProblemKind, TimeFormat } from './types';

const day = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h, min);

export interface OkCase {
  file: string;
  sniff?: Partial<Pick<ParseOptions, 'delimiter' | 'decimal' | 'header' | 'quoteChar' | 'encoding'>>;
  time: { column: string | null; format: TimeFormat; first3: number[] };
  frequency: Frequency;
  seasonalPeriod: number;
  columns: Record<string, number[]>;
  textColumns?: string[];
  thousands?: string[];
  warnings?: string[];
  problems?: ProblemKind[];
}

export interface ErrorCase {
  file: string;
  code: string;
  message: string;
}

export const OK_CASES: OkCase[] = [
  { file: 'bom_monthly.csv', time: { column: 'date', format: 'iso-date', first3: [day(2021, 1, 1), day(2021, 2, 1), day(2021, 3, 1)] }, frequency: 'monthly', seasonalPeriod: 12, columns: { sales: [10, 12, 11, 15] } },
  { file: 'semicolon_decimal_comma.csv', sniff: { delimiter: ';', decimal: ',' }, time: { column: 'Datum', format: 'iso-date', first3: [day(2021, 1, 4), day(2021, 1, 5), day(2021, 1, 6)] }, frequency: 'daily', seasonalPeriod: 7, columns: { Umsatz: [1234.5, 987.25, 2000, 1500.75], Menge: [3, 4, 5, 6] }, thousands: ['Umsatz'] },
  { file: 'tab_separated.tsv', sniff: { delimiter: '\t' }, time: { column: 'time', format: 'iso-datetime', first3: [day(2020, 1, 1, 0), day(2020, 1, 1, 1), day(2020, 1, 1, 2)] }, frequency: 'hourly', seasonalPeriod: 24, columns: { value: [1.5, 2.5, 3.5, 4.5] } },
  { file: 'pipe_separated.csv', sniff: { delimiter: '|' }, time: { column: 'year', format: 'year', first3: [day(2001, 1, 1), day(2002, 1, 1), day(2003, 1, 1)] }, frequency: 'yearly', seasonalPeriod: 1, columns: { rainfall: [812.5, 790, 845.25, 800], temp: [9.1, 9.4, 8.8, 9] } },
  { file: 'quoted_newlines.csv', time: { column: 'date', format: 'iso-date', first3: [day(2022, 1, 1), day(2022, 1, 2), day(2022, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { value: [5, 6, 7, 8] }, textColumns: ['note'] },
  { file: 'latin1_text.csv', sniff: { encoding: 'latin1' }, time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 1, 2), day(2020, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { temp: [3.5, 4, 5.5] }, textColumns: ['city'] },
  { file: 'duplicate_times.csv', time: { column: 'date', format: 'iso-date', first3: [day(2021, 3, 1), day(2021, 3, 2), day(2021, 3, 2)] }, frequency: 'daily', seasonalPeriod: 7, columns: { value: [1, 2, 4, 3, 5] }, problems: ['duplicate-time'] },
  { file: 'unsorted_times.csv', time: { column: 'date', format: 'iso-date', first3: [day(2021, 1, 1), day(2021, 3, 1), day(2021, 2, 1)] }, frequency: 'monthly', seasonalPeriod: 12, columns: { value: [1, 3, 2, 4] }, problems: ['unsorted-time'] },
  { file: 'gaps_daily.csv', time: { column: 'date', format: 'iso-date', first3: [day(2021, 1, 1), day(2021, 1, 2), day(2021, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { value: [1, 2, 3, 6, 7] }, problems: ['gaps'] },
  { file: 'all_missing_column.csv', time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 2, 1), day(2020, 3, 1)] }, frequency: 'monthly', seasonalPeriod: 12, columns: { a: [1, 2, 3], b: [NaN, NaN, NaN] }, warnings: ['"b": 3 missing (empty ×3)'], problems: ['all-missing-column'] },
  // 1609459200 s = 2021-01-01T00:00Z; steps of 3600 s.
  { file: 'epoch_seconds.csv', time: { column: 'timestamp', format: 'epoch-seconds', first3: [day(2021, 1, 1, 0), day(2021, 1, 1, 1), day(2021, 1, 1, 2)] }, frequency: 'hourly', seasonalPeriod: 24, columns: { load: [0.5, 0.7, 0.6, 0.9] } },
  { file: 'epoch_millis.csv', time: { column: 'ts', format: 'epoch-millis', first3: [day(2021, 1, 1, 0, 0), day(2021, 1, 1, 0, 1), day(2021, 1, 1, 0, 2)] }, frequency: 'minutely', seasonalPeriod: 1, columns: { cpu: [10, 12, 11, 13] } },
  // 02:00+02:00 = 00:00Z, 04:00+0200 = 02:00Z.
  { file: 'iso_with_zone.csv', time: { column: 'time', format: 'iso-datetime', first3: [day(2021, 6, 1, 0), day(2021, 6, 1, 1), day(2021, 6, 1, 2)] }, frequency: 'hourly', seasonalPeriod: 24, columns: { value: [1, 2, 3, 4] } },
  { file: 'year_month.csv', time: { column: 'month', format: 'year-month', first3: [day(2019, 11, 1), day(2019, 12, 1), day(2020, 1, 1)] }, frequency: 'monthly', seasonalPeriod: 12, columns: { value: [5, 6, 7, 8] } },
  // 1990.25 = Jan 1 + 0.25 × 365 days = Apr 2, 06:00 UTC.
  { file: 'decimal_year_quarterly.csv', time: { column: 'time', format: 'decimal-year', first3: [day(1990, 1, 1), day(1990, 4, 2, 6), day(1990, 7, 2, 12)] }, frequency: 'quarterly', seasonalPeriod: 4, columns: { value: [1, 2, 3, 4, 5] } },
  { file: 'no_time_column.csv', time: { column: null, format: 'index', first3: [1, 2, 3] }, frequency: 'index', seasonalPeriod: 1, columns: { height: [1.7, 1.8, 1.6, 1.75], weight: [65, 80, 55, 70] } },
  { file: 'headerless.csv', sniff: { header: false }, time: { column: 'V1', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 2, 1), day(2020, 3, 1)] }, frequency: 'monthly', seasonalPeriod: 12, columns: { V2: [5.5, 6.5, 7.5] } },
  { file: 'crlf.csv', time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 1, 2), day(2020, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { value: [1, 2, 3] }, warnings: [] },
  { file: 'trailing_empty_lines.csv', time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 1, 2), day(2020, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { value: [1, 2, 3] }, warnings: [] },
  { file: 'thousands_quoted.csv', sniff: { decimal: '.' }, time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 2, 1), day(2020, 3, 1)] }, frequency: 'monthly', seasonalPeriod: 12, columns: { revenue: [1234.5, 12345678, 999.5, 2000] }, thousands: ['revenue'] },
  { file: 'thousands_apostrophe_space.csv', sniff: { delimiter: ';', decimal: '.' }, time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 1, 2), day(2020, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { price: [1234.5, 1300.25, 999.75], volume: [1000, 2500, 12000] }, thousands: ['price', 'volume'] },
  {
    file: 'missing_tokens.csv',
    time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 1, 2), day(2020, 1, 3)] },
    frequency: 'daily',
    seasonalPeriod: 7,
    columns: { value: [1, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 13] },
    warnings: ['"value": 11 missing (empty ×1, "NA" ×1, "N/A" ×1, "NaN" ×1, "nan" ×1, "null" ×1, "NULL" ×1, "-" ×1, "?" ×1, "#N/A" ×1, "." ×1)'],
    problems: ['missing-values'],
  },
  { file: 'mostly_text_column.csv', time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 1, 2), day(2020, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { value: [1.5, 2.5, 3.5, 4.5, 5.5] }, textColumns: ['comment'] },
  { file: 'constant_column.csv', time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 1, 2), day(2020, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { a: [1, 3, 2, 5], b: [7, 7, 7, 7] }, problems: ['constant-column'] },
  // 2021-03-01 is a Monday; two weeks of weekdays.
  { file: 'business_daily.csv', time: { column: 'date', format: 'iso-date', first3: [day(2021, 3, 1), day(2021, 3, 2), day(2021, 3, 3)] }, frequency: 'business-daily', seasonalPeriod: 5, columns: { close: [100, 101, 102, 103, 104, 105, 106, 107, 108, 109] } },
  { file: 'weekly.csv', time: { column: 'week', format: 'iso-date', first3: [day(2021, 1, 4), day(2021, 1, 11), day(2021, 1, 18)] }, frequency: 'weekly', seasonalPeriod: 52, columns: { visits: [5, 7, 6, 8, 9] } },
  { file: 'quarter_end_dates.csv', time: { column: 'date', format: 'iso-date', first3: [day(2019, 3, 31), day(2019, 6, 30), day(2019, 9, 30)] }, frequency: 'quarterly', seasonalPeriod: 4, columns: { gdp: [1.1, 1.2, 1.3, 1.4, 1.5] } },
  // Year-sized integers that jump around in a column named "units" are values, not years.
  { file: 'integer_not_year.csv', time: { column: null, format: 'index', first3: [1, 2, 3] }, frequency: 'index', seasonalPeriod: 1, columns: { units: [1995, 2003, 1990, 2010], price: [2.5, 2.7, 2.6, 2.9] } },
  { file: 'single_quotes.csv', sniff: { quoteChar: "'" }, time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 1, 2), day(2020, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { value: [1, 2, 3] }, textColumns: ['label'] },
  { file: 'blank_lines_inside.csv', time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 1, 2), day(2020, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { value: [1, 2, 3] }, warnings: ['1 blank line(s) skipped, the first at row 3'] },
  { file: 'duplicate_header.csv', time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 1, 2), day(2020, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { value: [1, 4, 7], value_2: [2, 5, 8], V4: [3, 6, 9] } },
  { file: 'iso_naive_datetime.csv', time: { column: 'datetime', format: 'iso-datetime', first3: [day(2021, 1, 1, 0), day(2021, 1, 1, 1), day(2021, 1, 1, 2)] }, frequency: 'hourly', seasonalPeriod: 24, columns: { kwh: [1.25, 1.5, 1.75, 2] } },
  { file: 'whitespace_padded.csv', time: { column: 'date', format: 'iso-date', first3: [day(2020, 1, 1), day(2020, 1, 2), day(2020, 1, 3)] }, frequency: 'daily', seasonalPeriod: 7, columns: { value: [1.5, 2.5, 3.5] } },
  // R's write.csv row names: an unnamed first column counting 1, 2, 3.
  { file: 'r_rownames.csv', time: { column: 'V1', format: 'index', first3: [1, 2, 3] }, frequency: 'index', seasonalPeriod: 1, columns: { value: [5, 6, 7] } },
];

export const ERROR_CASES: ErrorCase[] = [
  { file: 'empty.csv', code: 'empty-file', message: 'empty.csv: the file is empty' },
  { file: 'header_only.csv', code: 'header-only', message: 'header_only.csv: the file has a header row but no data rows' },
  { file: 'single_row.csv', code: 'too-few-rows', message: 'single_row.csv: only 1 data row; at least 3 are needed to see how the series moves over time' },
  { file: 'ragged_too_many.csv', code: 'ragged-row', message: 'ragged_too_many.csv row 4: 3 fields where 2 are expected (too many; check for a stray delimiter or quote)' },
  { file: 'ragged_too_few.csv', code: 'ragged-row', message: 'ragged_too_few.csv row 3: 2 fields where 3 are expected (too few; check for a stray delimiter or quote)' },
  // The blank line is row 3, so the extra field is on row 6.
  { file: 'blank_line_then_ragged.csv', code: 'ragged-row', message: 'blank_line_then_ragged.csv row 6: 3 fields where 2 are expected (too many; check for a stray delimiter or quote)' },
  { file: 'unterminated_quote.csv', code: 'unterminated-quote', message: 'unterminated_quote.csv row 3: a quoted field opened in this row is never closed' },
  { file: 'malformed_quote.csv', code: 'malformed-quote', message: 'malformed_quote.csv row 2: text follows the closing quote of a quoted field' },
  // "PK\x03\x04\x14\x00": the first NUL is byte 5.
  { file: 'binary_junk.csv', code: 'binary-file', message: 'binary_junk.csv: this is not a CSV text file: it contains NUL bytes (first at byte 5)' },
  { file: 'binary_no_nul.bin', code: 'binary-file', message: 'binary_no_nul.bin: this is not a CSV text file: most of its first 512 bytes are not text in any common encoding' },
  { file: 'utf16.csv', code: 'unsupported-encoding', message: 'utf16.csv: the file is UTF-16; save it as UTF-8 CSV' },
  { file: 'all_text.csv', code: 'no-numeric-column', message: 'all_text.csv: no numeric column to analyse (text columns: "name", "city")' },
  // Seventh data row, after the header: row 8.
  { file: 'units_abc.csv', code: 'not-a-number', message: 'units_abc.csv row 8, column "units": "abc" is not a number' },
  { file: 'bad_date.csv', code: 'bad-time-value', message: 'bad_date.csv row 4, column "date": "2021-02-30" is not a valid date (YYYY-MM-DD)' },
  { file: 'missing_time.csv', code: 'missing-time-value', message: 'missing_time.csv row 3, column "date": the time is missing ("")' },
];
