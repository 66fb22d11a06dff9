// A crafted .seriesstudio file opened through the studio host and a real engine process: it cannot
// write outside the session's work folder, and with the desktop's "only files the user chose" rule
// it cannot make the app read a CSV the user did not choose.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_TEXT, datasetEntry, sampleProject } from '../engine/projects/projectData.testkit';
import type { Result } from '../shared/result';
import type { OpenedProject } from '../shared/schemas/projectChannels';
import type { EngineClient } from './engineClient';
import type { FileAccess } from './fileAccess';
import type { StudioHost } from './studioHost';
import { folderSnapshot as snapshot } from './testing/folderSnapshot';
import { sourceEngine } from './testing/sourceEngine';
import { testStudioHost } from './testing/testHost';

let root: string;
let work: string;
let engine: EngineClient;
let host: StudioHost;
let files: FileAccess;
let n = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'untrusted-open-'));
  work = path.join(root, 's1', 's2', 'work');
  await mkdir(work, { recursive: true });
  engine = sourceEngine();
  ({ host, files } = testStudioHost({
    mode: 'desktop',
    policy: 'chosen-only',
    engine,
    uploadsDir: path.join(work, 'uploads'),
    workDir: work,
    dataDir: path.join(root, 'data'),
  }));
});
afterAll(async () => {
  await host.dispose();
  await engine.dispose();
  await rm(root, { recursive: true, force: true });
});

async function writeProject(name: string, project: unknown): Promise<string> {
  const file = path.join(root, 'projects', name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(project));
  return file;
}

/** Opens a project file as if the user had picked it in the Open dialog. */
async function openFile(
  file: string,
  relocate: Record<string, string> = {},
): Promise<Result<OpenedProject>> {
  files.allow(file);
  return (await host.handle('project:open', {
    jobId: `job_untrusted_${++n}`,
    path: file,
    relocate,
  })) as Result<OpenedProject>;
}

describe('opening an untrusted project file', () => {
  for (const name of ['../../../../elsewhere/x.csv', '../../../../elsewhere/x']) {
    it(`refuses an embedded dataset named ${name} and writes nothing anywhere`, async () => {
      const target = path.resolve(work, 'embedded', 'ds_0123456789abcdef', name);
      const entry = {
        ...datasetEntry(path.join(root, 'gone.csv')),
        name,
        embeddedCsv: CSV_TEXT,
      };
      const file = await writeProject(
        `${path.basename(name)}.seriesstudio`,
        sampleProject([entry]),
      );
      const before = await snapshot(root);
      const result = await openFile(file);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toContain(
        'datasets.0.name: must be a plain file name, without folders',
      );
      expect(existsSync(target)).toBe(false);
      expect(await snapshot(root)).toEqual(before);
    });
  }

  it('opens a CSV the project names only when its content hash matches, or the user chose it', async () => {
    const data = path.join(root, 'data-files');
    await mkdir(data, { recursive: true });
    const same = path.join(data, 'sales.csv');
    const other = path.join(data, 'private.csv');
    const text = 'date,value\n2020-01-01,1\n2020-02-01,2\n2020-03-01,3\n2020-04-01,4\n';
    await writeFile(same, text);
    await writeFile(other, text.replace(/,(\d)\n/g, ',4$1\n'));
    const sha = createHash('sha256').update(text).digest('hex');
    const vouched = datasetEntry(same, sha, text.length);
    const unvouched = {
      ...datasetEntry(other, sha, text.length),
      datasetId: 'ds_00000000000000ff',
    };
    const two = await writeProject('two.seriesstudio', sampleProject([vouched, unvouched]));
    const result = await openFile(two);
    if (!result.ok) throw new Error(result.error.message);
    // The file whose hash the project recorded opens; the other one is asked for, not read.
    expect(result.value.datasetIds).toEqual(['ds_0123456789abcdef']);
    expect(result.value.needsFile).toEqual([
      { datasetId: 'ds_00000000000000ff', name: 'sales.csv', path: other },
    ]);
    // A relocation the user did not choose through the app is refused.
    const one = await writeProject('one.seriesstudio', sampleProject([unvouched]));
    const typed = await openFile(one, { ds_00000000000000ff: other });
    expect(typed.ok).toBe(false);
    if (!typed.ok) {
      expect(typed.error.code).toBe('forbidden');
      expect(typed.error.message).toBe(`${other} was not chosen through the app.`);
    }
    // Once the user picks it (Open dialog), it opens.
    files.allow(other);
    const chosen = await openFile(one, { ds_00000000000000ff: other });
    if (!chosen.ok) throw new Error(chosen.error.message);
    expect(chosen.value.datasetIds).toEqual(['ds_00000000000000ff']);
  }, 120_000);
});
