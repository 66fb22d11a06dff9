// Streaming behaviour on generated multi-megabyte files: progress, cancellation, chunk boundaries.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvImportError } from './csvImportError';
import { importCsv } from './importCsv';
import { sniffCsv } from './sniffCsv';
import type { ImportProgress } from './types';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'csv-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const START = Date.UTC(2000, 0, 1);
const HOUR = 3_600_000;

/** Row i: hour i after 2000-01-01, a = i / 4, b = -i (about 45 bytes per row). */
function writeHourly(name: string, rows: number): string {
  const lines = ['time,a,b,note'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${new Date(START + i * HOUR).toISOString()},${i / 4},${-i},"x, y"`);
  }
  const file = path.join(tmp, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const big = writeHourly('big.csv', 120_000);

describe('importCsv streaming', () => {
  it('imports a 5 MB file with increasing, throttled progress', async () => {
    const sniff = await sniffCsv(big);
    const progress: ImportProgress[] = [];
    const table = await importCsv(big, sniff.options, { onProgress: (p) => progress.push(p) });
    expect(table.rowCount).toBe(120_000);
    expect(table.time.values[119_999]).toBe(START + 119_999 * HOUR);
    expect(table.columns[0]?.values[119_999]).toBe(119_999 / 4);
    expect(table.columns[1]?.values[5]).toBe(-5);
    expect(table.textColumns).toEqual(['note']);
    const last = progress[progress.length - 1] as ImportProgress;
    expect(last).toEqual({
      bytesRead: last.totalBytes,
      totalBytes: last.totalBytes,
      rows: 120_000,
    });
    expect(last.totalBytes).toBeGreaterThan(5_000_000);
    for (let i = 1; i < progress.length; i++) {
      expect((progress[i] as ImportProgress).bytesRead).toBeGreaterThanOrEqual(
        (progress[i - 1] as ImportProgress).bytesRead,
      );
      expect((progress[i] as ImportProgress).rows).toBeGreaterThanOrEqual(
        (progress[i - 1] as ImportProgress).rows,
      );
    }
  });

  it('can be aborted mid-way, rejecting with an AbortError', async () => {
    const sniff = await sniffCsv(big);
    const controller = new AbortController();
    let rowsAtAbort = -1;
    const result = importCsv(big, sniff.options, {
      signal: controller.signal,
      onProgress: (p) => {
        if (rowsAtAbort < 0 && p.rows > 0) {
          rowsAtAbort = p.rows;
          controller.abort();
        }
      },
    });
    // Progress is throttled to 100 ms, so on a fast machine abort from a timer as well.
    setTimeout(() => controller.abort(), 30);
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects at once when the signal is already aborted', async () => {
    const sniff = await sniffCsv(big);
    const controller = new AbortController();
    controller.abort();
    await expect(
      importCsv(big, sniff.options, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops an unterminated quote near the top of a large file instead of rescanning it', async () => {
    const file = path.join(tmp, 'runaway.csv');
    const body = Array.from({ length: 300_000 }, (_, i) => `2000-01-01,${i},x`).join('\n');
    writeFileSync(
      file,
      `date,v,note\n2000-01-01,1,ok\n2000-01-02,2,ok\n2000-01-03,3,"open\n${body}\n`,
    );
    const options = (await sniffCsv(file)).options;
    const error = await importCsv(file, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvImportError);
    expect((error as CsvImportError).message).toBe(
      'runaway.csv row 4, column "note": a quoted field opened in this row runs on for more than ' +
        '1 MiB (1,048,576 characters); the quote is probably never closed',
    );
  });

  it('decodes multi-byte characters split across stream chunks without encoding errors', async () => {
    const file = path.join(tmp, 'euro.csv');
    const lines = ['date,price,label'];
    for (let i = 0; i < 40_000; i++)
      lines.push(`${new Date(START + i * 86_400_000).toISOString().slice(0, 10)},${i},€ä😀`);
    writeFileSync(file, lines.join('\n'));
    const table = await importCsv(file, (await sniffCsv(file)).options);
    expect(table.rowCount).toBe(40_000);
    expect(table.warnings).toEqual([]);
  });
});
