// The documented limits (csvLimits.ts), on real generated files through the real sniffer and importer
// (fast path and papaparse alone): refused early with a message naming the file, row and column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvLimitGuard, MAX_COLUMNS, MAX_FIELD_CHARS, MAX_RECORD_CHARS } from './csvLimits';
import { importCsvWith } from './importCsv';
import { sniffCsv } from './sniffCsv';
import type { ParseOptions } from './types';
import { parseOptionsFixture } from './parseOptions.testkit';
import { scratchFiles } from './scratchFiles.testkit';

const write = scratchFiles('csv-limits-');

const OPTIONS: ParseOptions = parseOptionsFixture({ timeColumn: null, timeFormat: 'index' });

const readings = [
  { name: 'fast path', fastPath: true },
  { name: 'papaparse alone', fastPath: false },
];

const TOO_MANY =
  'more than 10,000 fields in one row; at most 10,000 columns are supported (check the delimiter in the import settings)';
const FIELD_TOO_LONG =
  'the field is longer than 1 MiB (1,048,576 characters), the most a field may hold';

describe('CSV limits', () => {
  it('documents 10,000 columns, 1 MiB per field and 4 MiB per row', () => {
    expect([MAX_COLUMNS, MAX_FIELD_CHARS, MAX_RECORD_CHARS]).toEqual([
      10_000, 1_048_576, 4_194_304,
    ]);
  });

  // The file: 2 MB, one row of 1,000,000 columns (54–60 s and 8.8 GB before the limit).
  const million = write('million.csv', Array(1_000_000).fill('1').join(',') + '\n');
  // 100,000 empty columns (1 GB before the limit), in two rows.
  const emptyWide = write('empty-wide.csv', `${','.repeat(99_999)}\n`.repeat(2));

  it.each([
    ['million.csv', million],
    ['empty-wide.csv', emptyWide],
  ])('sniffing %s refuses it at row 1', async (name, file) => {
    await expect(sniffCsv(file)).rejects.toMatchObject({
      code: 'too-many-columns',
      row: 1,
      column: undefined,
      message: `${name} row 1: ${TOO_MANY}`,
    });
  });

  for (const reading of readings) {
    it(`opening 1,000,000 and 100,000 columns is refused at row 1 (${reading.name})`, async () => {
      for (const [name, file] of [
        ['million.csv', million],
        ['empty-wide.csv', emptyWide],
      ] as const) {
        await expect(importCsvWith(file, OPTIONS, {}, reading)).rejects.toMatchObject({
          code: 'too-many-columns',
          row: 1,
          message: `${name} row 1: ${TOO_MANY}`,
        });
      }
    });
  }

  it('opens exactly 10,000 columns, and refuses 10,001 at the row that has them', async () => {
    const names = Array.from({ length: MAX_COLUMNS }, (_, j) => `c${j}`);
    const row = (r: number): string => names.map((_, j) => String(r * 10 + (j % 7))).join(',');
    const ok = write('ten-thousand.csv', [names.join(','), row(1), row(2), row(3)].join('\n'));
    const sniff = await sniffCsv(ok);
    expect(sniff.columnNames.length).toBe(MAX_COLUMNS);
    for (const reading of readings) {
      const table = await importCsvWith(ok, sniff.options, {}, reading);
      expect(table.rowCount).toBe(3);
      expect(table.columns.length).toBe(MAX_COLUMNS);
      // Column c9999: row r holds r·10 + 9999 mod 7 = r·10 + 3.
      expect(Array.from(table.columns[MAX_COLUMNS - 1]?.values ?? [])).toEqual([13, 23, 33]);
    }
    // Row 4 of this file has one field too many: the first three rows are fine.
    const bad = write(
      'one-too-many.csv',
      [names.join(','), row(1), row(2), `${row(3)},9`, row(4)].join('\n'),
    );
    for (const reading of readings) {
      await expect(importCsvWith(bad, sniff.options, {}, reading)).rejects.toMatchObject({
        code: 'too-many-columns',
        row: 4,
        message: `one-too-many.csv row 4: ${TOO_MANY}`,
      });
    }
  });

  it('sniffs a first row longer than the 64 KiB sample whole (5,000 columns, 120 KB)', async () => {
    const names = Array.from({ length: 5_000 }, (_, j) => `a_long_column_name_${j}`);
    const file = write(
      'long-header.csv',
      `${names.join(',')}\n${names.map(() => '1').join(',')}\n`,
    );
    const sniff = await sniffCsv(file);
    expect(sniff.columnNames).toEqual(names);
    expect(sniff.preview).toEqual([names.map(() => '1')]);
  });

  // The wrong message: one enormous unquoted field was reported as an unclosed quote.
  const huge = 'x'.repeat(MAX_FIELD_CHARS + 1);
  const unquoted = write('unquoted.csv', `t,v,note\n1,2,a\n2,3,${huge}\n3,4,c\n`);
  // Blank lines and a quoted line break before the bad row count as rows, as everywhere.
  const counted = write('counted.csv', `t,v,note\n\n1,2,"two\nlines"\n2,3,${huge}\n3,4,c\n`);

  for (const reading of readings) {
    it(`an unquoted field over 1 MiB is "too long", naming row and column (${reading.name})`, async () => {
      await expect(importCsvWith(unquoted, OPTIONS, {}, reading)).rejects.toMatchObject({
        code: 'field-too-long',
        row: 3,
        column: 'note',
        message: `unquoted.csv row 3, column "note": ${FIELD_TOO_LONG}`,
      });
      await expect(importCsvWith(counted, OPTIONS, {}, reading)).rejects.toMatchObject({
        code: 'field-too-long',
        row: 4,
        column: 'note',
      });
    });
  }

  it('a field of exactly 1 MiB is read (as text)', async () => {
    const file = write('exact.csv', `t,v,note\n1,2,a\n2,3,${'y'.repeat(MAX_FIELD_CHARS)}\n3,4,c\n`);
    for (const reading of readings) {
      const table = await importCsvWith(file, OPTIONS, {}, reading);
      expect(table.rowCount).toBe(3);
      expect(table.textColumns).toEqual(['note']);
      expect(Array.from(table.columns[1]?.values ?? [])).toEqual([2, 3, 4]);
    }
  });

  it('a quoted field never closed is reported as such once it passes 1 MiB', async () => {
    const file = write('open-quote.csv', `t,v\n1,2\n2,"3\n${'z,'.repeat(MAX_FIELD_CHARS)}\n`);
    for (const reading of readings) {
      await expect(importCsvWith(file, OPTIONS, {}, reading)).rejects.toMatchObject({
        code: 'unterminated-quote',
        row: 3,
        column: 'v',
        message:
          'open-quote.csv row 3, column "v": a quoted field opened in this row runs on for more than ' +
          '1 MiB (1,048,576 characters); the quote is probably never closed',
      });
    }
  });

  it('a row over 4 MiB is refused even when each field is within 1 MiB', async () => {
    const field = 'w'.repeat(MAX_FIELD_CHARS);
    const wide = [1, 2, 3, 4, 5].map(() => field).join(',');
    const file = write('long-row.csv', `a,b,c,d,e\n1,2,3,4,5\n${wide}\n`);
    for (const reading of readings) {
      await expect(importCsvWith(file, OPTIONS, {}, reading)).rejects.toMatchObject({
        code: 'row-too-long',
        row: 3,
        message:
          'long-row.csv row 3: the row is longer than 4 MiB (4,194,304 characters), the most a row ' +
          'may hold (check the line endings and the delimiter)',
      });
    }
  });

  it('sniffing a first row past 4 MiB without a line break refuses it at row 1', async () => {
    const file = write('no-newline.csv', 'v'.repeat(MAX_FIELD_CHARS) + ',' + 'q'.repeat(5_000_000));
    await expect(sniffCsv(file)).rejects.toMatchObject({ code: 'field-too-long', row: 1 });
    const rowLong = write(
      'no-newline-row.csv',
      [1, 2, 3, 4, 5].map(() => 'r'.repeat(MAX_FIELD_CHARS)).join(','),
    );
    await expect(sniffCsv(rowLong)).rejects.toMatchObject({
      code: 'row-too-long',
      row: 1,
      message:
        'no-newline-row.csv row 1: the row is longer than 4 MiB (4,194,304 characters), the most a ' +
        'row may hold (check the line endings and the delimiter)',
    });
  });
});

