// Custom date patterns: each cell's epoch ms against Date.UTC written by hand, the patterns refused
// with why, and a file read through the real importer on both record readers (same outcome at tiny
// chunk sizes), with the error naming file, row, column and pattern.
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ParseOptions as ParseOptionsSchema } from '../../shared/schemas/dataset';
import { importCsvWith } from './importCsv';
import { importOutcome, outcomeOnEveryReader } from './importOutcome.testkit';
import { parseOptionsFixture } from './parseOptions.testkit';
import { timePatternParser, timePatternProblem } from './timePattern';
import type { ParseOptions } from './types';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'csv-pattern-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('timePatternParser', () => {
  it('reads day-first, month-first, compact and timed patterns as UTC', () => {
    const cases: [string, string, number][] = [
      ['dd.MM.yyyy', '31.01.2024', Date.UTC(2024, 0, 31)],
      ['dd.MM.yyyy', ' 29.02.2024 ', Date.UTC(2024, 1, 29)],
      ['d.M.yyyy', '5.3.2021', Date.UTC(2021, 2, 5)],
      ['d.M.yyyy', '15.11.2021', Date.UTC(2021, 10, 15)],
      ['MM/dd/yyyy HH:mm', '12/31/1999 23:59', Date.UTC(1999, 11, 31, 23, 59)],
      ['yyyyMMdd', '20200102', Date.UTC(2020, 0, 2)],
      ['yyyy-MM', '2019-07', Date.UTC(2019, 6, 1)],
      ['dd/MM/yy', '01/02/68', Date.UTC(2068, 1, 1)],
      ['dd/MM/yy', '01/02/69', Date.UTC(1969, 1, 1)],
      ['yyyy-MM-dd HH:mm:ss', '2024-03-10 07:08:09', Date.UTC(2024, 2, 10, 7, 8, 9)],
      ['yyyy年MM月dd日', '2024年05月06日', Date.UTC(2024, 4, 6)],
    ];
    for (const [pattern, cell, expected] of cases) {
      expect(timePatternProblem(pattern)).toBeNull();
      expect([pattern, cell, timePatternParser(pattern)(cell)]).toEqual([pattern, cell, expected]);
    }
  });

  it('gives NaN for cells that do not fit or are not on the calendar', () => {
    const cases: [string, string][] = [
      ['dd.MM.yyyy', '31.02.2024'],
      ['dd.MM.yyyy', '29.02.2023'],
      ['dd.MM.yyyy', '1.02.2024'],
      ['dd.MM.yyyy', '01-02-2024'],
      ['dd.MM.yyyy', '01.02.2024x'],
      ['dd.MM.yyyy', '01.13.2024'],
      ['MM/dd/yyyy HH:mm', '12/31/1999 24:00'],
      ['yyyy-MM-dd HH:mm:ss', '2024-03-10 07:08:60'],
      ['yyyyMMdd', '2020012'],
    ];
    for (const [pattern, cell] of cases)
      expect([pattern, cell, timePatternParser(pattern)(cell)]).toEqual([pattern, cell, NaN]);
  });

  it('refuses patterns it cannot read, saying why', () => {
    expect(timePatternProblem('dd.MM.yyyy hh')).toBe(
      '"h" is not a date pattern letter; use yyyy, yy, MM, M, dd, d, HH, H, mm, ss',
    );
    expect(timePatternProblem('dd.MM')).toBe('a date pattern needs the year once (yyyy or yy)');
    expect(timePatternProblem('yyyy-dd')).toBe('a date pattern needs the month once (MM or M)');
    expect(timePatternProblem('yyyyMd')).toBe(
      '"M" needs a separator after it (or use its 2-digit form)',
    );
    expect(timePatternProblem('yyyy-MM-dd mm')).toBe(
      'minutes and seconds need the hour (HH or H) too',
    );
  });

  it('the contract refuses other letters, listing the ones it takes', () => {
    const base = parseOptionsFixture({
      missingTokens: [''],
      timeColumn: 'date',
      timeFormat: 'pattern',
    });
    expect(ParseOptionsSchema.safeParse({ ...base, timePattern: 'dd.MM.yyyy' }).success).toBe(true);
    const bad = ParseOptionsSchema.safeParse({ ...base, timePattern: 'DD.MM.YYYY' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      'a date pattern uses only the letters yyyy, yy, MM, M, dd, d, HH, H, mm, ss',
    ]);
  });
});

describe('importing with a date pattern', () => {
  const options: ParseOptions = parseOptionsFixture({
    delimiter: ';',
    decimal: ',',
    missingTokens: [''],
    timeColumn: 'Datum',
    timeFormat: 'pattern',
    timePattern: 'dd.MM.yyyy',
  });

  it('reads a German export on both record readers', async () => {
    const file = path.join(tmp, 'umsatz.csv');
    await writeFile(file, 'Datum;Umsatz\n31.01.2024;1,5\n29.02.2024;2,25\n31.03.2024;3\n');
    await outcomeOnEveryReader(file, options);
    const table = await importCsvWith(file, options, {}, { fastPath: true });
    expect(Array.from(table.time.values)).toEqual([
      Date.UTC(2024, 0, 31),
      Date.UTC(2024, 1, 29),
      Date.UTC(2024, 2, 31),
    ]);
    expect(table.columns.map((c) => [c.name, Array.from(c.values)])).toEqual([
      ['Umsatz', [1.5, 2.25, 3]],
    ]);
  });

  it('names file, row, column and pattern for a cell that does not match', async () => {
    const file = path.join(tmp, 'bad.csv');
    await writeFile(file, 'Datum;Umsatz\n31.01.2024;1\n2024-02-29;2\n31.03.2024;3\n');
    for (const fast of [true, false])
      expect((await importOutcome(file, options, fast)).result).toMatchObject({
        code: 'bad-time-value',
        message:
          'bad.csv row 3, column "Datum": "2024-02-29" does not match the date pattern "dd.MM.yyyy"',
      });
  });

  it('refuses a pattern it cannot read before reading a row', async () => {
    const file = path.join(tmp, 'umsatz.csv');
    expect(
      (await importOutcome(file, { ...options, timePattern: 'dd.MM' }, true)).result,
    ).toMatchObject({
      code: 'invalid-option',
      message:
        'umsatz.csv: the date pattern "dd.MM" cannot be used: a date pattern needs the year once (yyyy or yy)',
    });
  });
});
