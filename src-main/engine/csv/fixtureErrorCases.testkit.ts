// Expected refusals for the bad fixtures in ./fixtures: exact code and message (row numbers counted
// as in a spreadsheet, header = row 1).
export interface ErrorCase {
  file: string;
  code: string;
  message: string;
}

const RAGGED = 'check for a stray delimiter or quote';

export const ERROR_CASES: ErrorCase[] = [
  { file: 'empty.csv', code: 'empty-file', message: 'empty.csv: the file is empty' },
  {
    file: 'header_only.csv',
    code: 'header-only',
    message: 'header_only.csv: the file has a header row but no data rows',
  },
  {
    file: 'single_row.csv',
    code: 'too-few-rows',
    message:
      'single_row.csv: only 1 data row; at least 3 are needed to see how the series moves over time',
  },
  {
    file: 'ragged_too_many.csv',
    code: 'ragged-row',
    message: `ragged_too_many.csv row 4: 3 fields where 2 are expected (too many; ${RAGGED})`,
  },
  {
    file: 'ragged_too_few.csv',
    code: 'ragged-row',
    message: `ragged_too_few.csv row 3: 2 fields where 3 are expected (too few; check for a stray delimiter or quote, or pad short rows with missing values)`,
  },
  // The blank line is row 3, so the extra field is on row 6.
  {
    file: 'blank_line_then_ragged.csv',
    code: 'ragged-row',
    message: `blank_line_then_ragged.csv row 6: 3 fields where 2 are expected (too many; ${RAGGED})`,
  },
  {
    file: 'unterminated_quote.csv',
    code: 'unterminated-quote',
    message: 'unterminated_quote.csv row 3: a quoted field opened in this row is never closed',
  },
  {
    file: 'malformed_quote.csv',
    code: 'malformed-quote',
    message: 'malformed_quote.csv row 2: text follows the closing quote of a quoted field',
  },
  // "PK\x03\x04\x14\x00": the first NUL is byte 5.
  {
    file: 'binary_junk.csv',
    code: 'binary-file',
    message:
      'binary_junk.csv: this is not a CSV text file: it contains NUL bytes (first at byte 5)',
  },
  {
    file: 'binary_no_nul.bin',
    code: 'binary-file',
    message:
      'binary_no_nul.bin: this is not a CSV text file: most of its first 512 bytes are not text in any common encoding',
  },
  {
    // UTF-16 LE with a BOM is read (its encoding proposed from the BOM); it holds one data row.
    file: 'utf16.csv',
    code: 'too-few-rows',
    message:
      'utf16.csv: only 1 data row; at least 3 are needed to see how the series moves over time',
  },
  {
    file: 'all_text.csv',
    code: 'no-numeric-column',
    message: 'all_text.csv: no numeric column to analyse (text columns: "name", "city")',
  },
  // Seventh data row, after the header: row 8.
  {
    file: 'units_abc.csv',
    code: 'not-a-number',
    message: 'units_abc.csv row 8, column "units": "abc" is not a number',
  },
  {
    file: 'bad_date.csv',
    code: 'bad-time-value',
    message: 'bad_date.csv row 4, column "date": "2021-02-30" is not a valid date (YYYY-MM-DD)',
  },
  {
    file: 'missing_time.csv',
    code: 'missing-time-value',
    message: 'missing_time.csv row 3, column "date": the time is missing ("")',
  },
];
