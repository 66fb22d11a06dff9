// Test support: an import's outcome (table or error) as plain data, so the fast path and papaparse
// alone can be compared with toEqual. Numbers become strings so that -0, NaN and every bit of the
// value count.
import { expect } from 'vitest';
import { CsvImportError } from './csvImportError';
import { importCsvWith } from './importCsv';
import type { ImportedTable, ParseOptions } from './types';

const exact = (values: Float64Array): string[] =>
  Array.from(values, (v) => (Object.is(v, -0) ? '-0' : String(v)));

function tableData(table: ImportedTable): unknown {
  return {
    ...table,
    time: { ...table.time, values: exact(table.time.values) },
    columns: table.columns.map((c) => ({ ...c, values: exact(c.values) })),
    rowNumbers: exact(table.rowNumbers),
  };
}

function errorData(error: unknown): unknown {
  if (error instanceof CsvImportError) {
    const { code, message, row, column, file } = error;
    return { error: 'CsvImportError', code, message, row, column, file };
  }
  return { error: String(error) };
}

export interface Outcome {
  result: unknown;
  /** Records the fast path read before papaparse took over; null when it never had to. */
  handover: number | null;
}

export async function importOutcome(
  filePath: string,
  options: ParseOptions,
  fastPath: boolean,
  chunkBytes?: number,
): Promise<Outcome> {
  let handover: number | null = null;
  const reading = {
    fastPath,
    ...(chunkBytes === undefined ? {} : { chunkBytes }),
    onHandover: (records: number) => {
      handover = records;
    },
  };
  const result = await importCsvWith(filePath, options, {}, reading).then(tableData, errorData);
  return { result, handover };
}

/**
 * The outcome of papaparse alone at the default chunk size, checked to be the same on both record
 * readers at tiny chunk sizes (1, 3 and 7 bytes) too.
 */
export async function outcomeOnEveryReader(
  filePath: string,
  options: ParseOptions,
): Promise<unknown> {
  const first = (await importOutcome(filePath, options, false)).result;
  for (const chunkBytes of [undefined, 1, 3, 7]) {
    for (const fast of [true, false]) {
      expect((await importOutcome(filePath, options, fast, chunkBytes)).result).toEqual(first);
    }
  }
  return first;
}
