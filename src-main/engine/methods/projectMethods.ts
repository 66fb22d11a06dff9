import { StudioFailure } from '../../shared/result';
import { AtomicWriteError } from '../fsAtomic/atomicWriteError';
import type { HandlersFor } from '../process/methodTypes';
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

export function projectMethods(): HandlersFor<
  'project:hash' | 'project:save' | 'project:open' | 'project:recovery'
> {
  return {
    'project:hash': async ({ path }, ctx) => hashFile(path, ctx.signal),
    'project:save': ({ path, project, modelRoots }) =>
      asStudioFailure(() =>
        saveProject(path, project, modelRoots === undefined ? {} : { modelRoots }),
      ),
    'project:open': ({ path }) => asStudioFailure(() => openProject(path)),
    'project:recovery': async (params) =>
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
  };
}
