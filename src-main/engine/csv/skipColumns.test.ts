// Unticking a text column in the import dialog leaves it out of the import (ParseOptions.skipColumns),
// through the real studio host and engine: the preview says so, the dataset has no such column, and
// the choice is part of the dataset's spec, so the session a reloaded page starts from keeps it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestHost } from '../../host/testing/testHost';
import type { ResponseOf } from '../../shared/contract';
import type { CsvSniff, DatasetInfo } from '../../shared/schemas/dataset';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'csv-skip-'));
const h = createTestHost();
afterAll(async () => {
  await h.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

const { value } = h;

const file = path.join(tmp, 'notes.csv');
writeFileSync(
  file,
  'date,value,note,code\n2020-01-01,1,start,7\n2020-02-01,2,dip,8\n2020-03-01,4,rise,9\n',
);
const source = { kind: 'path', path: file } as const;

describe('a text column left out of the import', () => {
  it('is a text column as detected, and left out once unticked, across a reload', async () => {
    const detected = await value<CsvSniff>('datasets:sniff', { source, overrides: {} });
    expect(detected.options.textColumns).toEqual(['note']);
    expect(detected.options.skipColumns).toBeUndefined();

    // What the dialog sends when "note" is unticked.
    const sniff = await value<CsvSniff>('datasets:sniff', {
      source,
      overrides: { textColumns: [], skipColumns: ['note'] },
    });
    expect(sniff.options.textColumns).toEqual([]);
    expect(sniff.options.skipColumns).toEqual(['note']);
    expect(sniff.notes).toContain('"note" is left out of the import (unticked)');
    expect(sniff.notes.some((n) => n.startsWith('"note" is text'))).toBe(false);

    const info = await value<DatasetInfo>('datasets:open', {
      jobId: 'job_skip_1',
      source,
      options: sniff.options,
    });
    expect(info.columns.map((c) => c.name)).toEqual(['value', 'code']);
    expect(info.textColumns).toEqual([]);
    expect(info.warnings).toEqual(['left out of the import (unticked): "note"']);
    expect(info.options.skipColumns).toEqual(['note']);

    // A fix-up re-opens with the dataset's own options: still left out.
    const fixed = await value<DatasetInfo>('datasets:open', {
      jobId: 'job_skip_2',
      source,
      options: info.options,
      choices: { dropColumns: ['code'] },
    });
    expect(fixed.columns.map((c) => c.name)).toEqual(['value']);
    expect(fixed.textColumns).toEqual([]);

    const session = await value<ResponseOf<'session:state'>>('session:state', {});
    expect(session.datasets.map((d) => [d.name, d.options.skipColumns, d.textColumns])).toEqual([
      ['notes.csv', ['note'], []],
    ]);
  });
});
