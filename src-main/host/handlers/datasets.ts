// Datasets and exploration: samples, sniffing and opening a CSV, and the dataset-bound analyses
// (series windows, diagnostics, STL, transforms, model defaults), which carry the dataset's spec.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { EngineParams, EngineResult } from '../../shared/engineMethods';
import { datasetIdFor, type DatasetSpec } from '../datasetRegistry';
import { engineCall } from '../engineCall';
import { fileHash } from '../projectBuilder';
import type { SessionState } from '../sessionState';
import type { Handlers, HostEnvironment, JobScope } from '../studioHost';

/** Engine methods that take a dataset's spec in place of the contract request's datasetId. */
type DatasetMethod =
  | 'datasets:series'
  | 'analysis:diagnostics'
  | 'analysis:stl'
  | 'analysis:transform'
  | 'model:defaults';

type DatasetChannels =
  'datasets:samples' | 'datasets:sniff' | 'datasets:open' | 'datasets:close' | DatasetMethod;

/** What the dataset handlers use of the host. */
export type DatasetEnv = Pick<
  HostEnvironment,
  'engine' | 'emit' | 'files' | 'resourcesDir' | 'onFileUsed'
>;

export function datasetHandlers(
  env: DatasetEnv,
  session: SessionState,
): Pick<Handlers, DatasetChannels> {
  const { datasets } = session;
  const samplesDir = path.join(env.resourcesDir, 'datasets');

  /** Dataset-bound calls carry the dataset's spec so a restarted engine can rebuild it. */
  const withDataset =
    <M extends DatasetMethod>(engineMethod: M) =>
    (
      request: Omit<EngineParams<M>, 'spec'> & { datasetId: string },
      job: JobScope,
    ): Promise<EngineResult<M>> =>
      engineCall(
        env,
        engineMethod,
        { ...request, spec: datasets.spec(request.datasetId) } as EngineParams<M>,
        job,
      );

  return {
    'datasets:samples': async () => {
      const names = (await fs.readdir(samplesDir)).filter((n) => n.endsWith('.csv')).sort();
      return Promise.all(
        names.map(async (name) => ({
          name,
          sizeBytes: (await fs.stat(path.join(samplesDir, name))).size,
        })),
      );
    },
    'datasets:sniff': async (request, job) => {
      const file = await env.files.resolve(request.source);
      return engineCall(
        env,
        'datasets:sniff',
        { path: file.path, name: file.name, overrides: request.overrides ?? {} },
        job,
      );
    },
    'datasets:open': async (request, job) => {
      const file = await env.files.resolve(request.source);
      // The same content opened again is the same dataset; a fix-up replaces the one it fixes.
      const { sha256 } = await fileHash(env, session, file.path, job);
      const spec: DatasetSpec = {
        datasetId: datasetIdFor(file, request.options, request.choices, sha256),
        source: request.source,
        path: file.path,
        name: file.name,
        options: request.options ?? null,
        choices: request.choices ?? {},
      };
      const info = await engineCall(env, 'datasets:open', { spec }, job);
      datasets.put(spec, info, sha256);
      session.dirty = true;
      if (request.source.kind === 'path') env.onFileUsed?.(file.path, 'csv');
      return info;
    },
    'datasets:close': async ({ datasetId }) => {
      const closed = datasets.close(datasetId);
      if (closed) session.dirty = true;
      return { closed };
    },
    'datasets:series': withDataset('datasets:series'),
    'analysis:diagnostics': withDataset('analysis:diagnostics'),
    'analysis:stl': withDataset('analysis:stl'),
    'analysis:transform': withDataset('analysis:transform'),
    'model:defaults': withDataset('model:defaults'),
  };
}
