import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { modelHash, sampleProject } from './projectData.testkit';
import { clearRecovery, readRecovery, recoveryPath, writeRecovery } from './recovery';

let dir: string;
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), 'recovery-')), 'userData');
});
afterEach(() => rm(path.dirname(dir), { recursive: true, force: true }));

describe('crash recovery file', () => {
  it('is absent until written, then reads back, then is cleared', async () => {
    expect(await readRecovery(dir)).toBeNull();
    // The model is copied beside the recovery file: the crashed session's work folder is
    // cleaned up at the next start, so recovery must not depend on it.
    const work = path.join(path.dirname(dir), 'work', 'models', 'r1');
    await mkdir(work, { recursive: true });
    await writeFile(path.join(work, 'model.json'), '{}');
    const project = sampleProject([], [{ id: 'r1', modelDir: work }]);
    await writeRecovery(dir, project);
    expect(recoveryPath(dir)).toBe(path.join(dir, 'recovery.seriesstudio'));
    const version = `r1-${modelHash([['model.json', '{}']])}`;
    expect(await readRecovery(dir)).toEqual({
      ...project,
      runs: [{ id: 'r1', modelDir: `recovery.seriesstudio.models/${version}` }],
    });
    // Autosaves replace each other without leaving .bak or temp files behind.
    await writeRecovery(dir, { ...project, title: 'later' });
    expect((await readRecovery(dir))?.title).toBe('later');
    expect((await readdir(dir)).sort()).toEqual([
      'recovery.seriesstudio',
      'recovery.seriesstudio.models',
    ]);
    expect(await readdir(path.join(dir, 'recovery.seriesstudio.models'))).toEqual([version]);
    await clearRecovery(dir);
    expect(await readRecovery(dir)).toBeNull();
    expect(await readdir(dir)).toEqual([]);
    await clearRecovery(dir);
  });

  it('reports a corrupt recovery file instead of pretending there is none', async () => {
    await writeRecovery(dir, sampleProject([]));
    await writeFile(recoveryPath(dir), '{"format":');
    await expect(readRecovery(dir)).rejects.toThrow(/recovery\.seriesstudio" is not valid JSON/);
  });
});
