// Autosave for crash recovery: one file in the app's data folder, written atomically while the
// user works and removed on a clean save or exit. If it is there at start-up, the last session
// ended without saving.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Project, SessionProject } from '../../shared/schemas/project';
import { readProjectFile, saveProject } from './projectFile';
import { ProjectFileError } from './projectErrors';
import { projectModelsDir } from './projectModels';

export function recoveryPath(dir: string): string {
  return path.join(dir, 'recovery.seriesstudio');
}

/**
 * Saved like any project, models included ("recovery.seriesstudio.models/"), so a recovered
 * session does not depend on the crashed session's work folder, which is cleaned up at start.
 */
export async function writeRecovery(
  dir: string,
  project: SessionProject,
  modelRoots?: readonly string[],
): Promise<{ warnings: string[] }> {
  await mkdir(dir, { recursive: true });
  const { warnings } = await saveProject(recoveryPath(dir), project, {
    backup: false,
    ...(modelRoots === undefined ? {} : { modelRoots }),
  });
  return { warnings };
}

/** null when there is nothing to recover; throws ProjectFileError if the file is unusable. */
export async function readRecovery(dir: string): Promise<Project | null> {
  try {
    return await readProjectFile(recoveryPath(dir));
  } catch (e) {
    if (e instanceof ProjectFileError && e.code === 'not-found') return null;
    throw e;
  }
}

export async function clearRecovery(dir: string): Promise<void> {
  await rm(recoveryPath(dir), { force: true });
  await rm(projectModelsDir(recoveryPath(dir)), { recursive: true, force: true });
}
