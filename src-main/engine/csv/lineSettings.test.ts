// Rows to skip, comment lines and padding short rows, through the real importer on both record
// readers at tiny chunk sizes; row numbers stay those of the file (skipped and comment lines count).
import { describe, expect, it } from 'vitest';
import { ParseOptions as ParseOptionsSchema } from '../../shared/schemas/dataset';
import { outcomeOnEveryReader } from './importOutcome.testkit';
import { importCsvWith } from './importCsv';
import { LineFilter } from './lineFilter';
import { parseOptionsFixture } from './parseOptions.testkit';
import { sniffCsv } from './sniffCsv';
import type { ParseOptions } from './types';
import { scratchFiles } from './scratchFiles.testkit';

const write = scratchFiles('csv-lines-');

// Rows: 1 title, 2 blank, 3 header, 4 comment, 5 data, 6 indented comment, 7 data, 8 short, 9 data.
const EXCEL = [
  'Sales report 2024',
  '',
  'date,a,b',
  '# exported by hand',
  '2021-01-01,1,2',
  '  # indented comment, with a comma',
  '2021-01-02,3,4',
  '2021-01-03,5',
  '2021-01-04,7,8',
  '',
].join('\n');

const BASE: ParseOptions = parseOptionsFixture({ timeColumn: 'date', timeFormat: 'iso-date' });

describe('rows to skip, comments and short rows', () => {
  const all: ParseOptions = { ...BASE, skipRows: 2, commentChar: '#', padShortRows: true };
  /** What importing the Excel export gives with these settings changed from `all`. */
  const excelOutcome = (changes: Partial<ParseOptions>): Promise<unknown> =>
    outcomeOnEveryReader(write('excel.csv', EXCEL), { ...all, ...changes });

  it('reads an Excel export with a title, comments and a short row', async () => {
    const file = write('excel.csv', EXCEL);
    await outcomeOnEveryReader(file, all);
    const table = await importCsvWith(file, all, {}, { fastPath: true });
    expect(Array.from(table.rowNumbers)).toEqual([5, 7, 8, 9]);
    expect(Array.from(table.time.values)).toEqual([
      Date.UTC(2021, 0, 1),
      Date.UTC(2021, 0, 2),
      Date.UTC(2021, 0, 3),
      Date.UTC(2021, 0, 4),
    ]);
    expect(table.columns.map((c) => [c.name, Array.from(c.values), c.missing])).toEqual([
      ['a', [1, 3, 5, 7], 0],
      ['b', [2, 4, NaN, 8], 1],
    ]);
    expect(table.warnings).toEqual([
      '1 short row(s) padded with missing values, the first at row 8',
      '"b": 1 missing (short rows ×1)',
    ]);
  });

  it('refuses the short row unless padding is on, naming file, row and field counts', async () => {
    const result = await excelOutcome({ padShortRows: false });
    expect(result).toMatchObject({
      code: 'ragged-row',
      row: 8,
      message:
        'excel.csv row 8: 2 fields where 3 are expected (too few; check for a stray delimiter or quote, or pad short rows with missing values)',
    });
  });

  it('reads a comment line as a row when there is no comment character', async () => {
    // Padded (padding is on), the line's one field is then read as a date.
    const result = await excelOutcome({ commentChar: null });
    expect(result).toMatchObject({
      code: 'bad-time-value',
      message:
        'excel.csv row 4, column "date": "# exported by hand" is not a valid date (YYYY-MM-DD)',
    });
  });

  it('without rows to skip the title is the header', async () => {
    const result = await excelOutcome({ skipRows: 0 });
    expect(result).toMatchObject({
      code: 'unknown-column',
      message:
        'excel.csv: there is no column "date" to read time from (columns: Sales report 2024)',
    });
  });

  it('pads a short row missing its time with an error naming the time column', async () => {
    const file = write('notime.csv', 'a,b,date\n1,2,2021-01-01\n3,4,2021-01-02\n5\n');
    const result = await outcomeOnEveryReader(file, { ...BASE, padShortRows: true });
    expect(result).toMatchObject({
      code: 'missing-time-value',
      message:
        'notime.csv row 4, column "date": the time is missing (the row is too short to reach the time column)',
    });
  });

  it('keeps a "#" line inside a quoted field, and refuses a comment character that is the delimiter', async () => {
    const text = 'date,note,v\n2021-01-01,"two\n# lines",1\n2021-01-02,x,2\n#c\n2021-01-03,y,3\n';
    const file = write('quoted.csv', text);
    const options = { ...BASE, commentChar: '#', textColumns: ['note'] };
    await outcomeOnEveryReader(file, options);
    const table = await importCsvWith(file, options, {}, { fastPath: true });
    expect(Array.from(table.rowNumbers)).toEqual([2, 3, 5]);
    expect(Array.from(table.columns[0]?.values ?? [])).toEqual([1, 2, 3]);
    const bad = await outcomeOnEveryReader(file, { ...BASE, delimiter: ';', commentChar: ';' });
    expect(bad).toMatchObject({
      code: 'invalid-option',
      message: 'quoted.csv: the comment character ";" is also the delimiter; choose another one',
    });
  });

  it('previews without the skipped and comment lines', async () => {
    const file = write('excel.csv', EXCEL);
    const sniff = await sniffCsv(file, { skipRows: 2, commentChar: '#', padShortRows: true });
    expect(sniff.columnNames).toEqual(['date', 'a', 'b']);
    expect(sniff.options.timeColumn).toBe('date');
    expect(sniff.options.timeFormat).toBe('iso-date');
    expect(sniff.options).toMatchObject({ skipRows: 2, commentChar: '#', padShortRows: true });
    expect(sniff.preview).toEqual([
      ['2021-01-01', '1', '2'],
      ['2021-01-02', '3', '4'],
      ['2021-01-03', '5'],
      ['2021-01-04', '7', '8'],
    ]);
  });
});

