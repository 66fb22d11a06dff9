// Encodings beyond UTF-8/Latin-1: UTF-16 LE/BE with or without a byte order mark, and Windows-1252,
// read through the real importer on both record readers and at tiny chunk sizes (so code units,
// surrogate pairs and the BOM itself are split between chunks).
import { describe, expect, it } from 'vitest';
import { ParseOptions as ParseOptionsSchema } from '../../shared/schemas/dataset';
import { CsvDecodingStream } from './decodingStream';
import { importOutcome } from './importOutcome.testkit';
import { importCsvWith } from './importCsv';
import { parseOptionsFixture } from './parseOptions.testkit';
import { sniffCsv } from './sniffCsv';
import { decodeWindows1252 } from './textEncoding';
import type { ParseOptions } from './types';
import { scratchFiles } from './scratchFiles.testkit';

const write = scratchFiles('csv-enc-');

/** UTF-16 BE: the LE bytes with each pair swapped. */
function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

// The header holds a character outside the BMP (a surrogate pair: 4 bytes in UTF-16).
const TEXT = 'date,Zürich 😀,Genève\n2021-01-01,1.5,-2\n2021-01-02,2,3.25\n2021-01-03,4,5\n';
const TIMES = [Date.UTC(2021, 0, 1), Date.UTC(2021, 0, 2), Date.UTC(2021, 0, 3)];

/** Imports on both readers at several chunk sizes; all must agree, and the table is returned. */
async function importEverywhere(file: string, options: ParseOptions) {
  const first = await importOutcome(file, options, false);
  for (const chunkBytes of [undefined, 1, 2, 3, 7]) {
    for (const fast of [true, false]) {
      expect((await importOutcome(file, options, fast, chunkBytes)).result).toEqual(first.result);
    }
  }
  return importCsvWith(file, options, {}, { fastPath: true, chunkBytes: 1 });
}

function expectTable(table: Awaited<ReturnType<typeof importCsvWith>>): void {
  expect(Array.from(table.time.values)).toEqual(TIMES);
  expect(table.columns.map((c) => c.name)).toEqual(['Zürich 😀', 'Genève']);
  expect(table.columns.map((c) => Array.from(c.values))).toEqual([
    [1.5, 2, 4],
    [-2, 3.25, 5],
  ]);
  expect(table.warnings).toEqual([]);
}

describe('UTF-16', () => {
  const cases: [string, Buffer, 'utf-16le' | 'utf-16be', boolean, string][] = [
    [
      'le-bom.csv',
      Buffer.from(`\ufeff${TEXT}`, 'utf16le'),
      'utf-16le',
      true,
      'from its byte order mark',
    ],
    ['be-bom.csv', utf16be(`\ufeff${TEXT}`), 'utf-16be', true, 'from its byte order mark'],
    ['le.csv', Buffer.from(TEXT, 'utf16le'), 'utf-16le', false, 'every other byte is a NUL byte'],
    ['be.csv', utf16be(TEXT), 'utf-16be', false, 'every other byte is a NUL byte'],
  ];

  it.each(cases)('sniffs and imports %s', async (name, bytes, encoding, bom, why) => {
    const file = write(name, bytes);
    const sniff = await sniffCsv(file);
    expect(sniff.options.encoding).toBe(encoding);
    expect(sniff.encoding).toEqual({ bom, invalidUtf8: null });
    expect(sniff.columnNames).toEqual(['date', 'Zürich 😀', 'Genève']);
    expect(sniff.notes.some((n) => n.includes(why))).toBe(true);
    expect(sniff.options.timeColumn).toBe('date');
    expectTable(await importEverywhere(file, sniff.options));
  });

  it('refuses a BOM of the other byte order, naming both', async () => {
    const file = write('le-as-be.csv', Buffer.from(`\ufeff${TEXT}`, 'utf16le'));
    const options = { ...(await sniffCsv(file)).options, encoding: 'utf-16be' as const };
    const message =
      'le-as-be.csv: the file starts with a UTF-16 LE byte order mark but UTF-16 BE was chosen; choose UTF-16 LE';
    await expect(sniffCsv(file, { encoding: 'utf-16be' })).rejects.toThrow(message);
    for (const fastPath of [true, false]) {
      await expect(importCsvWith(file, options, {}, { fastPath })).rejects.toThrow(message);
    }
  });

  it('refuses a UTF-16 file read as UTF-8 with the encoding to choose', async () => {
    const file = write('be-as-utf8.csv', utf16be(`\ufeff${TEXT}`));
    const options = { ...(await sniffCsv(file)).options, encoding: 'utf-8' as const };
    await expect(importCsvWith(file, options, {}, { fastPath: true })).rejects.toThrow(
      'be-as-utf8.csv: the file is UTF-16 BE (it starts with that byte order mark); choose the encoding UTF-16 BE',
    );
  });
});

/** Decodes bytes through CsvDecodingStream, cut into pieces of `size` bytes. */
async function decodeInPieces(bytes: Buffer, encoding: ParseOptions['encoding'], size: number) {
  const stream = new CsvDecodingStream('x.csv', encoding);
  const out: string[] = [];
  stream.on('data', (t: string) => out.push(t));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  for (let i = 0; i < bytes.length; i += size) stream.write(bytes.subarray(i, i + size));
  stream.end();
  await done;
  return out.join('');
}

