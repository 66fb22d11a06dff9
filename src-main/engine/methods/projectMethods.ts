import { z } from 'zod';
import { SessionProject } from '../../shared/schemas/project';
import { StudioFailure } from '../../shared/result';
import { AtomicWriteError } from '../fsAtomic/atomicWriteError';
import { method } from '../process/methodTypes';
import { hashFile } from '../projects/hashFile';
import { openProject, saveProject } from '../projects/projectFile';
import { ProjectFileError } from '../projects/projectErrors';
import { ModelFolderError } from '../projects/projectModels';
import { clearRecovery, readRecovery, recoveryPath, writeRecovery } from '../projects/recovery';

/** File problems are the user's to fix (a path, a disk): say so plainly instead of "internal". */
async function asStudioFailure<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ProjectFileError)
      throw new StudioFailure('invalid-request', error.message, { reason: error.code });
    if (error instanceof ModelFolderError)
      throw new StudioFailure('invalid-request', error.message, { reason: 'model-folder' });
    if (error instanceof AtomicWriteError)
      throw new StudioFailure('unavailable', error.message, { reason: error.code });
    throw error;
  }
}

export function projectMethods() {
  return {
    'projects:hash': method(z.object({ path: z.string() }), async ({ path }, ctx) =>
      hashFile(path, ctx.signal),
    ),
    'projects:save': method(
      z.object({
        path: z.string(),
        project: SessionProject,
        /** Folders run models may be copied from (work folder, opened projects' models). */
        modelRoots: z.array(z.string().max(4096)).max(1000).optional(),
      }),
      ({ path, project, modelRoots }) =>
        asStudioFailure(() =>
          saveProject(path, project, modelRoots === undefined ? {} : { modelRoots }),
        ),
    ),
    'projects:open': method(z.object({ path: z.string() }), ({ path }) =>
      asStudioFailure(() => openProject(path)),
    ),
    'projects:recovery': method(
      z.discriminatedUnion('action', [
        z.object({
          action: z.literal('write'),
          dir: z.string(),
          project: SessionProject,
          modelRoots: z.array(z.string().max(4096)).max(1000).optional(),
        }),
        z.object({ action: z.literal('read'), dir: z.string() }),
        z.object({ action: z.literal('clear'), dir: z.string() }),
      ]),
      async (params) =>
        asStudioFailure(async () => {
          if (params.action === 'write') {
            await writeRecovery(params.dir, params.project, params.modelRoots);
            return { path: recoveryPath(params.dir), project: null };
          }
          if (params.action === 'clear') {
            await clearRecovery(params.dir);
            return { path: recoveryPath(params.dir), project: null };
          }
          return { path: recoveryPath(params.dir), project: await readRecovery(params.dir) };
        }),
    ),
  };
}
