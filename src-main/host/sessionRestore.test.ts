// A reloaded page starts from what the host holds (its open datasets, the project's title and file),
// and the recovery copy keeps the project's title.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../shared/contract';
import type { DatasetInfo } from '../shared/schemas/dataset';
import { createTestHost } from './testing/testHost';

const h = createTestHost();
afterAll(async () => {
  await h.host.dispose();
  await h.engine.dispose();
});

const { value } = h;

type SessionView = ResponseOf<'session:state'>;

describe('session:state', () => {
  it('lists the open datasets, then the title and file of the saved project', async () => {
    expect(await value<SessionView>('session:state', {})).toEqual({
      title: null,
      path: null,
      datasets: [],
    });
    const nile = await value<DatasetInfo>('datasets:open', {
      jobId: 'job_restore_1',
      source: { kind: 'sample', name: 'Nile.csv' },
    });
    const lynx = await value<DatasetInfo>('datasets:open', {
      jobId: 'job_restore_2',
      source: { kind: 'sample', name: 'lynx.csv' },
    });
    expect(await value<SessionView>('session:state', {})).toEqual({
      title: null,
      path: null,
      datasets: [nile, lynx],
    });

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'restore-')), 'study.seriesstudio');
    await value('project:save', { path: file, title: 'Nile and lynx', explore: {} });
    expect(await value<SessionView>('session:state', {})).toEqual({
      title: 'Nile and lynx',
      path: file,
      datasets: [nile, lynx],
    });
  });

  it('the recovery copy of a changed session keeps the project title', async () => {
    await value('datasets:open', {
      jobId: 'job_restore_3',
      source: { kind: 'sample', name: 'LakeHuron.csv' },
    });
    await h.host.dispose({ keepRecovery: true });
    const recovery = await value<ResponseOf<'project:recovery'>>('project:recovery', {});
    expect(recovery.available).toBe(true);
    expect(recovery.title).toBe('Nile and lynx');
  });
});
