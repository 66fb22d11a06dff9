import type { DatasetStore } from '../datasets/datasetStore';
import type { HandlersFor } from '../process/methodTypes';
import { runBacktest } from '../runs/backtestJob';
import { assertFiniteInputs } from '../runs/finiteInputs';
import { backendInfo } from './backendInfo';
import { engineRuntime } from '../kernels/trainingRuntime';

export function backtestMethods(store: DatasetStore): HandlersFor<'backtest:run'> {
  return {
    'backtest:run': async ({ spec, settings, workDir, ...params }, ctx) => {
      await backendInfo();
      const runtime = await engineRuntime();
      const dataset = await store.get(spec);
      assertFiniteInputs(dataset, [
        settings.target ?? dataset.table.columns[0]?.name ?? '',
        ...(settings.features ?? []),
      ]);
      const { transforms, ...rest } = settings;
      return runBacktest(
        dataset,
        { ...params, settings: rest, transforms: transforms ?? [] },
        workDir,
        {
          signal: ctx.signal,
          runtime,
          progress: (fraction, message) => ctx.progress({ phase: 'backtest', fraction, message }),
        },
      );
    },
  };
}
