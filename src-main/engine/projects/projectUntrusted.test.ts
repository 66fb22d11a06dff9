// A .seriesstudio file is untrusted input: every path in it is checked before anything is read or
// written because of it, and a refused open leaves the disk exactly as it was.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProject, saveProject } from './projectFile';
import { ProjectFileError } from './projectErrors';
import { CSV_TEXT, datasetEntry, modelHash, sampleProject } from './projectData.testkit';

let root: string;
let dir: string;
let file: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'untrusted-'));
  dir = path.join(root, 'a', 'b', 'c', 'd');
  await mkdir(dir, { recursive: true });
  file = path.join(dir, 'study.seriesstudio');
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Every path under root with its size and mtime: "nothing was written" means this is unchanged. */
async function snapshot(top: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const s = await stat(p).catch(() => null);
      out.push(
        `${path.relative(top, p)} ${e.isDirectory() ? 'dir' : String(s?.size)} ${String(s?.mtimeMs)}`,
      );
      if (e.isDirectory()) await walk(p);
    }
  };
  await walk(top);
  return out.sort();
}

const refusal = async (p: Promise<unknown>): Promise<ProjectFileError> => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProjectFileError);
  return error as ProjectFileError;
};

const embedded = (name: string): ReturnType<typeof datasetEntry> => ({
  ...datasetEntry(path.join(root, 'gone.csv')),
  name,
  embeddedCsv: CSV_TEXT,
});

describe('dataset names in a project file', () => {
  for (const name of [
    '../../../../elsewhere/x.csv',
    '../../../../elsewhere/x',
    'sub/x.csv',
    'sub\\x.csv',
    '..',
    '.',
    '',
    'x\u0000.csv',
    'line\nbreak.csv',
  ]) {
    it(`refuses ${JSON.stringify(name)} with the field named, writing nothing`, async () => {
      await writeFile(file, JSON.stringify(sampleProject([embedded(name)])));
      const before = await snapshot(root);
      const error = await refusal(openProject(file));
      expect(error.code).toBe('invalid');
      expect(error.message).toContain('datasets.0.name: ');
      expect(error.message).toMatch(
        name === ''
          ? /a file name cannot be empty/
          : /must be a plain file name, without folders \("\/", "\\", "\.\."\) or control characters/,
      );
      expect(await snapshot(root)).toEqual(before);
    });
  }

  it('accepts plain names, with or without an extension', async () => {
    for (const name of ['sales.csv', 'Sales 2024 (final)', 'données.tsv', '.hidden.csv']) {
      await writeFile(file, JSON.stringify(sampleProject([embedded(name)])));
      expect((await openProject(file)).project.datasets[0]?.name).toBe(name);
    }
  });

  it('refuses a dataset path that is not absolute', async () => {
    const entry = { ...embedded('x.csv'), path: '../../x.csv' };
    await writeFile(file, JSON.stringify(sampleProject([entry])));
    const error = await refusal(openProject(file));
    expect(error.message).toContain('datasets.0.path: must be an absolute path');
  });
});

