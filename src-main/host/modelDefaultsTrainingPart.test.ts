// The suggested transforms are decided on the training part only (no held-out row may decide a
// transform): positive growth for 80 rows, then a test part below zero. On the whole
// series a log is impossible; on the training part (rows before the validation start) it is what
// the rules give, through the real host and engine.
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../shared/schemas/dataset';
import { createTestHost } from './testing/testHost';

const test = createTestHost();
afterAll(() => test.dispose());

const { value } = test;

describe('model:defaults', () => {
  it('decides the transforms on the training part, not on the held-out rows', async () => {
    const rows = Array.from({ length: 100 }, (_, t) => {
      const v = t < 80 ? 100 * 1.03 ** t : -(t - 79);
      return `${t + 1},${v.toFixed(6)}`;
    });
    const { uploadId } = await value<{ uploadId: string }>('uploads:create', {
      name: 'dips-late.csv',
      text: `t,y\n${rows.join('\n')}\n`,
    });
    const dataset = await value<DatasetInfo>('datasets:open', {
      jobId: 'job_defaults_open',
      source: { kind: 'upload', uploadId },
    });
    const defaults = await value<{ transforms: { kind: string }[] }>('model:defaults', {
      datasetId: dataset.datasetId,
      target: 'y',
    });
    expect(defaults.transforms[0]?.kind).toBe('log');
  });
});
