import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleProject } from './projectTestData';
import { clearRecovery, readRecovery, recoveryPath, writeRecovery } from './recovery';

let dir: string;
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), 'recovery-')), 'userData');
});
afterEach(() => rm(path.dirname(dir), { recursive: true, force: true }));

describe('crash recovery file', () => {
  it('is absent until written, then reads back, then is cleared', async () => {
    expect(await readRecovery(dir)).toBeNull();
    const project = sampleProject([], [{ id: 'r1', modelDir: '/abs/models/r1' }]);
    await writeRecovery(dir, project);
    expect(recoveryPath(dir)).toBe(path.join(dir, 'recovery.seriesstudio'));
    expect(await readRecovery(dir)).toEqual(project);
    // Autosaves replace each other without leaving .bak or temp files behind.
    await writeRecovery(dir, { ...project, title: 'later' });
    expect((await readRecovery(dir))?.title).toBe('later');
    expect(await readdir(dir)).toEqual(['recovery.seriesstudio']);
    await clearRecovery(dir);
    expect(await readRecovery(dir)).toBeNull();
    await clearRecovery(dir);
  });

  it('reports a corrupt recovery file instead of pretending there is none', async () => {
    await writeRecovery(dir, sampleProject([]));
    await writeFile(recoveryPath(dir), '{"format":');
    await expect(readRecovery(dir)).rejects.toThrow(/recovery\.seriesstudio" is not valid JSON/);
  });
});
