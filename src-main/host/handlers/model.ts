// Training: one fit, a search (the host loops over fits, each becomes a run) and a backtest (the
// engine runs the folds).
import type { RunResult } from '../../shared/schemas/model';
import { engineCall } from '../engineCall';
import type { RunOrigin } from '../runRegistry';
import { runSearch } from '../searchRunner';
import type { SessionState } from '../sessionState';
import type { Handlers, HostEnvironment } from '../studioHost';

/** What the training handlers use of the host. */
export type ModelEnv = Pick<HostEnvironment, 'engine' | 'emit' | 'workDir'>;

export function modelHandlers(
  env: ModelEnv,
  session: SessionState,
): Pick<Handlers, 'model:fit' | 'search:run' | 'backtest:run'> {
  const { datasets, runs } = session;
  const addRun = (run: RunResult, origin: RunOrigin): void => {
    runs.add(run, origin);
    session.dirty = true;
  };

  return {
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
  };
}
