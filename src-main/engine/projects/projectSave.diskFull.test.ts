// A save onto a really full disk: a small tmpfs mounted for the test (root only; skipped, saying
// why, where mounting is not allowed). The save fails with a "disk is full" message naming the
// file, leaves no staged file or folder behind, and the previous version still opens.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AtomicWriteError } from '../fsAtomic/atomicWriteError';
import { openProject, saveProject } from './projectFile';
import { datasetEntry, sampleProject } from './projectData.testkit';

const SIZE = '512k';
let root: string;
let disk: string;
let mounted = false;
let why = '';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'disk-full-'));
  disk = path.join(root, 'disk');
  await mkdir(disk);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE}`, 'tmpfs', disk], {
      stdio: 'pipe',
    });
    mounted = true;
  } catch (e) {
    why = `cannot mount a tmpfs here (${String((e as { stderr?: Buffer }).stderr ?? e).trim()})`;
  }
});
afterAll(async () => {
  if (mounted) execFileSync('umount', [disk]);
  await rm(root, { recursive: true, force: true });
});

async function modelFolder(at: string, bytes: number): Promise<string> {
  await mkdir(at, { recursive: true });
  await writeFile(path.join(at, 'model.json'), '{"m":1}');
  await writeFile(path.join(at, 'weights.bin'), Buffer.alloc(bytes, 7));
  return at;
}

const failure = (p: Promise<unknown>): Promise<AtomicWriteError> =>
  p.then(
    () => {
      throw new Error('expected the save to fail');
    },
    (e: unknown) => e as AtomicWriteError,
  );

async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

describe('saving a project onto a full disk', () => {
  it('says the disk is full and leaves nothing staged', async (ctx) => {
    if (!mounted) {
      console.warn(`disk-full test skipped: ${why}`);
      ctx.skip();
    }
    const work = path.join(root, 'work', 'models');
    const small = await modelFolder(path.join(work, 'small'), 10_000);
    const big = await modelFolder(path.join(work, 'big'), 2_000_000);
    const file = path.join(disk, 'study.seriesstudio');
    const options = { modelRoots: [work] };
    await saveProject(file, sampleProject([], [{ id: 'run_s', modelDir: small }]), options);
    const before = await tree(disk);

    // 1. A model folder that does not fit.
    const tooBigModel = await failure(
      saveProject(
        file,
        sampleProject(
          [],
          [
            { id: 'run_s', modelDir: small },
            { id: 'run_b', modelDir: big },
          ],
        ),
        options,
      ),
    );
    expect(tooBigModel).toBeInstanceOf(AtomicWriteError);
    expect(tooBigModel.code).toBe('ENOSPC');
    expect(tooBigModel.message).toBe(
      `Could not save "${file}": the disk is full (ENOSPC). The previous version, if any, is unchanged.`,
    );
    expect(await tree(disk)).toEqual(before);

    // 2. A project file that does not fit (a large embedded CSV), its models already there.
    const embedded = {
      ...datasetEntry(path.join(root, 'gone.csv')),
      embeddedCsv: `date,value\n${'2020-01-01,1\n'.repeat(60_000)}`,
    };
    const tooBigFile = await failure(
      saveProject(file, sampleProject([embedded], [{ id: 'run_s', modelDir: small }]), options),
    );
    expect(tooBigFile.code).toBe('ENOSPC');
    expect(tooBigFile.message).toContain('the disk is full (ENOSPC)');
    expect(await tree(disk)).toEqual(before);

    // The previous version is whole: it opens and its model is there.
    const opened = await openProject(file);
    expect(opened.missingModels).toEqual([]);
    expect(opened.project.runs.map((r) => r.id)).toEqual(['run_s']);
    expect(await tree(disk)).toEqual(before);
  });
});
