// The importer's robustness property, shared by the unit test (300 runs) and csvFuzz.manual.ts
// (10,000 runs): whatever bytes a file holds, the whole pipeline either succeeds or throws a
// CsvImportError, and never hangs.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { applyImportChoices } from './applyImportChoices';
import { columnSummary } from './columnSummary';
import { CsvImportError } from './csvImportError';
import { findProblems } from './findProblems';
import { importCsv } from './importCsv';
import { inferFrequency } from './inferFrequency';
import { sniffCsv } from './sniffCsv';

const pointNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
);
const commaNumber = fc
  .double({ min: -1e7, max: 1e7, noNaN: true })
  .map((x) => x.toFixed(2).replace('.', ','));
const groupedUs = fc.integer({ min: 1000, max: 9_999_999 }).map((x) => x.toLocaleString('en-US'));
const groupedDe = fc.integer({ min: 1000, max: 9_999_999 }).map((x) => x.toLocaleString('de-DE'));
const isoDateTime = fc
  .date({ min: new Date(-1e13), max: new Date(1e13), noInvalidDate: true })
  .map((d) => d.toISOString());
const isoDate = fc
  .date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const year = fc.integer({ min: 1000, max: 2999 }).map(String);
const epoch = fc.integer({ min: 1e8, max: 4e9 }).map(String);
const junkCell = fc.oneof(
  fc.constantFrom(
    '',
    'NA',
    '.',
    '-',
    '?',
    '#N/A',
    'null',
    '"',
    '""',
    '"a""b"',
    "'",
    '\n',
    '\r',
    ',',
    ';',
    '\t',
    '|',
    ' ',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const anyCell = fc.oneof(
  pointNumber,
  commaNumber,
  groupedUs,
  groupedDe,
  isoDateTime,
  isoDate,
  year,
  epoch,
  junkCell,
);
const mostly = (main: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof({ weight: 60, arbitrary: main }, { weight: 1, arbitrary: junkCell });
const COLUMN_KINDS: fc.Arbitrary<string>[] = [
  ...[pointNumber, commaNumber, groupedUs, groupedDe, isoDateTime, isoDate, year, epoch].map(
    mostly,
  ),
  junkCell,
  anyCell,
];

/** One CSV table: each column keeps a kind (numbers, times, junk, mixed) with occasional odd cells. */
const table: fc.Arbitrary<string[][]> = fc
  .array(fc.integer({ min: 0, max: COLUMN_KINDS.length - 1 }), { minLength: 1, maxLength: 5 })
  .chain((kinds) =>
    fc.array(fc.tuple(...kinds.map((k) => COLUMN_KINDS[k] as fc.Arbitrary<string>)), {
      maxLength: 30,
    }),
  );

/** CSV-like text: one delimiter and line ending; maybe a header, a BOM, a ragged row, sloppy quoting. */
export const csvText = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    quoteAll: fc.boolean(),
    sloppy: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    bom: fc.boolean(),
    header: fc.boolean(),
    ragged: fc.oneof(
      { weight: 5, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.nat() },
    ),
    rows: table,
  })
  .map(({ delimiter, newline, quoteAll, sloppy, bom, header, ragged, rows }) => {
    // A careful writer quotes cells holding delimiters, quotes or line breaks; a sloppy one does not.
    const needsQuotes = (c: string): boolean =>
      !sloppy && (c.includes(delimiter) || /["\r\n]/.test(c));
    const quote = (c: string): string =>
      quoteAll || needsQuotes(c) ? `"${c.replace(/"/g, '""')}"` : c;
    const lines = rows.map((r) => r.map(quote).join(delimiter));
    if (ragged !== null && lines.length > 0) lines[ragged % lines.length] += `${delimiter}x`;
    if (header && rows[0] !== undefined)
      lines.unshift(rows[0].map((_, j) => (j === 0 ? 'date' : `v${j}`)).join(delimiter));
    return (bom ? '\ufeff' : '') + lines.join(newline);
  });

export const csvBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 8, arbitrary: csvText.map((t) => new TextEncoder().encode(t)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: csvText.map((t) => Buffer.from(t, 'latin1')) },
);

function isExpected(error: unknown): boolean {
  return error instanceof CsvImportError || (error instanceof Error && error.name === 'AbortError');
}

let counter = 0;

/** Runs sniff → import → frequency → problems → every choice → summaries on one file's bytes. */
export async function runPipeline(dir: string, bytes: Uint8Array): Promise<void> {
  const file = path.join(dir, `fuzz-${process.pid}-${counter++}.csv`);
  await writeFile(file, bytes);
  try {
    const sniff = await sniffCsv(file);
    JSON.stringify(sniff);
    const table = await importCsv(file, sniff.options);
    const frequency = inferFrequency(table.time.values, table.time.format);
    JSON.stringify(findProblems(table, frequency));
    const missing = Object.fromEntries(
      table.columns.map((c) => [c.name, 'linear-interpolation' as const]),
    );
    const applied = applyImportChoices(
      table,
      { order: 'sort', duplicates: 'mean', gaps: 'insert-missing-rows', missing },
      frequency,
    );
    for (const c of applied.table.columns)
      JSON.stringify(columnSummary(c.values, applied.table.time.values));
  } catch (error) {
    if (!isExpected(error)) throw error;
  } finally {
    await rm(file, { force: true });
  }
}

export function csvNeverCrashes(dir: string): fc.IAsyncPropertyWithHooks<[Uint8Array]> {
  return fc.asyncProperty(csvBytes, (bytes) => runPipeline(dir, bytes));
}
