import { z } from 'zod';
import { FileSource } from '../../shared/schemas/common';
import {
  ImportChoices,
  ParseOptions,
  SeriesRequest,
  type SeriesWindow,
} from '../../shared/schemas/dataset';
import { sniffCsv } from '../csv/sniffCsv';
import type { DatasetStore } from '../datasets/datasetStore';
import { method, throttledProgress } from '../process/methodTypes';
import { seriesWindow } from '../series/seriesWindow';

export const DatasetSpecSchema = z.object({
  datasetId: z.string(),
  source: FileSource,
  path: z.string(),
  name: z.string(),
  options: ParseOptions.nullable(),
  choices: ImportChoices,
});

export function datasetMethods(store: DatasetStore) {
  return {
    'datasets:sniff': method(
      z.object({ path: z.string(), name: z.string(), overrides: ParseOptions.partial() }),
      async (params) => sniffCsv(params.path, params.overrides),
    ),
    'datasets:open': method(z.object({ spec: DatasetSpecSchema }), async ({ spec }, ctx) => {
      const report = throttledProgress(ctx);
      const dataset = await store.open(spec, {
        signal: ctx.signal,
        onProgress: (p) =>
          report({
            phase: 'import',
            fraction: p.totalBytes > 0 ? p.bytesRead / p.totalBytes : null,
            message: `Read ${p.rows.toLocaleString('en')} rows`,
            detail: { ...p },
          }),
      });
      return dataset.info;
    }),
    'datasets:series': method(
      SeriesRequest.extend({ spec: DatasetSpecSchema }),
      async (params): Promise<SeriesWindow> => {
        const dataset = await store.get(params.spec);
        return seriesWindow(dataset, params);
      },
    ),
  };
}
