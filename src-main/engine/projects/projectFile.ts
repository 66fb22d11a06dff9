// Save and open .seriesstudio projects. Saving is atomic with a .bak of the previous version;
// opening never writes, and reports whether each dataset's CSV is still where and what it was.
import { readFile, stat } from 'node:fs/promises';
import { Project, type DatasetCheck, type ProjectDataset } from '../../shared/schemas/project';
import { writeFileAtomic } from '../fsAtomic/writeFileAtomic';
import { hashFile } from './hashFile';
import { parseProjectText } from './parseProjectText';
import { ProjectFileError } from './projectErrors';
import { resolveRunModels, storeRunModels } from './projectModels';

export interface SaveProjectResult {
  project: Project;
  warnings: string[];
}

export interface OpenProjectResult {
  project: Project;
  datasetChecks: DatasetCheck[];
  /** Runs whose model folder is missing (their modelDir is null in project). */
  missingModels: string[];
}

export function serialiseProject(project: Project): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}

export async function saveProject(file: string, project: Project): Promise<SaveProjectResult> {
  const valid = Project.parse(project);
  const { runs, warnings } = await storeRunModels(file, valid.runs);
  const saved: Project = { ...valid, runs };
  await writeFileAtomic(file, serialiseProject(saved), { backup: true });
  return { project: saved, warnings };
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
  const parsed = await readProjectFile(file);
  const { runs, missingModels } = await resolveRunModels(file, parsed.runs);
  const datasetChecks = await Promise.all(parsed.datasets.map(checkDataset));
  return { project: { ...parsed, runs }, datasetChecks, missingModels };
}
