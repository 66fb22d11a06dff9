// What to do next after an error, in words: the message says what went wrong, this says the fix.
import type { StudioError } from '../../src-main/shared/result';

export interface ImportErrorDetails {
  reason: string | null;
  file: string | null;
  row: number | null;
  column: string | null;
}

export function importErrorDetails(error: StudioError): ImportErrorDetails {
  const d =
    typeof error.details === 'object' && error.details !== null
      ? (error.details as Record<string, unknown>)
      : {};
  return {
    reason: typeof d.reason === 'string' ? d.reason : null,
    file: typeof d.file === 'string' ? d.file : null,
    row: typeof d.row === 'number' ? d.row : null,
    column: typeof d.column === 'string' ? d.column : null,
  };
}

const IMPORT_ADVICE: Record<string, string> = {
  'io-error': 'Check that the file still exists and is readable, then open it again.',
  'empty-file': 'The file has no content. Choose another file.',
  'binary-file': 'Choose a CSV text file (export the spreadsheet as CSV first).',
  'unsupported-encoding': 'Save the file as UTF-8 CSV and open it again.',
  'header-only': 'The file has a header but no data rows. Choose a file with data.',
  'too-few-rows': 'A time series needs at least three data rows.',
  'ragged-row':
    'Check the delimiter and quote character in the import settings, or fix that row in the file.',
  'unterminated-quote':
    'A quoted field never ends: check the quote character in the import settings, or fix the file.',
  'malformed-quote':
    'Check the quote character in the import settings, or fix the quoting at that row.',
  'no-numeric-column':
    'No column holds numbers: check the delimiter and decimal mark in the import settings.',
  'no-finite-values':
    'Every value is infinite, NaN or beyond ±1.8e308 (or missing): check how the file was exported.',
  'not-a-number':
    'Check the decimal mark and missing-value tokens in the import settings, or mark the column as text.',
  'bad-time-value':
    'Pick another time column or time format in the import settings, or fix that cell.',
  'missing-time-value':
    'Fill the empty time cell in the file, or choose "row index" as the time column.',
  'unknown-column':
    'That column is not in the file: re-open the import settings and pick an existing column.',
};

const CODE_ADVICE: Partial<Record<StudioError['code'], string>> = {
  'not-found': 'Open the file again from the sidebar.',
  forbidden: 'Open the file through "Open CSV…" or the upload button instead of typing its path.',
  'engine-crashed': 'The analysis engine restarted; try again.',
  timeout:
    'The analysis engine is busy (a long import or job); try again, or cancel the running job.',
  unavailable: 'This action is not available here.',
  'invalid-request': 'Check the values you entered and try again.',
  internal: 'Try again; if it persists, report it with the message above.',
};

export function errorAdvice(error: StudioError): string {
  if (error.code === 'import-error') {
    const { reason } = importErrorDetails(error);
    return (
      (reason && IMPORT_ADVICE[reason]) ??
      'Check the import settings (delimiter, decimal mark, header, time column) and import again.'
    );
  }
  return CODE_ADVICE[error.code] ?? '';
}
