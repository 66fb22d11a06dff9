// SIGKILLs of the real engine process while it saves a project with trained runs, and of a host
// process (which owns its own engine, left without its host in the middle of a save), at random
// moments. After each: the previous or the new project opens, every run's model loads, and the
// open's cleanup leaves nothing stray. SERIES_STUDIO_ENGINE_KILLS and SERIES_STUDIO_HOST_KILLS set
// the numbers of kills (default 6 each: each kill costs an engine start, 3–6 s on a loaded
// machine; engine/projects/projectSave.kill.test.ts does 100 kills of a process running the same
// save code without the engine's start-up). The engine and the host are bundled with esbuild
// once, as the app's build bundles them, so a kill does not also pay for compiling TypeScript.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { symlink } from 'node:fs/promises';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pidAlive } from '../engine/fsAtomic/ownedNames';
import { checkAfterKill } from '../engine/projects/projectKillCheck.testkit';
import { projectVersion } from '../engine/projects/projectKillFixture.testkit';
import { trainTinyModels } from '../engine/projects/projectKillModels.testkit';
import { saveProject } from '../engine/projects/projectFile';
import { repoRoot } from '../engine/testing/sharedData';
import { EngineClient } from './engineClient';
import { forkLauncher } from './forkLauncher';
import { sourcePaths } from './testing/sourceEngine';

const here = path.dirname(fileURLToPath(import.meta.url));
const ENGINE_KILLS = Number(process.env['SERIES_STUDIO_ENGINE_KILLS'] ?? 6);
const HOST_KILLS = Number(process.env['SERIES_STUDIO_HOST_KILLS'] ?? 6);
const KILLS_TIMEOUT = (ENGINE_KILLS + HOST_KILLS) * 20_000;

let root: string;
let modelDirs: string[];
let modelRoots: string[];
let engineEntry: string;
let hostEntry: string;
const kernelsDir = sourcePaths().kernelsDir;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'project-kills-'));
  modelDirs = await trainTinyModels(path.join(root, 'work', 'models'));
  modelRoots = [path.join(root, 'work', 'models')];
  const bundles = path.join(root, 'bundles');
  await mkdir(bundles);
  // Packages stay external (as in the app's build) and resolve through this link.
  await symlink(path.join(repoRoot, 'node_modules'), path.join(bundles, 'node_modules'));
  engineEntry = path.join(bundles, 'engine.mjs');
  hostEntry = path.join(bundles, 'host.mjs');
  for (const [from, to] of [
    [path.join(repoRoot, 'src-main/engine/process/engineMain.ts'), engineEntry],
    [path.join(here, 'projectHostLoop.testkit.ts'), hostEntry],
  ] as const) {
    await build({
      entryPoints: [from],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: to,
      logLevel: 'error',
    });
  }
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

async function freshProject(name: string): Promise<string> {
  const folder = path.join(root, name);
  await mkdir(folder);
  const file = path.join(folder, 'study.seriesstudio');
  await saveProject(file, projectVersion(0, modelDirs), { modelRoots });
  await saveProject(file, projectVersion(1, modelDirs), { modelRoots });
  return file;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitGone(pid: number): Promise<void> {
  for (let i = 0; i < 400 && pidAlive(pid); i++) await sleep(50);
  if (pidAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    throw new Error(`engine ${pid} kept running without its host`);
  }
}

describe('project saves when the engine or the host is killed', () => {
  it(
    `keeps an intact project across ${ENGINE_KILLS} SIGKILLs of the engine`,
    async () => {
      const file = await freshProject('engine');
      const engine = new EngineClient(
        forkLauncher({ entry: engineEntry, execArgv: [], kernelsDir }),
        {
          startTimeoutMs: 120_000,
        },
      );
      let version = 1;
      let committed = 0;
      let leftovers = 0;
      let crashed = 0;
      try {
        for (let k = 0; k < ENGINE_KILLS; k++) {
          let n = version + 1;
          let last = version;
          // One save first, so the engine is up and warm; then kill it at a random moment.
          let killer: NodeJS.Timeout | undefined;
          for (;;) {
            const result = await engine.call('project:save', {
              path: file,
              project: projectVersion(n, modelDirs),
              modelRoots,
            });
            if (!result.ok) {
              expect(result.error.code).toBe('engine-crashed');
              crashed++;
              break;
            }
            last = n++;
            const pid = engine.pid;
            killer ??= setTimeout(
              () => {
                if (pid !== undefined) process.kill(pid, 'SIGKILL');
              },
              Math.floor(Math.random() * 30),
            );
          }
          const check = await checkAfterKill(file, last, modelDirs);
          if (check.version === last + 1) committed++;
          leftovers += check.leftovers;
          version = check.version;
        }
      } finally {
        await engine.dispose();
      }
      console.log(
        `engine kill test: ${ENGINE_KILLS} SIGKILLs of the engine during saves, ${crashed} saves ` +
          `failed with engine-crashed, ${ENGINE_KILLS} projects intact (${committed} with the save ` +
          `in flight committed), ${leftovers} leftovers collected on open`,
      );
      expect(crashed).toBe(ENGINE_KILLS);
    },
    Math.max(900_000, KILLS_TIMEOUT),
  );

  it(
    `keeps an intact project across ${HOST_KILLS} SIGKILLs of the host`,
    async () => {
      const file = await freshProject('host');
      let version = 1;
      let committed = 0;
      let leftovers = 0;
      for (let k = 0; k < HOST_KILLS; k++) {
        const { last, enginePid } = await new Promise<{ last: number; enginePid: number }>(
          (resolve, reject) => {
            const child = spawn(
              process.execPath,
              [hostEntry, engineEntry, kernelsDir, file, String(version + 1), ...modelDirs],
              { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
            );
            let saved = version;
            let enginePid = -1;
            let out = '';
            let err = '';
            let timer: NodeJS.Timeout | undefined;
            child.stderr.on('data', (d: Buffer) => (err += d.toString()));
            child.stdout.on('data', (d: Buffer) => {
              out += d.toString();
              for (const m of out.matchAll(/saved (\d+)/g)) saved = Number(m[1]);
              enginePid = Number(/engine (\d+)/.exec(out)?.[1] ?? -1);
              timer ??= setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 30));
            });
            child.on('error', reject);
            child.on('exit', (code, signal) => {
              clearTimeout(timer);
              if (signal === 'SIGKILL') resolve({ last: saved, enginePid });
              else reject(new Error(`host exited with ${code}: ${err}`));
            });
          },
        );
        expect(enginePid).toBeGreaterThan(0);
        // The orphaned engine notices its host is gone and exits, possibly in the middle of a save.
        await waitGone(enginePid);
        const check = await checkAfterKill(file, last, modelDirs);
        if (check.version === last + 1) committed++;
        leftovers += check.leftovers;
        version = check.version;
      }
      console.log(
        `host kill test: ${HOST_KILLS} SIGKILLs of the host during saves, ${HOST_KILLS} projects ` +
          `intact (${committed} with the save in flight committed), ${leftovers} leftovers collected on open`,
      );
    },
    Math.max(900_000, KILLS_TIMEOUT),
  );
});
