// Values near ±1.8e308 through the real host and engine (what the app and the CLI both call): the
// summary is finite and exact where representable; a span that cannot be represented is refused with
// one clear import error naming file and column, and a numeral beyond the range is a non-finite value.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestHost } from '../../host/testing/testHost';
import type { DatasetInfo } from '../../shared/schemas/dataset';
import { fourStepSummary } from '../stats/fourStepSummary.testkit';
import { nonFiniteProblem } from './nonFiniteProblem.testkit';
import { scratchFiles } from './scratchFiles.testkit';

const h = createTestHost();
afterAll(() => h.dispose());

const write = scratchFiles('csv-extreme-');

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
      { name: 'v', ...fourStepSummary(12, U), missing: 0, firstTime: 1, lastTime: 4 },
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

  it('reads 1e309 as a non-finite value: listed with its row, never seen by the statistics', async () => {
    const file = write('e309.csv', 't,v\n1,2\n2,1e309\n3,4\n4,-1e309\n');
    const result = await open(file);
    expect(result.ok).toBe(true);
    const info = (result as { ok: true; value: DatasetInfo }).value;
    expect(info.problems).toEqual([
      nonFiniteProblem(
        'v',
        [3, 5],
        '"v" has 2 non-finite value(s) ("1e309" ×1, "-1e309" ×1; first at row 3), read as ' +
          'missing: no statistic can use them',
      ),
    ]);
    expect(info.columns[0]).toMatchObject({ count: 2, missing: 2, mean: 3, min: 2, max: 4 });
    // Chosen in the problems panel: interpolated between 2 and 4; the last one has no right side.
    const fixed = await h.host.handle('datasets:open', {
      jobId: `job_x_${++n}`,
      source: { kind: 'path', path: file },
      options: info.options,
      choices: { nonFinite: { v: 'linear-interpolation' } },
    });
    expect(fixed.ok).toBe(true);
    const after = (fixed as { ok: true; value: DatasetInfo }).value;
    expect(after.columns[0]).toMatchObject({ count: 3, missing: 1, mean: 3, min: 2, max: 4 });
    expect(after.appliedChoices).toEqual([
      'v: 1 non-finite value(s) filled by linear interpolation; 1 left missing at the start or end, with no value on one side',
    ]);
  });
});
