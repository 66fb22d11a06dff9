// Builds the .seriesstudio document from the session (datasets with their content hashes, runs
// with their model folders) and restores a session from one.
import { readFile, stat } from 'node:fs/promises';
import {
  PROJECT_FORMAT,
  PROJECT_SCHEMA_VERSION,
  type ExploreState,
  type Project,
} from '../shared/schemas/project';
import type { HostEnvironment, JobScope } from './studioHost';
import type { SessionState } from './sessionState';
import { engineCall } from './engineCall';
import path from 'node:path';

export function modelDirOf(
  env: Pick<HostEnvironment, 'workDir'>,
  run: { id: string; modelDir?: unknown },
): string {
  return typeof run.modelDir === 'string' ? run.modelDir : path.join(env.workDir, 'models', run.id);
}

/** The file's sha256, computed by the engine once per version of the file (path, size, mtime). */
export async function fileHash(
  env: Pick<HostEnvironment, 'engine' | 'emit'>,
  session: SessionState,
  file: string,
  job: JobScope,
): Promise<{ sha256: string; sizeBytes: number }> {
  const { size, mtimeMs } = await stat(file);
  const key = `${file}\0${size}\0${mtimeMs}`;
  const known = session.fileHashes.get(key);
  if (known) return known;
  const hash = await engineCall(env, 'project:hash', { path: file }, job);
  session.fileHashes.set(key, hash);
  return hash;
}

export async function buildProject(
  env: Pick<HostEnvironment, 'engine' | 'emit' | 'version' | 'workDir'>,
  session: SessionState,
  options: {
    title: string;
    explore: Record<string, ExploreState>;
    embedCsv: boolean;
    /** The datasets the page shows (default: every listed one); runs' datasets are kept too. */
    datasetIds?: string[] | undefined;
  },
  job: JobScope,
): Promise<Project> {
  const datasets = [];
  const runDatasets = session.runs.all().map(({ run }) => run.datasetId);
  for (const { spec, info } of session.datasets.forSave(options.datasetIds, runDatasets)) {
    const hash = await fileHash(env, session, spec.path, job);
    datasets.push({
      datasetId: spec.datasetId,
      name: spec.name,
      path: spec.path,
      sha256: hash.sha256,
      sizeBytes: hash.sizeBytes,
      options: info.options,
      choices: spec.choices,
      ...(options.embedCsv ? { embeddedCsv: await readFile(spec.path, 'utf8') } : {}),
    });
  }
  return {
    format: PROJECT_FORMAT,
    schemaVersion: PROJECT_SCHEMA_VERSION,
    savedAt: new Date().toISOString(),
    appVersion: env.version,
    title: options.title,
    datasets,
    explore: options.explore,
    runs: session.runs
      .all()
      .map(({ run, origin, best }) => ({ ...run, modelDir: modelDirOf(env, run), origin, best })),
    collections: session.collections.all().map(({ spec }) => ({
      collectionId: spec.collectionId,
      name: spec.name,
      path: spec.path,
      sha256: spec.sha256,
      sizeBytes: spec.sizeBytes,
      layout: spec.layout,
    })),
    collectionRuns: session.collections.runs(),
    // Explanations of the saved runs, so a reopened project shows them and reports them.
    explanations: Object.fromEntries(
      session.runs.all().flatMap(({ run }) => {
        const explanation = session.sensitivities.get(run.id);
        return explanation ? [[run.id, explanation]] : [];
      }),
    ),
  };
}