describe('decoding across chunk boundaries', () => {
  const text = 'a,b\r\n€😀,ü\r\nx,y';
  it.each([1, 2, 3, 5])('UTF-16 LE and BE in %i-byte pieces', async (size) => {
    expect(await decodeInPieces(Buffer.from(`\ufeff${text}`, 'utf16le'), 'utf-16le', size)).toBe(
      text,
    );
    expect(await decodeInPieces(utf16be(`\ufeff${text}`), 'utf-16be', size)).toBe(text);
    expect(await decodeInPieces(utf16be(text), 'utf-16be', size)).toBe(text);
  });

  it.each([1, 2, 3])('Windows-1252 in %i-byte pieces', async (size) => {
    // Mostly ASCII, as the binary-file check on the first bytes expects of text.
    const bytes = Buffer.from([
      ...Buffer.from('amount,label\r\n'),
      ...[0x80, 0x2c, 0x41, 0x0d, 0x0a, 0x9f, 0xe9, 0x8c],
    ]);
    expect(await decodeInPieces(bytes, 'windows-1252', size)).toBe(
      'amount,label\r\n\u20ac,A\r\n\u0178\u00e9\u0152',
    );
  });
});

describe('Windows-1252', () => {
  // The Unicode Consortium's CP1252.TXT (bestfit) mapping of 0x80..0x9F, written out by hand; the five
  // bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are the C1 controls, as in WHATWG.
  const OFFICIAL: [number, number][] = [
    [0x80, 0x20ac],
    [0x81, 0x0081],
    [0x82, 0x201a],
    [0x83, 0x0192],
    [0x84, 0x201e],
    [0x85, 0x2026],
    [0x86, 0x2020],
    [0x87, 0x2021],
    [0x88, 0x02c6],
    [0x89, 0x2030],
    [0x8a, 0x0160],
    [0x8b, 0x2039],
    [0x8c, 0x0152],
    [0x8d, 0x008d],
    [0x8e, 0x017d],
    [0x8f, 0x008f],
    [0x90, 0x0090],
    [0x91, 0x2018],
    [0x92, 0x2019],
    [0x93, 0x201c],
    [0x94, 0x201d],
    [0x95, 0x2022],
    [0x96, 0x2013],
    [0x97, 0x2014],
    [0x98, 0x02dc],
    [0x99, 0x2122],
    [0x9a, 0x0161],
    [0x9b, 0x203a],
    [0x9c, 0x0153],
    [0x9d, 0x009d],
    [0x9e, 0x017e],
    [0x9f, 0x0178],
  ];

  it('maps 0x80..0x9F as the official table and the rest as Latin-1', () => {
    for (const [byte, code] of OFFICIAL)
      expect(decodeWindows1252(Uint8Array.of(byte))).toBe(String.fromCharCode(code));
    expect(decodeWindows1252(Uint8Array.of(0x41, 0xa0, 0xe9, 0xff))).toBe('A\u00a0\u00e9\u00ff');
  });

  it('imports a Windows-1252 file with € and curly quotes in its names, unlike Latin-1', async () => {
    // "date,€ price,“net”\n..." in Windows-1252: € = 0x80, “ = 0x93, ” = 0x94.
    const head = Buffer.from([
      ...Buffer.from('date,'),
      0x80,
      ...Buffer.from(' price,'),
      0x93,
      ...Buffer.from('net'),
      0x94,
      0x0a,
    ]);
    const body = Buffer.from('2021-01-01,1,2\n2021-01-02,3,4\n2021-01-03,5,6\n');
    const file = write('cp1252.csv', Buffer.concat([head, body]));
    const sniff = await sniffCsv(file, { encoding: 'windows-1252' });
    expect(sniff.columnNames).toEqual(['date', '\u20ac price', '\u201cnet\u201d']);
    const table = await importEverywhere(file, sniff.options);
    expect(table.columns.map((c) => c.name)).toEqual(['\u20ac price', '\u201cnet\u201d']);
    expect(table.columns.map((c) => Array.from(c.values))).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
    const latin = await importCsvWith(
      file,
      { ...sniff.options, encoding: 'latin1' },
      {},
      { fastPath: true },
    );
    expect(latin.columns.map((c) => c.name)).toEqual(['\u0080 price', '\u0093net\u0094']);
  });
});

describe('schema', () => {
  it('refuses an unsupported encoding, listing the supported ones', () => {
    const base = {
      ...parseOptionsFixture({ missingTokens: [], timeColumn: null, timeFormat: 'index' }),
      encoding: 'utf-32',
    };
    const result = ParseOptionsSchema.safeParse(base);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'unsupported encoding; supported: utf-8, latin1, windows-1252, utf-16le, utf-16be',
    ]);
    expect(ParseOptionsSchema.safeParse({ ...base, encoding: 'utf-16be' }).success).toBe(true);
  });
});
