import type { DatasetStore } from '../datasets/datasetStore';
import type { HandlersFor } from '../process/methodTypes';
import { buildReportHtml } from '../reports/buildReportHtml';
import { htmlToPdf } from '../reports/htmlToPdf';
import { buildReportInput } from '../runs/reportInput';

export function reportMethods(store: DatasetStore): HandlersFor<'report:html' | 'report:pdf'> {
  return {
    'report:html': async (params, ctx) => {
      ctx.progress({ phase: 'report', fraction: 0.1, message: 'Gathering the report…' });
      const dataset = params.spec ? await store.get(params.spec) : null;
      // A run's dataset that no longer opens (moved file) leaves that run without dataset pages.
      const datasets = await Promise.all(
        (params.specs ?? []).map((spec) => store.get(spec).catch(() => null)),
      );
      const input = buildReportInput({
        ...params,
        dataset,
        datasets: datasets.filter((d) => d !== null),
      });
      ctx.progress({ phase: 'report', fraction: 0.4, message: 'Rendering charts…' });
      return { html: buildReportHtml(input) };
    },
    'report:pdf': async ({ html, outPath }, ctx) => {
      ctx.progress({ phase: 'report', fraction: 0.7, message: 'Printing the PDF…' });
      await htmlToPdf(html, outPath, { signal: ctx.signal });
      return { outPath };
    },
  };
}
