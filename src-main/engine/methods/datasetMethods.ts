import { sniffCsv } from '../csv/sniffCsv';
import type { DatasetStore } from '../datasets/datasetStore';
import { throttledProgress, type HandlersFor } from '../process/methodTypes';
import { seriesWindow } from '../series/seriesWindow';

export function datasetMethods(
  store: DatasetStore,
): HandlersFor<'datasets:sniff' | 'datasets:open' | 'datasets:series'> {
  return {
    'datasets:sniff': async (params) => sniffCsv(params.path, params.overrides),
    'datasets:open': async ({ spec }, ctx) => {
      const report = throttledProgress(ctx);
      const dataset = await store.open(spec, {
        signal: ctx.signal,
        onProgress: (p) =>
          report({
            phase: 'import',
            fraction: p.totalBytes > 0 ? p.bytesRead / p.totalBytes : null,
            message: `Read ${p.rows.toLocaleString('en')} rows`,
            detail: {
              kind: 'import',
              bytesRead: p.bytesRead,
              totalBytes: p.totalBytes,
              rows: p.rows,
            },
          }),
      });
      return dataset.info;
    },
    'datasets:series': async (params) => {
      const dataset = await store.get(params.spec);
      return seriesWindow(dataset, params);
    },
  };
}