describe('CsvLimitGuard line fast path', () => {
  /** The guard's verdict on `chunks`: null, or the error's code and row. */
  function verdict(chunks: string[], newline: '\n' | '\r' | '\r\n', exhaustive: boolean) {
    const guard = new CsvLimitGuard(
      'x.csv',
      { delimiter: ',', quoteChar: '"' },
      newline,
      (j) => `c${j}`,
      exhaustive,
    );
    try {
      for (const chunk of chunks) guard.check(chunk);
      return null;
    } catch (error) {
      const { code, row, column } = error as { code: string; row: number; column?: string };
      return { code, row, column };
    }
  }

  // Short tokens, quotes in every position, and runs long enough to cross each limit.
  const segment = fc.oneof(
    {
      weight: 20,
      arbitrary: fc.constantFrom('a', '1', ',', '"', '""', '\n', '\r\n', '\r', '"a,b"'),
    },
    { weight: 2, arbitrary: fc.constantFrom(','.repeat(MAX_COLUMNS), ','.repeat(MAX_COLUMNS - 1)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('x'.repeat(MAX_FIELD_CHARS), 'y'.repeat(MAX_FIELD_CHARS + 1)),
    },
  );
  const input = fc.record({
    text: fc.array(segment, { maxLength: 40 }).map((parts) => parts.join('')),
    cuts: fc.array(fc.nat(), { maxLength: 4 }),
    newline: fc.constantFrom('\n' as const, '\r' as const, '\r\n' as const),
  });

  it('gives the verdict of the character-by-character reference on any text and chunking', () => {
    fc.assert(
      fc.property(input, ({ text, cuts, newline }) => {
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, k) => text.slice(from, at[k] ?? text.length));
        expect(verdict(chunks, newline, false)).toEqual(verdict(chunks, newline, true));
      }),
      { numRuns: 300 },
    );
  });
});
