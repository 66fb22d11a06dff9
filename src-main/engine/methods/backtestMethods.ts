import { z } from 'zod';
import type { BacktestResult } from '../../shared/schemas/search';
import { FitSettings } from '../../shared/schemas/model';
import type { DatasetStore } from '../datasets/datasetStore';
import { method } from '../process/methodTypes';
import { runBacktest } from '../runs/backtestJob';
import { assertFiniteInputs } from '../runs/finiteInputs';
import type { TransformStep } from '../../shared/schemas/analysis';
import { DatasetSpecSchema } from './datasetMethods';
import { backendInfo } from './backendInfo';

export function backtestMethods(store: DatasetStore) {
  return {
    'backtest:run': method(
      z.object({
        spec: DatasetSpecSchema,
        settings: FitSettings,
        folds: z.number().int().min(1),
        horizon: z.number().int().min(1),
        stride: z.number().int().min(1).optional(),
        window: z.enum(['expanding', 'sliding']),
        refit: z.enum(['scratch', 'finetune', 'none']),
        workDir: z.string(),
      }),
      async ({ spec, settings, workDir, ...params }, ctx): Promise<BacktestResult> => {
        await backendInfo();
        const dataset = await store.get(spec);
        assertFiniteInputs(dataset, [
          settings.target ?? dataset.table.columns[0]?.name ?? '',
          ...(settings.features ?? []),
        ]);
        const { transforms, ...rest } = settings;
        return runBacktest(
          dataset,
          { ...params, settings: rest, transforms: (transforms ?? []) as TransformStep[] },
          workDir,
          {
            signal: ctx.signal,
            progress: (fraction, message) => ctx.progress({ phase: 'backtest', fraction, message }),
          },
        );
      },
    ),
  };
}
