// The fast path is only an optimisation: on the fixture corpus and on random CSVs, at any chunk size,
// it must give exactly what papaparse alone gives (every value, time, row number and warning, or the
// same error with the same file, row and column).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fastPathAgrees, type FastPathTally } from './fastPathProperty.testkit';
import { importOutcome } from './importOutcome.testkit';
import { sniffCsv } from './sniffCsv';
import type { ParseOptions } from './types';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'csv-fast-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function optionsOf(file: string): Promise<ParseOptions | null> {
  try {
    return (await sniffCsv(file)).options;
  } catch {
    return null; // files the sniffer refuses never reach a record reader
  }
}

/** Both readers on one file at one chunk size; returns the fast path's handover point. */
async function expectSame(file: string, options: ParseOptions, chunkBytes?: number) {
  const fast = await importOutcome(file, options, true, chunkBytes);
  const papa = await importOutcome(file, options, false, chunkBytes);
  expect(fast.result).toEqual(papa.result);
  expect(papa.handover).toBeNull();
  return fast.handover;
}

describe('fast path against papaparse alone', () => {
  const files = readdirSync(fixtures).sort();

  it.each(files)('agrees on %s at every chunk size', async (name) => {
    const file = path.join(fixtures, name);
    const options = await optionsOf(file);
    if (options === null) return;
    for (const chunkBytes of [undefined, 1, 7, 64]) await expectSame(file, options, chunkBytes);
  });

  it('reads plain files itself and hands awkward ones to papaparse', async () => {
    const handoverOf = async (name: string) => {
      const file = path.join(fixtures, name);
      return expectSame(file, (await sniffCsv(file)).options);
    };
    for (const plain of ['crlf.csv', 'tab_separated.tsv', 'missing_tokens.csv', 'bad_date.csv'])
      expect(await handoverOf(plain)).toBeNull();
    // The quoted note with a line break is on record 2 (header = record 1): one record done fast.
    expect(await handoverOf('quoted_newlines.csv')).toBe(1);
    // Record 4 has a third field: papaparse reads it and the builder refuses it.
    expect(await handoverOf('ragged_too_many.csv')).toBe(3);
  });

  it('agrees on quoted plain fields, decimal commas and a runaway quote', async () => {
    const small = [undefined, 3, 16];
    const cases: [string, (number | undefined)[]][] = [
      ['d,"a",b\n2020-01-01,"1.5",x\n2020-01-02,"2",y\n2020-01-03,3,"z"\n', small],
      ['d;v\n2020-01-01;1,5\n2020-01-02;-0\n2020-01-03; 2,25 \n2020-01-04;1.234,5\n', small],
      [
        'd,v\r\n2020-01-01T00:00:00Z,1\r\n2020-01-01T01:00:00.5,2\r\n2020-01-01 02:00+01:00,3',
        small,
      ],
      ['v\n1\n\n2\n \n3\n\n', small],
      // An open quote longer than the scanner keeps (64 Ki characters) goes to papaparse.
      [
        'd,v\n2020-01-01,1\n2020-01-02,2\n2020-01-03,"3\n' + 'x,1\n'.repeat(30_000),
        [undefined, 4096],
      ],
    ];
    for (const [i, [text, chunkSizes]] of cases.entries()) {
      const file = path.join(tmp, `case-${i}.csv`);
      await writeFile(file, text);
      const options = (await sniffCsv(file)).options;
      for (const chunkBytes of chunkSizes) await expectSame(file, options, chunkBytes);
    }
  });

  it('agrees with rows to skip, comment lines and padded short rows on every fixture', async () => {
    for (const name of files) {
      const file = path.join(fixtures, name);
      const sniffed = await optionsOf(file);
      if (sniffed === null) continue;
      const options: ParseOptions = {
        ...sniffed,
        skipRows: 1,
        commentChar: sniffed.delimiter === ';' ? '#' : ';',
        padShortRows: true,
      };
      for (const chunkBytes of [undefined, 1, 7]) await expectSame(file, options, chunkBytes);
    }
  });

  it('agrees on comments, skipped lines and short rows in UTF-16 and CRLF text', async () => {
    const text =
      'Title line\r\n\r\nd,v,w\r\n# note\r\n2020-01-01,1,2\r\n  #x\r\n2020-01-02,3\r\n2020-01-03,"5",6\r\n';
    const cases: [string, Buffer][] = [
      ['lines-utf8.csv', Buffer.from(text)],
      ['lines-utf16le.csv', Buffer.from(`\ufeff${text}`, 'utf16le')],
      ['lines-utf16be.csv', Buffer.from(`\ufeff${text}`, 'utf16le').swap16()],
    ];
    for (const [name, bytes] of cases) {
      const file = path.join(tmp, name);
      await writeFile(file, bytes);
      const overrides = { skipRows: 2, commentChar: '#', padShortRows: true };
      const options = (await sniffCsv(file, overrides)).options;
      for (const chunkBytes of [undefined, 1, 2, 3, 5]) {
        expect(await expectSame(file, options, chunkBytes)).toBeNull();
      }
      const { result } = await importOutcome(file, options, true, 3);
      expect(result).toMatchObject({
        rowCount: 3,
        rowNumbers: ['5', '7', '8'],
        columns: [
          { name: 'v', values: ['1', '3', '5'] },
          { name: 'w', values: ['2', 'NaN', '6'] },
        ],
      });
    }
  });

  it('agrees on non-finite cells (Infinity, -inf, NaN, 1e400, 1.8e308), either decimal mark', async () => {
    const cases: [string, Partial<ParseOptions>][] = [
      [
        'd,v,w\n2020-01-01,1,Infinity\n2020-01-02,-inf,2\n2020-01-03,NaN,"1e400"\n' +
          '2020-01-04,4, -1e400 \n2020-01-05,1.8e308,5\n2020-01-06,6,nan\n',
        {},
      ],
      [
        'd;v\r\n2020-01-01;1,5\r\n2020-01-02;1e400\r\n2020-01-03;-1,5e400\r\n2020-01-04;+INF\r\n' +
          '2020-01-05;2,5\r\n',
        { delimiter: ';', decimal: ',' },
      ],
    ];
    for (const [i, [text, overrides]] of cases.entries()) {
      const file = path.join(tmp, `non-finite-${i}.csv`);
      await writeFile(file, text);
      const options = (await sniffCsv(file, overrides)).options;
      for (const chunkBytes of [undefined, 1, 5, 16]) await expectSame(file, options, chunkBytes);
    }
    const file = path.join(tmp, 'non-finite-0.csv');
    const { result } = await importOutcome(file, (await sniffCsv(file)).options, true, 5);
    expect(result).toMatchObject({
      columns: [
        {
          name: 'v',
          values: ['1', 'NaN', 'NaN', '4', 'NaN', '6'],
          nonFiniteMask: new Uint8Array([0, 1, 1, 0, 1, 0]),
          nonFiniteTokens: [
            ['-inf', 1],
            ['NaN', 1],
            ['1.8e308', 1],
          ],
        },
        {
          name: 'w',
          values: ['NaN', '2', 'NaN', 'NaN', '5', 'NaN'],
          nonFiniteMask: new Uint8Array([1, 0, 1, 1, 0, 1]),
        },
      ],
    });
  });

  it('reads a CRLF file whose chunk ends between the CR and LF after a closing quote', async () => {
    // "d,v\r\n" is bytes 0-4 and '2020-01-01,"1"' bytes 5-18, so byte 19 is the CR: 20-byte chunks
    // split that line ending. papaparse alone used to call this a malformed quote on row 2.
    const file = path.join(tmp, 'crlf-split.csv');
    await writeFile(file, 'd,v\r\n2020-01-01,"1"\r\n2020-01-02,"2"\r\n2020-01-03,"3"\r\n');
    const options = (await sniffCsv(file)).options;
    for (const fastPath of [true, false]) {
      const { result } = await importOutcome(file, options, fastPath, 20);
      expect(result).toMatchObject({
        rowCount: 3,
        columns: [{ name: 'v', values: ['1', '2', '3'] }],
      });
    }
  });

  it('agrees on random CSVs at random chunk sizes (150 runs)', async () => {
    const tally: FastPathTally = { runs: 0, fastOnly: 0 };
    await fc.assert(fastPathAgrees(tmp, tally), { numRuns: 150, timeout: 4000 });
    // The property must exercise the fast path, not only papaparse behind an early handover.
    expect(tally.fastOnly).toBeGreaterThan(30);
  });
});