describe('run model folders in a project file', () => {
  /** A model folder with one file, returning its version name for run `id`. */
  async function modelFolder(at: string, id: string, content = '{"m":1}'): Promise<string> {
    await mkdir(at, { recursive: true });
    await writeFile(path.join(at, 'model.json'), content);
    return `${id}-${modelHash([['model.json', content]])}`;
  }

  for (const modelDir of [
    '/etc',
    '/tmp/outside/run_a',
    '../outside',
    'study.seriesstudio.models/../../outside',
    'study.seriesstudio.models/..',
    'study.seriesstudio.models/run_a/deeper',
    'study.seriesstudio.models\\run_a',
    'C:\\Users\\x\\model',
    'run_a',
    '',
  ]) {
    it(`refuses modelDir ${JSON.stringify(modelDir)} before touching the disk`, async () => {
      await writeFile(file, JSON.stringify(sampleProject([], [{ id: 'run_a', modelDir }])));
      const before = await snapshot(root);
      const error = await refusal(openProject(file));
      expect(error.code).toBe('invalid');
      expect(error.message).toContain(
        'runs.0.modelDir: a model folder must be "<project>.models/<folder>": relative, inside the project\'s own models folder',
      );
      expect(await snapshot(root)).toEqual(before);
    });
  }

  it("always looks a model up in the project's own models folder, never a sibling's", async () => {
    // Another project's models sit beside this one; the file names that folder.
    await modelFolder(path.join(dir, 'other.seriesstudio.models', 'run_a'), 'run_a');
    await writeFile(
      file,
      JSON.stringify(
        sampleProject([], [{ id: 'run_a', modelDir: 'other.seriesstudio.models/run_a' }]),
      ),
    );
    const opened = await openProject(file);
    expect(opened.project.runs[0]?.modelDir).toBeNull();
    expect(opened.missingModels).toEqual(['run_a']);
    // A copy of a project under a new name, with its folder renamed too, still finds its models.
    await modelFolder(path.join(dir, 'study.seriesstudio.models', 'run_a'), 'run_a');
    expect((await openProject(file)).project.runs[0]?.modelDir).toBe(
      path.join(dir, 'study.seriesstudio.models', 'run_a'),
    );
  });

  it('refuses a model folder that is a link leading out of the models folder', async () => {
    await modelFolder(path.join(root, 'outside'), 'run_a');
    await mkdir(`${file}.models`);
    await symlink(path.join(root, 'outside'), path.join(`${file}.models`, 'run_a'));
    await writeFile(
      file,
      JSON.stringify(
        sampleProject([], [{ id: 'run_a', modelDir: 'study.seriesstudio.models/run_a' }]),
      ),
    );
    const before = await snapshot(root);
    const error = await refusal(openProject(file));
    expect(error.message).toContain(
      'run run_a: its model folder "run_a" is a link or not a folder; it must be a real folder inside the project\'s own models folder.',
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('refuses a models folder that is itself a link, and a model file that is a link', async () => {
    await modelFolder(path.join(root, 'elsewhere.models', 'run_a'), 'run_a');
    await symlink(path.join(root, 'elsewhere.models'), `${file}.models`);
    await writeFile(
      file,
      JSON.stringify(
        sampleProject([], [{ id: 'run_a', modelDir: 'study.seriesstudio.models/run_a' }]),
      ),
    );
    expect((await refusal(openProject(file))).message).toContain(
      'run run_a: "study.seriesstudio.models" is a link or not a folder.',
    );
    await rm(`${file}.models`);
    await mkdir(path.join(`${file}.models`, 'run_a'), { recursive: true });
    await writeFile(path.join(root, 'secret.txt'), 'secret');
    await symlink(
      path.join(root, 'secret.txt'),
      path.join(`${file}.models`, 'run_a', 'model.json'),
    );
    expect((await refusal(openProject(file))).message).toContain(
      '"model.json" is not a regular file (a link, folder or device); a model folder holds only files.',
    );
  });

  it('saves only models from the folders it is told it may copy from', async () => {
    const work = path.join(root, 'work', 'models');
    await modelFolder(path.join(work, 'run_ok'), 'run_ok');
    await modelFolder(path.join(root, 'private', 'keys'), 'run_x', 'secret');
    const refused = await saveProject(
      file,
      sampleProject([], [{ id: 'run_x', modelDir: path.join(root, 'private', 'keys') }]),
      { modelRoots: [work] },
    ).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(refused?.message).toBe(
      'Run run_x: its model folder is not one this session trained or opened; the project was not saved.',
    );
    expect(await readdir(dir)).toEqual([]);
    // A link inside an allowed folder that leads out of it is refused the same way.
    await symlink(path.join(root, 'private', 'keys'), path.join(work, 'run_link'));
    await expect(
      saveProject(
        file,
        sampleProject([], [{ id: 'run_l', modelDir: path.join(work, 'run_link') }]),
        { modelRoots: [work] },
      ),
    ).rejects.toThrow('Run run_l: its model folder is not one this session trained or opened');
    expect(await readdir(dir)).toEqual([]);
    const version = `run_ok-${modelHash([['model.json', '{"m":1}']])}`;
    await saveProject(
      file,
      sampleProject([], [{ id: 'run_ok', modelDir: path.join(work, 'run_ok') }]),
      { modelRoots: [work] },
    );
    expect(await readFile(path.join(`${file}.models`, version, 'model.json'), 'utf8')).toBe(
      '{"m":1}',
    );
  });
});
