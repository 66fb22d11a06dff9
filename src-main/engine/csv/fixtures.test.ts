// Table-driven import of every fixture: exact values, time format and frequency, or the exact error.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CsvImportError } from './csvImportError';
import { OK_CASES } from './fixtureCases.testkit';
import { ERROR_CASES } from './fixtureErrorCases.testkit';
import { findProblems } from './findProblems';
import { importCsv } from './importCsv';
import { inferFrequency } from './inferFrequency';
import { sniffCsv } from './sniffCsv';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

async function load(file: string) {
  const sniff = await sniffCsv(path.join(dir, file));
  const table = await importCsv(sniff.filePath, sniff.options);
  return { sniff, table };
}

describe('fixture corpus', () => {
  it('has at least 32 fixtures, each covered by a case', () => {
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThanOrEqual(32);
    const covered = [...OK_CASES, ...ERROR_CASES].map((c) => c.file).sort();
    expect(covered).toEqual(files);
  });

  it.each(OK_CASES)('imports $file', async (c) => {
    const { sniff, table } = await load(c.file);
    for (const [key, value] of Object.entries(c.sniff ?? {})) {
      expect(sniff.options[key as keyof typeof sniff.options]).toEqual(value);
    }
    expect(table.time.column).toBe(c.time.column);
    expect(table.time.format).toBe(c.time.format);
    expect(Array.from(table.time.values.slice(0, 3))).toEqual(c.time.first3);
    const columns = Object.fromEntries(
      table.columns.map((col) => [col.name, Array.from(col.values)]),
    );
    expect(columns).toEqual(c.columns);
    expect(table.textColumns).toEqual(c.textColumns ?? []);
    const grouped = table.columns
      .filter((col) => col.thousandsSeparatorSeen)
      .map((col) => col.name);
    expect(grouped).toEqual(c.thousands ?? []);
    if (c.warnings !== undefined) expect(table.warnings).toEqual(c.warnings);
    const frequency = inferFrequency(table.time.values, table.time.format);
    expect(frequency.frequency).toBe(c.frequency);
    expect(frequency.seasonalPeriod).toBe(c.seasonalPeriod);
    expect(findProblems(table, frequency).map((p) => p.kind)).toEqual(c.problems ?? []);
  });

  it.each(ERROR_CASES)('refuses $file with a message naming the place', async (c) => {
    const error = await load(c.file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CsvImportError);
    expect((error as CsvImportError).code).toBe(c.code);
    expect((error as CsvImportError).message).toBe(c.message);
  });
});

describe('fixture details', () => {
  it('sniffs the BOM, and a Latin-1 file as encoding errors with the first byte and line', async () => {
    expect((await sniffCsv(path.join(dir, 'bom_monthly.csv'))).encoding).toEqual({
      bom: true,
      invalidUtf8: null,
    });
    const latin = await sniffCsv(path.join(dir, 'latin1_text.csv'));
    // "city,date,temp\n" is 15 bytes, "Z" is byte 15, the Latin-1 ü is byte 16, on line 2.
    expect(latin.encoding.invalidUtf8).toEqual({ count: 3, firstByteOffset: 16, firstLine: 2 });
    expect(latin.preview[0]?.[0]).toBe('Zürich');
  });

  it('imports a Latin-1 file as UTF-8 only with an encoding warning', async () => {
    const sniff = await sniffCsv(path.join(dir, 'latin1_text.csv'), { encoding: 'utf-8' });
    const table = await importCsv(sniff.filePath, sniff.options);
    expect(table.warnings[0]).toMatch(
      /^encoding errors: 3 byte sequences are not valid UTF-8 \(first at byte 16\)/,
    );
  });

  it('numbers rows as records: quoted newlines stay one row', async () => {
    const { table } = await load('quoted_newlines.csv');
    expect(Array.from(table.rowNumbers)).toEqual([2, 3, 4, 5]);
    const blank = await load('blank_lines_inside.csv');
    expect(Array.from(blank.table.rowNumbers)).toEqual([2, 4, 5]);
  });

  it('reads a mostly-text column as text when the sniffer did not flag it, and says so', async () => {
    const sniff = await sniffCsv(path.join(dir, 'mostly_text_column.csv'));
    const table = await importCsv(sniff.filePath, { ...sniff.options, textColumns: [] });
    expect(table.textColumns).toEqual(['comment']);
    // "ok", "late delivery", "12", "fine" are filled ("n/a" is missing): 1 of 4 is a number.
    expect(table.warnings).toContain(
      '"comment" is read as text (1 of 4 filled cells are numbers) and is not analysed',
    );
  });

  it('reports the per-column sniff guesses', async () => {
    const sniff = await sniffCsv(path.join(dir, 'thousands_apostrophe_space.csv'));
    expect(sniff.columns.map((c) => [c.name, c.kind, c.thousandsSeparator])).toEqual([
      ['date', 'time', null],
      ['price', 'numeric', "'"],
      ['volume', 'numeric', ' '],
    ]);
    expect(sniff.timeCandidate).toMatchObject({ column: 'date', format: 'iso-date' });
    expect(sniff.numericColumns).toEqual(['price', 'volume']);
    expect(sniff.preview).toEqual([
      ['2020-01-01', "1'234.50", '1 000'],
      ['2020-01-02', "1'300.25", '2 500'],
      ['2020-01-03', '999.75', '12 000'],
    ]);
  });
});
