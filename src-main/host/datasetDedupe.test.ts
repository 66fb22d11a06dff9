// One dataset per file content: the same CSV uploaded twice, a fix-up, closing, and what a save keeps.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../shared/schemas/dataset';
import type { Project } from '../shared/schemas/project';
import { createTestHost } from './testing/testHost';

const h = createTestHost();
afterAll(() => h.dispose());

const { value } = h;

let n = 0;
const jobId = (): string => `job_dedupe_${++n}`;
const csv = 'date,sales\n2020-01-01,1\n2020-02-01,\n2020-03-01,3\n2020-04-01,4\n2020-05-01,5\n';

async function upload(name: string, text: string): Promise<DatasetInfo> {
  const { uploadId } = await value<{ uploadId: string }>('uploads:create', { name, text });
  return value<DatasetInfo>('datasets:open', {
    jobId: jobId(),
    source: { kind: 'upload', uploadId },
  });
}

async function savedDatasets(datasetIds?: string[]): Promise<Project['datasets']> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dedupe-')), 'p.seriesstudio');
  await value('project:save', {
    path: file,
    title: 't',
    explore: {},
    embedCsv: false,
    ...(datasetIds ? { datasetIds } : {}),
  });
  return (JSON.parse(readFileSync(file, 'utf8')) as Project).datasets;
}

describe('datasets by content', () => {
  let first: DatasetInfo;
  let fixed: DatasetInfo;

  it('the same CSV uploaded twice is one dataset', async () => {
    first = await upload('sales.csv', csv);
    const again = await upload('sales.csv', csv);
    expect(again.datasetId).toBe(first.datasetId);
    expect((await savedDatasets()).map((d) => d.datasetId)).toEqual([first.datasetId]);
  });

  it('other content under the same name is another dataset', async () => {
    const other = await upload('sales.csv', csv.replace('5\n', '6\n'));
    expect(other.datasetId).not.toBe(first.datasetId);
    expect((await savedDatasets()).map((d) => d.datasetId)).toEqual([
      first.datasetId,
      other.datasetId,
    ]);
  });

  it('a fix-up replaces the dataset it fixes', async () => {
    expect(first.problems.map((p) => p.kind)).toEqual(['missing-values']);
    fixed = await value<DatasetInfo>('datasets:open', {
      jobId: jobId(),
      source: first.source,
      choices: { missing: { sales: 'linear-interpolation' } },
    });
    expect(fixed.datasetId).not.toBe(first.datasetId);
    expect(fixed.columns.map((c) => [c.name, c.missing])).toEqual([['sales', 0]]);
    const saved = await savedDatasets();
    expect(saved.map((d) => d.datasetId)).toEqual([saved[0]?.datasetId, fixed.datasetId]);
    expect(saved.map((d) => d.datasetId)).not.toContain(first.datasetId);
  });

  it('a save keeps only the datasets the page shows', async () => {
    expect((await savedDatasets([fixed.datasetId])).map((d) => d.datasetId)).toEqual([
      fixed.datasetId,
    ]);
  });

  it('the replaced version still resolves for calls that name it', async () => {
    const series = await h.host.handle('datasets:series', {
      datasetId: first.datasetId,
      columns: ['sales'],
      maxPoints: 100,
    });
    expect(series.ok).toBe(true);
  });

  it('a closed dataset leaves the session list and a save, but still resolves', async () => {
    const listed = async (): Promise<string[]> =>
      (await value<{ datasets: DatasetInfo[] }>('session:state', {})).datasets.map(
        (d) => d.datasetId,
      );
    const before = await listed();
    expect(before).toHaveLength(2);
    expect(before).toContain(fixed.datasetId);
    expect(await value('datasets:close', { datasetId: fixed.datasetId })).toEqual({
      closed: true,
    });
    const after = before.filter((id) => id !== fixed.datasetId);
    expect(await listed()).toEqual(after);
    expect((await savedDatasets()).map((d) => d.datasetId)).toEqual(after);
    // Closing it again, or an id never opened, closes nothing.
    expect(await value('datasets:close', { datasetId: fixed.datasetId })).toEqual({
      closed: false,
    });
    expect(await value('datasets:close', { datasetId: 'ds_0123456789abcdef' })).toEqual({
      closed: false,
    });
    const series = await h.host.handle('datasets:series', {
      datasetId: fixed.datasetId,
      columns: ['sales'],
      maxPoints: 100,
    });
    expect(series.ok).toBe(true);
    // Opened again, it is listed again under the same id.
    const reopened = await value<DatasetInfo>('datasets:open', {
      jobId: jobId(),
      source: first.source,
      choices: { missing: { sales: 'linear-interpolation' } },
    });
    expect(reopened.datasetId).toBe(fixed.datasetId);
    expect(await listed()).toEqual(before);
  });
});
