// The session's runs: list, get, delete, residuals, comparison, explanation and export.
import { StudioFailure } from '../../shared/result';
import { pipelineInputsOf, type PipelineInputs } from '../../shared/schemas/interpret';
import type { RunResult } from '../../shared/schemas/model';
import { engineCall } from '../engineCall';
import { predictionsCsv } from '../predictionsCsv';
import { modelDirOf } from '../projectBuilder';
import { exportRuns } from '../runsExport';
import type { SessionState } from '../sessionState';
import type { Handlers, HostEnvironment } from '../studioHost';

type RunChannels =
  | 'runs:list'
  | 'runs:get'
  | 'runs:delete'
  | 'runs:residuals'
  | 'runs:compare'
  | 'runs:sensitivity'
  | 'runs:export';

/** What the run handlers use of the host. */
export type RunsEnv = Pick<HostEnvironment, 'engine' | 'emit' | 'workDir'>;

export function runHandlers(env: RunsEnv, session: SessionState): Pick<Handlers, RunChannels> {
  const { datasets, runs } = session;
  return {
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
  };
}

/** A forecasting-pipeline run's inputs for explaining it, when it has them. */
function pipelineParam(run: RunResult): { pipeline?: PipelineInputs } {
  const pipeline = pipelineInputsOf(run);
  return pipeline ? { pipeline } : {};
}
