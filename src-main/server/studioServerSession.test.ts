// The real browser-mode server sweeps the session folders of servers that died (their recorded
// owner is gone) before making its own, records its own pid in it, and removes it on close.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNER_FILE, SESSION_PREFIX } from '../host/sessionDir';
import { sourcePaths } from '../host/testing/sourceEngine';
import { startStudioServer } from './studioServer';

/** The pid of a process that has exited (a real child run to completion). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('browser-mode session folder', () => {
  it('sweeps a dead server’s folder, records its own owner, and is removed on close', async () => {
    const stale = mkdtempSync(path.join(os.tmpdir(), SESSION_PREFIX));
    mkdirSync(path.join(stale, 'uploads'));
    writeFileSync(path.join(stale, 'uploads', 'big.csv'), 'a,b\n1,2\n');
    writeFileSync(path.join(stale, OWNER_FILE), JSON.stringify({ pid: deadPid() }));
    const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const server = await startStudioServer({ ...sourcePaths(), rendererDir });
    try {
      expect(existsSync(stale)).toBe(false);
      expect(JSON.parse(readFileSync(path.join(server.sessionDir, OWNER_FILE), 'utf8'))).toEqual({
        pid: process.pid,
      });
    } finally {
      await server.close();
    }
    expect(existsSync(server.sessionDir)).toBe(false);
  });
});
