// Opens a CSV in a CLI engine session and prints progress lines to stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatasetSpec } from '../host/datasetRegistry';
import type { DatasetInfo } from '../shared/schemas/dataset';
import { CliEngine, cliPaths } from './cliEngine';
import { datasetSpecFor } from './datasetSpecFor';
import { missingChoices, type MissingFlag } from './missingFlag';

export interface CliSession {
  engine: CliEngine;
  spec: DatasetSpec;
  info: DatasetInfo;
  workDir: string;
  close(): Promise<void>;
}

/** What a training command chose for the target column's missing values (--missing). */
export interface TargetMissing {
  /** --target, or undefined for the dataset's first numeric column (the engine's default). */
  target: string | undefined;
  missing: MissingFlag | undefined;
}

export async function openCliSession(
  file: string,
  quiet = false,
  targetMissing?: TargetMissing,
): Promise<CliSession> {
  let lastLine = 0;
  const engine = new CliEngine(cliPaths(), (p) => {
    const now = Date.now();
    if (quiet || (now - lastLine < 1000 && p.fraction !== 1)) return;
    lastLine = now;
    process.stderr.write(`${p.message}\n`);
  });
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'series-studio-cli-'));
  try {
    let spec = await datasetSpecFor(file);
    let info: DatasetInfo | null = null;
    if (targetMissing?.missing !== undefined) {
      // The choice names its column: without --target, the first numeric column of the file as is.
      let target = targetMissing.target;
      if (target === undefined) {
        info = await engine.call('datasets:open', { spec });
        target = info.columns[0]?.name;
      }
      if (target !== undefined) {
        spec = await datasetSpecFor(file, missingChoices(target, targetMissing.missing));
        info = await engine.call('datasets:open', { spec });
        if (!quiet) for (const line of info.appliedChoices) process.stderr.write(`${line}\n`);
      }
    }
    info ??= await engine.call('datasets:open', { spec });
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
