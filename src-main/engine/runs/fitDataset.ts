// Adapts an imported dataset to the modelling engine's input, with calendar-aware future times
// from the importer's inferred step (monthly data steps by months, business days skip weekends).
import { addSteps } from '../csv/timeSteps';
import type { LoadedDataset } from '../datasets/openDataset';
import type { FitDataset } from '../model/runFit';

export function fitDatasetOf(dataset: LoadedDataset): FitDataset {
  const columns: Record<string, Float64Array> = {};
  for (const column of dataset.table.columns) columns[column.name] = column.values;
  const step = dataset.frequency.step;
  return {
    name: dataset.info.name,
    filePath: dataset.spec.path,
    time: dataset.table.time.values,
    timeFormat: dataset.table.time.format,
    columns,
    seasonalPeriod: dataset.frequency.seasonalPeriod,
    ...(step
      ? {
          nextTimes: (last: number, k: number) =>
            Array.from({ length: k }, (_, i) => addSteps(last, i + 1, step)),
        }
      : {}),
  };
}
