// SIGKILLs a process that keeps saving a project with trained runs, at random moments, and checks
// after every kill that the previous or the new project opens, every run's model loads, and the
// open's cleanup leaves no temp file or folder behind. SERIES_STUDIO_SAVE_KILLS sets the number of
// kills (default 100).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUntilKilled } from '../testing/killedChild.testkit';
import { checkAfterKill } from './projectKillCheck.testkit';
import { projectVersion } from './projectKillFixture.testkit';
import { trainTinyModels } from './projectKillModels.testkit';
import { saveProject } from './projectFile';

const here = path.dirname(fileURLToPath(import.meta.url));
const KILLS = Number(process.env['SERIES_STUDIO_SAVE_KILLS'] ?? 100);

let root: string;
let modelDirs: string[];
let saver: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'project-kill-'));
  modelDirs = await trainTinyModels(path.join(root, 'work', 'models'));
  // The saver is the engine's own save code, bundled once so each of the many child processes
  // starts in a tenth of a second instead of compiling TypeScript again.
  saver = path.join(root, 'projectSaveLoop.mjs');
  await build({
    entryPoints: [path.join(here, 'projectSaveLoop.testkit.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: saver,
    logLevel: 'error',
  });
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** Starts the saver at save `first`; kills it `delayMs` after it reports its first save. */
async function killSaver(file: string, first: number, delayMs: number): Promise<number> {
  let last = first - 1;
  await runUntilKilled([saver, file, String(first), ...modelDirs], delayMs, (text) => {
    for (const m of text.matchAll(/saved (\d+)/g)) last = Number(m[1]);
  });
  return last;
}

describe('project saves under SIGKILL', () => {
  it(`keeps an intact project across ${KILLS} kills of the saving process`, async () => {
    const folder = path.join(root, 'project');
    await mkdir(folder);
    const file = path.join(folder, 'study.seriesstudio');
    const roots = [path.join(root, 'work', 'models')];
    await saveProject(file, projectVersion(0, modelDirs), { modelRoots: roots });
    await saveProject(file, projectVersion(1, modelDirs), { modelRoots: roots });
    let version = 1;
    let intact = 0;
    let leftovers = 0;
    let committedInFlight = 0;
    for (let k = 0; k < KILLS; k++) {
      const last = await killSaver(file, version + 1, Math.floor(Math.random() * 30));
      const check = await checkAfterKill(file, last, modelDirs);
      if (check.version === last + 1) committedInFlight++;
      leftovers += check.leftovers;
      version = check.version;
      intact++;
    }
    console.log(
      `project kill test: ${KILLS} SIGKILLs of the saving process, ${intact} projects intact ` +
        `(${committedInFlight} with the save in flight committed), ${leftovers} leftovers of ` +
        `interrupted saves collected on open, ${version} saves in all`,
    );
    expect(intact).toBe(KILLS);
  }, 600_000);
});
