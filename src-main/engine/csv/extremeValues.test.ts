// Values near ±1.8e308 through the real host and engine (what the app and the CLI both call): the
// summary is finite and exact where representable, and what cannot be represented is refused with
// one clear import error naming file, row and column.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestHost } from '../../host/testing/testHost';
import type { DatasetInfo } from '../../shared/schemas/dataset';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'csv-extreme-'));
const h = createTestHost();
afterAll(async () => {
  await h.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

const U = 2 ** 1020;
let n = 0;
const open = (file: string) =>
  h.host.handle('datasets:open', { jobId: `job_x_${++n}`, source: { kind: 'path', path: file } });

describe('extreme values, app and CLI alike (the studio host over the real engine)', () => {
  it('summarises 12..15 · 2^1020 (up to 1.69e308) exactly, where a plain mean is Infinity', async () => {
    // Written as the shortest decimals that read back as exactly k·2^1020.
    const rows = [15, 13, 14, 12].map((k, i) => `${i + 1},${k * U}`);
    const result = await open(write('huge.csv', `t,v\n${rows.join('\n')}\n`));
    expect(result.ok).toBe(true);
    const info = (result as { ok: true; value: DatasetInfo }).value;
    // By hand in units of 2^1020: mean 13.5, s² = 5/3, type-7 quantiles 12.75, 13.5, 14.25.
    expect(info.columns).toEqual([
      {
        name: 'v',
        count: 4,
        missing: 0,
        mean: 13.5 * U,
        std: Math.sqrt(5 / 3) * U,
        min: 12 * U,
        q25: 12.75 * U,
        median: 13.5 * U,
        q75: 14.25 * U,
        max: 15 * U,
        firstTime: 1,
        lastTime: 4,
      },
    ]);
  });

  it('refuses a column spanning -1e308 to 1e308 with a clear import error', async () => {
    const result = await open(write('span.csv', 't,v\n1,1e308\n2,-1e308\n3,5\n'));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'import-error',
        message:
          'span.csv column "v": the values run from -1e+308 (row 3) to 1e+308 (row 2), a span beyond ' +
          '1.8e308, the largest number statistics can hold; rescale the column (e.g. divide it by ' +
          '1e300) and open the file again',
        details: { reason: 'values-out-of-range', file: 'span.csv', row: undefined, column: 'v' },
      },
    });
  });

  it('refuses 1e309 as beyond range, naming row and column', async () => {
    const result = await open(write('e309.csv', 't,v\n1,2\n2,1e309\n3,4\n'));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'import-error',
        message:
          'e309.csv row 3, column "v": "1e309" is beyond ±1.8e308, the largest a number can be',
        details: { reason: 'number-out-of-range', file: 'e309.csv', row: 3, column: 'v' },
      },
    });
  });
});
