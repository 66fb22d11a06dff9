// SIGKILLs a process that keeps saving large versions of one file, at random moments, and checks
// after every kill that the file is one complete version (and so is its .bak).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runUntilKilled } from '../testing/killedChild.testkit';
import { collectStaleTemps } from './writeFileAtomic';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'atomicSaveLoop.testkit.ts');
const KILLS = 22;

/** Same content rule as atomicSaveLoop.testkit.ts, checked independently here. */
function checkComplete(text: string): number {
  const parsed = JSON.parse(text) as { version: number; length: number; payload: string };
  expect(parsed.length).toBe(parsed.version % 2 === 0 ? 1_500_000 : 3_000_000);
  expect(parsed.payload.length).toBe(parsed.length);
  expect(parsed.payload).toBe(String(parsed.version % 10).repeat(parsed.length));
  return parsed.version;
}

async function killSomewhereInTheLoop(target: string, delayMs: number): Promise<number> {
  let saves = 0;
  // Killed at a random moment after the first save, mostly in the middle of a later one.
  await runUntilKilled(['--import', 'tsx', script, target], delayMs, (text) => {
    saves += text.split('saved').length - 1;
  });
  return saves;
}

describe('writeFileAtomic under SIGKILL', () => {
  it(`never leaves a broken target across ${KILLS} kills`, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'atomic-kill-'));
    const target = path.join(dir, 'project.json');
    const v0 = JSON.stringify({ version: 0, length: 1_500_000, payload: '0'.repeat(1_500_000) });
    await writeFile(target, v0);
    try {
      let totalSaves = 0;
      for (let k = 0; k < KILLS; k++) {
        totalSaves += await killSomewhereInTheLoop(target, Math.floor(Math.random() * 60));
        checkComplete(await readFile(target, 'utf8'));
        checkComplete(await readFile(`${target}.bak`, 'utf8'));
      }
      expect(totalSaves).toBeGreaterThanOrEqual(KILLS);
      // What the killed writers left (their temp names record their pid) is collected.
      const left = (await readdir(dir)).filter((f) => f.startsWith('.'));
      expect((await collectStaleTemps(target)).sort()).toEqual(left.sort());
      expect((await readdir(dir)).sort()).toEqual(['project.json', 'project.json.bak']);
      console.log(`atomic write kill test: ${KILLS} kills, ${left.length} temp files collected`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
