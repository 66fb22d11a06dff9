// Opens a CSV in a CLI engine session and prints progress lines to stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatasetSpec } from '../host/datasetRegistry';
import type { DatasetInfo } from '../shared/schemas/dataset';
import { CliEngine, cliPaths } from './cliEngine';
import { datasetSpecFor } from './datasetSpecFor';

export interface CliSession {
  engine: CliEngine;
  spec: DatasetSpec;
  info: DatasetInfo;
  workDir: string;
  close(): Promise<void>;
}

export async function openCliSession(file: string, quiet = false): Promise<CliSession> {
  let lastLine = 0;
  const engine = new CliEngine(cliPaths(), (p) => {
    const now = Date.now();
    if (quiet || (now - lastLine < 1000 && p.fraction !== 1)) return;
    lastLine = now;
    process.stderr.write(`${p.message}\n`);
  });
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'series-studio-cli-'));
  try {
    const spec = await datasetSpecFor(file);
    const info = await engine.call('datasets:open', { spec });
    return {
      engine,
      spec,
      info,
      workDir,
      async close() {
        await engine.dispose();
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await engine.dispose();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}
