import type { SeriesWindow } from '../../shared/schemas/dataset';
import { StudioFailure } from '../../shared/result';
import type { LoadedDataset } from '../datasets/openDataset';
import { lowerBound, minMaxIndices } from './downsample';

/** The visible part of some columns, downsampled in the engine so the renderer never gets 1M points. */
export function seriesWindow(
  dataset: LoadedDataset,
  request: {
    columns: string[];
    start?: number | undefined;
    end?: number | undefined;
    maxPoints: number;
  },
): SeriesWindow {
  const { table } = dataset;
  const columns = request.columns.map((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column)
      throw new StudioFailure('not-found', `${table.fileName} has no numeric column "${name}".`);
    return column;
  });
  const times = table.time.values;
  // Range filtering needs ascending time; unsorted data is shown whole until the analyst sorts it.
  const sorted = dataset.info.problems.every((p) => p.kind !== 'unsorted-time');
  const from = sorted && request.start !== undefined ? lowerBound(times, request.start) : 0;
  const to =
    sorted && request.end !== undefined
      ? Math.min(times.length, lowerBound(times, request.end) + 1)
      : times.length;
  const { indices, downsampled } = minMaxIndices(
    columns.map((c) => c.values),
    from,
    to,
    request.maxPoints,
  );
  const x: number[] = [];
  const series = columns.map((c) => ({ name: c.name, values: [] as (number | null)[] }));
  for (const index of indices) {
    const gap = index < 0;
    // A gap point sits between its neighbours so ECharts breaks the line there.
    x.push(gap ? (x[x.length - 1] ?? 0) : (times[index] ?? 0));
    columns.forEach((column, k) => {
      const value = gap ? Number.NaN : (column.values[index] ?? Number.NaN);
      series[k]?.values.push(Number.isFinite(value) ? value : null);
    });
  }
  return {
    datasetId: dataset.info.datasetId,
    timeFormat: table.time.format,
    x,
    series,
    totalPoints: to - from,
    downsampled,
    method: downsampled
      ? `min/max per bucket (${indices.length} of ${to - from} points)`
      : 'all points',
  };
}
