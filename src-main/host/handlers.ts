import { promises as fs } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { StudioFailure } from '../shared/result';
import { datasetIdFor, type DatasetSpec } from './datasetRegistry';
import { fileHash, modelDirOf } from './projectBuilder';
import { projectHandlers } from './projectHandlers';
import type { SessionState } from './sessionState';
import { engineCall } from './engineCall';
import type { EngineParams, EngineResult } from '../shared/engineMethods';
import type { RunOrigin } from './runRegistry';
import { exportRuns } from './runsExport';
import { predictionsCsv } from './predictionsCsv';
import { storeUploadText } from './uploads';
import { runSearch } from './searchRunner';
import type { RunResult } from '../shared/schemas/model';
import { pipelineInputsOf, type PipelineInputs } from '../shared/schemas/interpret';
import type { Handlers, HostEnvironment, JobScope } from './studioHost';

export const sampleDatasetName = 'AirPassengers.csv';

/** Engine methods that take a dataset's spec in place of the contract request's datasetId. */
type DatasetMethod =
  | 'datasets:series'
  | 'analysis:diagnostics'
  | 'analysis:stl'
  | 'analysis:transform'
  | 'model:defaults';

export function createHandlers(
  env: HostEnvironment,
  session: SessionState,
  cancelJob: (jobId: string) => boolean,
): Handlers {
  const { datasets, runs } = session;
  const samplesDir = path.join(env.resourcesDir, 'datasets');
  const addRun = (run: RunResult, origin: RunOrigin): void => {
    runs.add(run, origin);
    session.dirty = true;
  };

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
    'app:info': async (_request, job) => {
      const backend = await engineCall(env, 'engine:backend', {}, job);
      return {
        name: 'Series Studio',
        version: env.version,
        mode: env.mode,
        platform: `${os.platform()} ${os.arch()}`,
        versions: Object.fromEntries(
          Object.entries(process.versions).filter((e): e is [string, string] => e[1] !== undefined),
        ),
        backend,
        sampleDataset: sampleDatasetName,
      };
    },
    'session:state': async () => ({
      title: session.title,
      path: session.projectPath,
      datasets: datasets.list().map((d) => d.info),
    }),
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
    'datasets:series': withDataset('datasets:series'),
    'analysis:diagnostics': withDataset('analysis:diagnostics'),
    'analysis:stl': withDataset('analysis:stl'),
    'analysis:transform': withDataset('analysis:transform'),
    'model:defaults': withDataset('model:defaults'),
    'model:fit': async (request, job) => {
      const run = await engineCall(
        env,
        'model:fit',
        {
          spec: datasets.spec(request.datasetId),
          settings: request.settings,
          workDir: env.workDir,
        },
        job,
      );
      if (run.stoppedReason !== 'cancelled' || run.epochs.length > 0) addRun(run, 'fit');
      return run;
    },
    'runs:list': async () => runs.list(),
    'runs:get': async ({ runId }) => runs.get(runId),
    'runs:delete': async ({ runId }, job) => {
      session.dirty = true;
      const run = runs.get(runId);
      session.sensitivities.delete(runId);
      await engineCall(env, 'runs:delete', { modelDir: modelDirOf(env, run) }, job).catch(
        () => undefined,
      );
      return { deleted: runs.remove(runId) };
    },
    'runs:residuals': async ({ runId, horizonStep }, job) =>
      engineCall(env, 'runs:residuals', { run: runs.get(runId), horizonStep }, job),
    'runs:compare': async ({ runA, runB, loss, h, alternative }, job) => {
      const a = runs.get(runA);
      const b = runs.get(runB);
      return engineCall(env, 'runs:compare', { a, b, loss, h: h ?? 1, alternative }, job);
    },
    'runs:sensitivity': async ({ runId, jobId: _jobId, ...params }, job) => {
      const run = runs.get(runId);
      const result = await engineCall(
        env,
        'runs:sensitivity',
        {
          spec: datasets.spec(run.datasetId),
          runId,
          config: run.config,
          modelDir: modelDirOf(env, run),
          ...pipelineParam(run),
          params,
        },
        job,
      );
      session.sensitivities.set(runId, result);
      return result;
    },
    'runs:export': async ({ format, runId, forecastFrom }) => {
      if (format !== 'predictions')
        return exportRuns(
          runs.all().map((e) => e.run),
          format,
        );
      if (!runId)
        throw new StudioFailure('invalid-request', 'Choose the run whose predictions to export.');
      const run = runs.get(runId);
      return {
        fileName: `${run.dataset.name.replace(/\.\w+$/, '')}-${run.id}-predictions.csv`,
        mimeType: 'text/csv',
        content: predictionsCsv(run, forecastFrom),
      };
    },
    'search:run': async (request, job) => {
      const spec = datasets.spec(request.datasetId);
      const result = await runSearch(
        {
          mode: request.mode,
          base: request.base,
          grid: request.grid,
          budget: request.budget,
          seed: request.seed,
        },
        {
          signal: job.signal,
          fit: async (settings, trial) => {
            const run = await engineCall(
              env,
              'model:fit',
              { spec, settings, workDir: env.workDir },
              job,
              `Trial ${trial.index + 1}/${trial.total}`,
            );
            if (run.stoppedReason !== 'cancelled') addRun(run, 'search');
            return run;
          },
        },
      );
      if (result.bestRunId) runs.markBest(result.bestRunId);
      return result;
    },
    'backtest:run': async ({ jobId: _jobId, datasetId, ...params }, job) =>
      engineCall(
        env,
        'backtest:run',
        { ...params, spec: datasets.spec(datasetId), workDir: env.workDir },
        job,
      ),
    ...projectHandlers(env, session),
    'jobs:cancel': async (request) => ({ cancelled: cancelJob(request.jobId) }),
    'uploads:create': async ({ name, text }) => storeUploadText(env.files.uploadsDir, name, text),
    'dialog:openCsv': async () => {
      if (!env.desktop)
        throw new StudioFailure('unavailable', 'File dialogs exist only in the desktop app.');
      const chosen = await env.desktop.openCsvDialog();
      if (chosen !== null) env.files.allow(chosen);
      return { path: chosen };
    },
  };
}

/** A forecasting-pipeline run's inputs for explaining it, when it has them. */
function pipelineParam(run: RunResult): { pipeline?: PipelineInputs } {
  const pipeline = pipelineInputsOf(run);
  return pipeline ? { pipeline } : {};
}
