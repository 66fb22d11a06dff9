// Test helper: the browser-mode server as its own process, running from sources through the same
// runServerProcess as `npm run serve` (escape policy included), so tests can send it hostile bytes
// over real sockets and see whether the *process* survives (same pid, nothing escaped).
// Prints one JSON line {port, token, pid, sessionDir} on stdout once it listens.
// STUDIO_TEST_FAULT_DRILL=1: on SIGUSR2 the process throws from a callback and leaves a promise
// rejected, to prove the policy keeps it serving.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sourcePaths } from '../../host/testing/sourceEngine';
import { runServerProcess } from '../serverProcess';

const rendererDir =
  process.env.STUDIO_TEST_RENDERER_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
const server = await runServerProcess(
  { ...sourcePaths(), rendererDir },
  { dataDir: process.env.STUDIO_TEST_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'data-')) },
);
if (process.env.STUDIO_TEST_FAULT_DRILL === '1') {
  process.on('SIGUSR2', () => {
    setImmediate(() => {
      throw new Error('fault drill: thrown from a callback');
    });
    void Promise.reject(new Error('fault drill: rejected, never awaited'));
  });
}
process.stdout.write(
  `${JSON.stringify({ port: server.port, token: server.token, pid: process.pid, sessionDir: server.sessionDir })}\n`,
);
