// Model folders are immutable versions: a save never changes, deletes or renames a folder the
// project on disk refers to; versions fall out of use and are collected after the commit; what
// interrupted saves left (their owner pid is gone) is collected on the next save or open.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProject, saveProject } from './projectFile';
import { modelHash, sampleProject } from './projectData.testkit';

let root: string;
let work: string;
let folder: string;
let file: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'versions-'));
  work = path.join(root, 'work', 'models');
  folder = path.join(root, 'project');
  await mkdir(folder, { recursive: true });
  file = path.join(folder, 'study.seriesstudio');
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function model(name: string, content: string): Promise<{ dir: string; hash: string }> {
  const dir = path.join(work, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'model.json'), content);
  return { dir, hash: modelHash([['model.json', content]]) };
}

const save = (runs: { id: string; modelDir: string | null }[], title = 't') =>
  saveProject(file, { ...sampleProject([], runs), title }, { modelRoots: [work] });

const models = async (): Promise<string[]> => (await readdir(`${file}.models`)).sort();

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid;
}

describe('versioned model folders', () => {
  it('keeps the versions of the project and its .bak, and collects older ones after the commit', async () => {
    const a = await model('a', '{"a":1}');
    const b = await model('b', '{"b":2}');
    const c = await model('c', '{"c":3}');
    await save([{ id: 'run_1', modelDir: a.dir }]);
    expect(await models()).toEqual([`run_1-${a.hash}`]);
    await save([{ id: 'run_1', modelDir: b.dir }]);
    expect(await models()).toEqual([`run_1-${a.hash}`, `run_1-${b.hash}`].sort());
    await save([{ id: 'run_1', modelDir: c.dir }]);
    // v1's version is referenced by neither the project (v3) nor its .bak (v2) any more.
    expect(await models()).toEqual([`run_1-${b.hash}`, `run_1-${c.hash}`].sort());
    const raw = JSON.parse(await readFile(file, 'utf8')) as { runs: { modelDir: string }[] };
    expect(raw.runs[0]?.modelDir).toBe(`study.seriesstudio.models/run_1-${c.hash}`);
    // A project whose runs all lost their models leaves no models folder once nothing needs it.
    await save([{ id: 'run_1', modelDir: null }]);
    await save([{ id: 'run_1', modelDir: null }]);
    expect((await readdir(folder)).sort()).toEqual([
      'study.seriesstudio',
      'study.seriesstudio.bak',
    ]);
  });

  it('never replaces a folder the saved project refers to: the same folder, the same files', async () => {
    const a = await model('a', '{"a":1}');
    await save([{ id: 'run_1', modelDir: a.dir }], 'one');
    const version = path.join(`${file}.models`, `run_1-${a.hash}`);
    const before = [(await stat(version)).ino, (await stat(path.join(version, 'model.json'))).ino];
    // Saved again from the work folder, and from the opened project's own folder.
    await save([{ id: 'run_1', modelDir: a.dir }], 'two');
    const opened = await openProject(file);
    expect(opened.project.runs[0]?.modelDir).toBe(version);
    await saveProject(file, { ...opened.project, title: 'three' });
    expect([(await stat(version)).ino, (await stat(path.join(version, 'model.json'))).ino]).toEqual(
      before,
    );
    expect(await models()).toEqual([`run_1-${a.hash}`]);
  });

  it('collects what interrupted saves left, and nothing of a save still running elsewhere', async () => {
    const a = await model('a', '{"a":1}');
    await save([{ id: 'run_1', modelDir: a.dir }]);
    const dead = deadPid();
    const m = `${file}.models`;
    const leftovers = [
      path.join(folder, `.study.seriesstudio.${dead}-0123456789ab.tmp`),
      path.join(folder, `.study.seriesstudio.${dead}-0123456789ab.bak.tmp`),
      path.join(m, `.save.${dead}-0123456789ab.lock`),
    ];
    for (const f of leftovers) await writeFile(f, 'partial');
    const staged = path.join(m, `.run_2-00000000000000aa.${dead}-0123456789ab.staging`);
    const trash = path.join(m, `.run_0-00000000000000bb.${dead}-0123456789ab.trash`);
    for (const d of [staged, trash, path.join(m, 'run_9-00000000000000cc')]) {
      await mkdir(d);
      await writeFile(path.join(d, 'weights.bin'), 'half');
    }
    // Not ours to judge: files that do not follow the naming rules stay.
    await writeFile(path.join(folder, 'notes.txt'), 'mine');
    await mkdir(path.join(m, 'backup'));

    // A save running in another live process: its staging folder and lock stay, and while it
    // runs no unreferenced version is collected (it may be about to commit one).
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const live = sleeper.pid ?? -1;
    const liveStaging = path.join(m, `.run_3-00000000000000dd.${live}-0123456789ab.staging`);
    const liveLock = path.join(m, `.save.${live}-0123456789ab.lock`);
    try {
      await mkdir(liveStaging);
      await writeFile(liveLock, String(live));
      await openProject(file);
      expect((await readdir(folder)).sort()).toEqual([
        'notes.txt',
        'study.seriesstudio',
        'study.seriesstudio.models',
      ]);
      expect(await models()).toEqual(
        [
          path.basename(liveLock),
          path.basename(liveStaging),
          'backup',
          `run_1-${a.hash}`,
          'run_9-00000000000000cc',
        ].sort(),
      );
    } finally {
      sleeper.kill('SIGKILL');
      await new Promise((resolve) => sleeper.on('exit', resolve));
    }
    // Its owner gone, the next open collects the rest.
    await openProject(file);
    expect(await models()).toEqual(['backup', `run_1-${a.hash}`]);
  });

  it('reports an emptied model folder (left by older saves) as missing instead of opening it', async () => {
    await mkdir(path.join(`${file}.models`, 'run_1'), { recursive: true });
    await writeFile(
      file,
      JSON.stringify(
        sampleProject([], [{ id: 'run_1', modelDir: 'study.seriesstudio.models/run_1' }]),
      ),
    );
    const opened = await openProject(file);
    expect(opened.missingModels).toEqual(['run_1']);
    expect(opened.project.runs[0]?.modelDir).toBeNull();
  });
});
