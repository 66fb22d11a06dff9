// Row convention used in every message: rows are CSV records numbered from 1, counting the header
// record as row 1, exactly like a spreadsheet that opened the file (a quoted field spanning several
// lines is still one row; blank lines count as rows, as they do in a spreadsheet).
import path from 'node:path';

export type CsvErrorCode =
  | 'io-error'
  | 'empty-file'
  | 'binary-file'
  | 'unsupported-encoding'
  | 'invalid-option'
  | 'header-only'
  | 'too-few-rows'
  | 'ragged-row'
  | 'unterminated-quote'
  | 'malformed-quote'
  | 'no-numeric-column'
  | 'no-finite-values'
  | 'not-a-number'
  | 'bad-time-value'
  | 'missing-time-value'
  | 'unknown-column'
  | 'too-many-columns'
  | 'field-too-long'
  | 'row-too-long'
  | 'values-out-of-range';

/**
 * Three data rows are required: two give one time step, which cannot tell a regular series from an
 * irregular one, and no statistic beyond a straight line is meaningful on two points.
 */
export const MIN_DATA_ROWS = 3;

export class CsvImportError extends Error {
  override readonly name = 'CsvImportError';
  readonly code: CsvErrorCode;
  readonly file: string;
  readonly row: number | undefined;
  readonly column: string | undefined;

  constructor(
    code: CsvErrorCode,
    filePath: string,
    detail: string,
    where: { row?: number; column?: string } = {},
  ) {
    const file = path.basename(filePath);
    super(`${file}${locate(where)}: ${detail}`);
    this.code = code;
    this.file = file;
    this.row = where.row;
    this.column = where.column;
  }
}

function locate(where: { row?: number; column?: string }): string {
  const parts: string[] = [];
  if (where.row !== undefined) parts.push(` row ${where.row}`);
  if (where.column !== undefined) parts.push(` column "${where.column}"`);
  return parts.join(',');
}

/** Quotes a cell for a message, shortening long ones so a runaway field cannot flood the UI. */
export function quoteCell(cell: string): string {
  const shown = cell.length > 40 ? `${cell.slice(0, 37)}...` : cell;
  return JSON.stringify(shown);
}

export function abortError(): Error {
  const error = new Error('CSV import was cancelled');
  error.name = 'AbortError';
  return error;
}
