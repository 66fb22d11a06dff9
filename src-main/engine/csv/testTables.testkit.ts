// Test support: small ImportedTables built by hand.
import { DEFAULT_MISSING_TOKENS } from './missingTokens';
import { parseOptionsFixture } from './parseOptions.testkit';
import type { ImportedTable, TimeFormat } from './types';

export const utc = (y: number, m: number, d = 1): number => Date.UTC(y, m - 1, d);

/** A table whose file rows are 2, 3, ... (header on row 1). */
export function makeTable(
  times: number[],
  columns: Record<string, number[]>,
  format: TimeFormat = 'iso-date',
): ImportedTable {
  return {
    fileName: 'test.csv',
    filePath: '/tmp/test.csv',
    rowCount: times.length,
    time: { column: format === 'index' ? null : 'date', format, values: Float64Array.from(times) },
    columns: Object.entries(columns).map(([name, values]) => ({
      name,
      values: Float64Array.from(values),
      missing: values.filter((v) => Number.isNaN(v)).length,
      thousandsSeparatorSeen: false,
    })),
    textColumns: [],
    options: parseOptionsFixture({
      missingTokens: [...DEFAULT_MISSING_TOKENS],
      timeColumn: format === 'index' ? null : 'date',
      timeFormat: format,
    }),
    warnings: [],
    rowNumbers: Float64Array.from(times, (_, i) => i + 2),
    appliedChoices: [],
  };
}
