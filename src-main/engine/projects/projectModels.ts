// Model folders of a project live beside it in "<project file>.models/<runId>/" so a project can
// be moved or copied as one file plus one folder. The file stores them relative to its folder.
import { randomBytes } from 'node:crypto';
import { cp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectRun } from '../../shared/schemas/project';

export function projectModelsDir(projectPath: string): string {
  return `${path.resolve(projectPath)}.models`;
}

export function runModelDir(projectPath: string, runId: string): string {
  return path.join(projectModelsDir(projectPath), runId);
}

const isDir = (p: string): Promise<boolean> =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** Copies the folder via a temp name, so a half-copied model never sits under the final name. */
async function copyDir(from: string, to: string): Promise<void> {
  const staged = `${to}.${randomBytes(4).toString('hex')}.tmp`;
  await cp(from, staged, { recursive: true });
  await rm(to, { recursive: true, force: true });
  await rename(staged, to);
}

/**
 * Brings each run's model folder under the project and returns the runs with modelDir relative
 * to the project's folder. A run whose model folder has gone keeps modelDir null and a warning.
 */
export async function storeRunModels(
  projectPath: string,
  runs: readonly ProjectRun[],
): Promise<{ runs: ProjectRun[]; warnings: string[] }> {
  const base = path.dirname(path.resolve(projectPath));
  const warnings: string[] = [];
  const out: ProjectRun[] = [];
  for (const run of runs) {
    if (typeof run.modelDir !== 'string') {
      out.push({ ...run, modelDir: null });
      continue;
    }
    const source = path.resolve(base, run.modelDir);
    const dest = runModelDir(projectPath, run.id);
    if (source !== dest) {
      if (!(await isDir(source))) {
        warnings.push(
          `run ${run.id}: model folder "${source}" no longer exists; saved without the model`,
        );
        out.push({ ...run, modelDir: null });
        continue;
      }
      await copyDir(source, dest);
    }
    out.push({ ...run, modelDir: path.relative(base, dest).split(path.sep).join('/') });
  }
  return { runs: out, warnings };
}

/** The reverse on open: absolute model folders, null (and listed) where a folder is missing. */
export async function resolveRunModels(
  projectPath: string,
  runs: readonly ProjectRun[],
): Promise<{ runs: ProjectRun[]; missingModels: string[] }> {
  const base = path.dirname(path.resolve(projectPath));
  const missingModels: string[] = [];
  const out: ProjectRun[] = [];
  for (const run of runs) {
    if (typeof run.modelDir !== 'string') {
      out.push(run);
      continue;
    }
    const dir = path.resolve(base, run.modelDir);
    if (await isDir(dir)) out.push({ ...run, modelDir: dir });
    else {
      missingModels.push(run.id);
      out.push({ ...run, modelDir: null });
    }
  }
  return { runs: out, missingModels };
}