describe('LineFilter', () => {
  it('marks comment lines and skips lines in any chunking', () => {
    const text = 'title\r\n\r\nh\r\n  # c\r\n1\r\n\t#\r\n2';
    const expected = 'h\r\n#\r\n1\r\n#\r\n2';
    for (const size of [1, 2, 5, 100]) {
      const f = new LineFilter({ skipRows: 2, commentChar: '#', quoteChar: '"' }, 'mark');
      let out = '';
      for (let i = 0; i < text.length; i += size) out += f.push(text.slice(i, i + size));
      expect(out + f.end()).toBe(expected);
    }
    const drop = new LineFilter({ skipRows: 0, commentChar: '#', quoteChar: '"' }, 'drop');
    expect(drop.push('# a\nx\n  # b\ny') + drop.end()).toBe('x\ny');
  });
});

describe('schema', () => {
  const base = { ...BASE };
  const messages = (o: unknown): string[] =>
    ParseOptionsSchema.safeParse(o).error?.issues.map((i) => i.message) ?? [];

  it('refuses rows to skip outside 0..1000 and bad comment characters', () => {
    expect(messages({ ...base, skipRows: 1001 })).toEqual([
      'rows to skip must be a whole number from 0 to 1000',
    ]);
    expect(messages({ ...base, skipRows: 1.5 })).toEqual([
      'rows to skip must be a whole number from 0 to 1000',
    ]);
    const comment =
      'the comment character must be one character that is not a letter, digit, blank or quote (e.g. #)';
    expect(messages({ ...base, commentChar: '//' })).toEqual([comment]);
    expect(messages({ ...base, commentChar: 'a' })).toEqual([comment]);
    expect(messages({ ...base, commentChar: '#', skipRows: 3, padShortRows: true })).toEqual([]);
    expect(messages({ ...base, commentChar: null })).toEqual([]);
  });
});
