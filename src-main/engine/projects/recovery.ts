// Autosave for crash recovery: one file in the app's data folder, written atomically while the
// user works and removed on a clean save or exit. If it is there at start-up, the last session
// ended without saving.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Project } from '../../shared/schemas/project';
import { writeFileAtomic } from '../fsAtomic/writeFileAtomic';
import { serialiseProject, readProjectFile } from './projectFile';
import { ProjectFileError } from './projectErrors';

export function recoveryPath(dir: string): string {
  return path.join(dir, 'recovery.seriesstudio');
}

/** Model folders stay where they are (absolute paths): recovery copies no models. */
export async function writeRecovery(dir: string, project: Project): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(recoveryPath(dir), serialiseProject(Project.parse(project)), {
    backup: false,
  });
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
}
