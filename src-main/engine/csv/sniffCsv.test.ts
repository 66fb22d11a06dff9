// Sniffer behaviour beyond the fixture table: sampling limits, overrides and their explanations.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvImportError } from './csvImportError';
import { importCsv } from './importCsv';
import { SNIFF_BYTES, sniffCsv } from './sniffCsv';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'csv-sniff-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('sniffCsv', () => {
  it('reads only the first 64 KiB of a large file and ignores its cut last line', async () => {
    const file = path.join(tmp, 'large.csv');
    const rows = Array.from({ length: 20_000 }, (_, i) => `${1000 + i};${i},5`);
    writeFileSync(file, `id;value\n${rows.join('\n')}\n`);
    const sniff = await sniffCsv(file);
    expect([sniff.sampledBytes, sniff.wholeFileSampled]).toEqual([SNIFF_BYTES, false]);
    expect(sniff.options).toMatchObject({ delimiter: ';', decimal: ',', header: true });
    expect(sniff.preview).toHaveLength(20);
    expect(sniff.preview[0]).toEqual(['1000', '0,5']);
  });

  it('explains each decision in notes', async () => {
    const sniff = await sniffCsv(path.join(fixtures, 'semicolon_decimal_comma.csv'));
    expect(sniff.notes).toEqual([
      'delimiter: ";" splits 100% of rows into 3 fields',
      'decimal mark ",": 4 cells use a decimal comma (e.g. 1,5 or 1.234,5)',
      'header: "Datum" is text above a column of values',
      'time: "Datum" as iso-date, because its cells are iso-date values',
      '"Umsatz" groups thousands with "."',
    ]);
  });

  it('applies overrides before detecting what depends on them', async () => {
    const file = path.join(fixtures, 'no_time_column.csv');
    const sniff = await sniffCsv(file, { header: false });
    expect(sniff.columnNames).toEqual(['V1', 'V2']);
    expect(sniff.preview[0]).toEqual(['height', 'weight']);
    const timed = await sniffCsv(path.join(fixtures, 'r_rownames.csv'), { timeColumn: null });
    expect(timed.options).toMatchObject({ timeColumn: null, timeFormat: 'index' });
    const chosen = await sniffCsv(path.join(fixtures, 'constant_column.csv'), { timeColumn: 'a' });
    expect(chosen.timeCandidate).toEqual({
      column: 'a',
      format: 'index',
      reason: 'chosen by the user',
    });
  });

  it('lets the importer name an unknown time column', async () => {
    const file = path.join(fixtures, 'crlf.csv');
    const options = { ...(await sniffCsv(file)).options, timeColumn: 'when' };
    const error = await importCsv(file, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvImportError);
    expect((error as CsvImportError).message).toBe(
      'crlf.csv: there is no column "when" to read time from (columns: date, value)',
    );
  });

  it('reports a missing file as an io-error', async () => {
    const error = await sniffCsv(path.join(tmp, 'nope.csv')).catch((e: unknown) => e);
    expect((error as CsvImportError).code).toBe('io-error');
  });
});
