// Training data must be complete: a missing or infinite value in a model input is refused with the
// file row and the time it belongs to, before any tensor is built.
import { StudioFailure } from '../../shared/result';
import { formatTime } from '../../shared/charts/timeAxis';
import type { LoadedDataset } from '../datasets/openDataset';

export function assertFiniteInputs(dataset: LoadedDataset, columns: string[]): void {
  const { table } = dataset;
  for (const name of columns) {
    const column = table.columns.find((c) => c.name === name);
    if (!column)
      throw new StudioFailure('not-found', `${table.fileName} has no numeric column "${name}".`);
    const bad = column.values.findIndex((v) => !Number.isFinite(v));
    if (bad < 0) continue;
    const fileRow = table.rowNumbers[bad] ?? 0;
    const when = formatTime(table.time.values[bad] ?? bad, table.time.format);
    const what = Number.isNaN(column.values[bad]) ? 'a missing value' : 'an infinite value';
    const count = column.values.reduce((n, v) => n + (Number.isFinite(v) ? 0 : 1), 0);
    throw new StudioFailure(
      'invalid-request',
      `${table.fileName}${fileRow > 0 ? ` row ${fileRow}` : ''}, column "${name}" (${when}): ${what} cannot be used for training` +
        `${count > 1 ? ` (${count} such values in the column)` : ''}. Choose how to handle missing values in the import choices (fill or drop rows), then train again.`,
      {
        column: name,
        row: fileRow,
        index: bad,
        value: Number.isNaN(column.values[bad]) ? 'missing' : 'infinite',
      },
    );
  }
}
