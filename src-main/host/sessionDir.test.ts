// Session folders of crashed or killed servers are swept at the next start; a live server's folder
// and a clean exit are handled too. Real processes, real folders, in a private parent folder.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../engine/testing/sharedData';
import { createSessionDir, OWNER_FILE, SESSION_PREFIX, sweepStaleSessionDirs } from './sessionDir';

const moduleUrl = new URL('./sessionDir.ts', import.meta.url).href;

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'sessions-'));
});
afterEach(() => rm(parent, { recursive: true, force: true }));

/**
 * A child process that makes a session folder with an upload in it, prints the folder, and then
 * either waits to be killed or exits cleanly.
 */
function server(mode: 'wait' | 'exit'): Promise<{ dir: string; pid: number; done: Promise<void> }> {
  const code = `
    import { createSessionDir } from ${JSON.stringify(moduleUrl)};
    import { mkdirSync, writeFileSync } from 'node:fs';
    const s = createSessionDir(${JSON.stringify(parent)});
    mkdirSync(s.dir + '/uploads/up_1', { recursive: true });
    writeFileSync(s.dir + '/uploads/up_1/big.csv', 'x'.repeat(100000));
    process.stdout.write('dir ' + s.dir + '\\n');
    ${mode === 'wait' ? 'setInterval(() => {}, 1000);' : 'process.exit(0);'}
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /dir (\S+)\n/.exec(out);
      if (m?.[1]) resolve({ dir: m[1], pid: child.pid ?? -1, done });
    });
    child.on('exit', (c) => {
      if (!/dir /.test(out)) reject(new Error(`server child exited with ${c}: ${err}`));
    });
  });
}

describe('session folders', () => {
  it("sweeps a killed server's folder, uploads included, and keeps a live one's", async () => {
    const killed = await server('wait');
    process.kill(killed.pid, 'SIGKILL');
    await killed.done;
    // SIGKILL runs no exit handler: the folder and its upload are still there.
    expect(await readdir(path.join(killed.dir, 'uploads', 'up_1'))).toEqual(['big.csv']);
    // The next server to start sweeps it away; its own folder stays while it runs.
    const live = await server('wait');
    try {
      expect(existsSync(killed.dir)).toBe(false);
      expect(sweepStaleSessionDirs(parent)).toEqual([]);
      expect(existsSync(path.join(live.dir, 'uploads', 'up_1', 'big.csv'))).toBe(true);
    } finally {
      process.kill(live.pid, 'SIGKILL');
      await live.done;
    }
    // Now its owner is gone too; the next start (createSessionDir) sweeps it.
    const mine = createSessionDir(parent);
    try {
      expect(existsSync(live.dir)).toBe(false);
      expect(await readdir(parent)).toEqual([path.basename(mine.dir)]);
    } finally {
      mine.dispose();
    }
    expect(await readdir(parent)).toEqual([]);
  }, 60_000);

  it('removes its folder on a clean exit', async () => {
    const clean = await server('exit');
    await clean.done;
    expect(existsSync(clean.dir)).toBe(false);
    expect(await readdir(parent)).toEqual([]);
  }, 60_000);

  it('leaves folders without an owner record alone until they are a day old', async () => {
    const recent = path.join(parent, `${SESSION_PREFIX}recent`);
    const old = path.join(parent, `${SESSION_PREFIX}old`);
    const other = path.join(parent, 'someone-else-old');
    for (const d of [recent, old, other]) await mkdir(d);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(old, twoDaysAgo, twoDaysAgo);
    await utimes(other, twoDaysAgo, twoDaysAgo);
    // A garbled owner record counts as none.
    await writeFile(path.join(recent, OWNER_FILE), '{"pid":');
    expect(sweepStaleSessionDirs(parent)).toEqual([`${SESSION_PREFIX}old`]);
    expect((await readdir(parent)).sort()).toEqual([`${SESSION_PREFIX}recent`, 'someone-else-old']);
  });
});
