import { z } from 'zod';
import { ReportSection } from '../../shared/schemas/projectChannels';
import { SensitivityResult } from '../../shared/schemas/interpret';
import { RunResult } from '../../shared/schemas/model';
import type { DatasetStore } from '../datasets/datasetStore';
import { method } from '../process/methodTypes';
import { buildReportHtml } from '../reports/buildReportHtml';
import { htmlToPdf } from '../reports/htmlToPdf';
import { buildReportInput } from '../runs/reportInput';
import { DatasetSpecSchema } from './datasetMethods';

export function reportMethods(store: DatasetStore) {
  return {
    'reports:html': method(
      z.object({
        title: z.string(),
        spec: DatasetSpecSchema.nullable(),
        column: z.string().nullable(),
        runs: z.array(RunResult),
        sensitivities: z.record(z.string(), SensitivityResult),
        sections: z.array(ReportSection),
      }),
      async (params, ctx): Promise<{ html: string }> => {
        ctx.progress({ phase: 'report', fraction: 0.1, message: 'Gathering the report…' });
        const dataset = params.spec ? await store.get(params.spec) : null;
        const input = buildReportInput({ ...params, dataset });
        ctx.progress({ phase: 'report', fraction: 0.4, message: 'Rendering charts…' });
        return { html: buildReportHtml(input) };
      },
    ),
    'reports:pdf': method(
      z.object({ html: z.string(), outPath: z.string() }),
      async ({ html, outPath }, ctx) => {
        ctx.progress({ phase: 'report', fraction: 0.7, message: 'Printing the PDF…' });
        await htmlToPdf(html, outPath, { signal: ctx.signal });
        return { outPath };
      },
    ),
  };
}
