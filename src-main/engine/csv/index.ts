// Public surface of the CSV importer.
export { sniffCsv } from './sniffCsv';
export { importCsv } from './importCsv';
export { inferFrequency } from './inferFrequency';
export { findProblems, formatTime } from './findProblems';
export { applyImportChoices, type AppliedImport } from './applyImportChoices';
export { columnSummary } from './columnSummary';
export { CsvImportError, MIN_DATA_ROWS, type CsvErrorCode } from './csvImportError';
export { DEFAULT_MISSING_TOKENS } from './missingTokens';
export type * from './types';
