// Save and open .seriesstudio projects. A save is atomic as a whole: new model versions are staged
// beside the project first, and the rename of the project file is the single commit point (the
// previous version is kept as .bak); old versions and leftovers are collected after it. Opening
// validates everything before it touches the disk, and then only collects leftovers of
// interrupted saves; it reports whether each dataset's CSV is still where and what it was.
import { readFile, stat } from 'node:fs/promises';
import {
  Project,
  SessionProject,
  type DatasetCheck,
  type ProjectDataset,
} from '../../shared/schemas/project';
import { atomicWriteError } from '../fsAtomic/atomicWriteError';
import { writeFileAtomic } from '../fsAtomic/writeFileAtomic';
import { hashFile } from './hashFile';
import { parseProjectText } from './parseProjectText';
import { ProjectFileError } from './projectErrors';
import {
  collectProjectGarbage,
  discardStored,
  ModelFolderError,
  projectModelsDir,
  resolveRunModels,
  storeRunModels,
  type StoreOptions,
} from './projectModels';
import path from 'node:path';

export interface SaveProjectResult {
  project: Project;
  warnings: string[];
}

export interface SaveProjectOptions extends StoreOptions {
  /** Keep the replaced version as "<file>.bak" (default true). */
  backup?: boolean;
}

export interface OpenProjectResult {
  project: SessionProject;
  datasetChecks: DatasetCheck[];
  /** Runs whose model folder is missing (their modelDir is null in project). */
  missingModels: string[];
}

export function serialiseProject(project: Project): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}

/** One save or open of a project at a time in this process, so each sees the other's result. */
const busy = new Map<string, Promise<unknown>>();

async function exclusive<T>(file: string, run: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const before = busy.get(key) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(run);
  busy.set(key, mine);
  try {
    return await mine;
  } finally {
    if (busy.get(key) === mine) busy.delete(key);
  }
}

export async function saveProject(
  file: string,
  project: SessionProject,
  options: SaveProjectOptions = {},
): Promise<SaveProjectResult> {
  const valid = SessionProject.parse(project);
  return exclusive(file, async () => {
    try {
      const models = projectModelsDir(file);
      const sources = new Set(
        valid.runs.flatMap((r) =>
          typeof r.modelDir === 'string' && path.dirname(path.resolve(r.modelDir)) === models
            ? [path.basename(r.modelDir)]
            : [],
        ),
      );
      await collectProjectGarbage(file, sources);
      const stored = await storeRunModels(file, valid.runs, options);
      const saved = Project.parse({ ...valid, runs: stored.runs });
      try {
        // The commit point: before this rename the old project (and every folder it refers to)
        // is the project; after it, the new one is.
        await writeFileAtomic(file, serialiseProject(saved), { backup: options.backup ?? true });
      } catch (e) {
        await discardStored(stored, models);
        throw e;
      }
      await stored.unlock();
      await collectProjectGarbage(file).catch(() => undefined);
      return { project: saved, warnings: stored.warnings };
    } catch (e) {
      if (e instanceof ModelFolderError || e instanceof ProjectFileError) throw e;
      throw atomicWriteError(path.resolve(file), e);
    }
  });
}

export async function readProjectFile(file: string): Promise<Project> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ProjectFileError(
        'not-found',
        file,
        `Project file "${file}" does not exist.`,
        null,
        e,
      );
    throw new ProjectFileError(
      'unreadable',
      file,
      `Cannot read "${file}" (${code ?? String(e)}).`,
      null,
      e,
    );
  }
  return parseProjectText(file, raw);
}

export async function checkDataset(d: ProjectDataset): Promise<DatasetCheck> {
  const embedded = d.embeddedCsv !== undefined;
  const result = (status: DatasetCheck['status'], actualSha256: string | null): DatasetCheck => ({
    datasetId: d.datasetId,
    status,
    path: d.path,
    embedded,
    actualSha256,
  });
  const info = await stat(d.path).catch(() => null);
  if (!info?.isFile()) return result('moved', null);
  if (info.size !== d.sizeBytes) return result('changed', null);
  try {
    const { sha256 } = await hashFile(d.path);
    return result(sha256 === d.sha256 ? 'ok' : 'changed', sha256);
  } catch {
    // Present but unreadable: the user has to point at a copy they can read.
    return result('moved', null);
  }
}

export async function openProject(file: string): Promise<OpenProjectResult> {
  return exclusive(file, async () => {
    const parsed = await readProjectFile(file);
    const { runs, missingModels } = await resolveRunModels(file, parsed.runs);
    const datasetChecks = await Promise.all(parsed.datasets.map(checkDataset));
    // Valid: now (and only now) clear what an interrupted save left beside it.
    await collectProjectGarbage(file).catch(() => undefined);
    return { project: { ...parsed, runs }, datasetChecks, missingModels };
  });
}
