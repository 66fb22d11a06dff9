// One self-contained HTML document: inline CSS and SVG, no scripts, no external resources, so it
// prints to the same PDF anywhere and can be opened offline.
import type { TimeFormat } from '../../shared/schemas/dataset';
import { comparisonHtml } from './comparisonSection';
import {
  correlogramHtml,
  datasetSummaryHtml,
  seriesHtml,
  stationarityHtml,
} from './datasetSections';
import { esc } from './htmlText';
import { formatReportDate } from './reportFormat';
import { REPORT_HEADINGS, REPORT_SECTIONS, type ReportSection } from './reportSections';
import { REPORT_CSS } from './reportStyles';
import type { ReportInput, ReportRun } from './reportTypes';
import { actualVsPredictedHtml, residualsHtml, sensitivityHtml, trainingHtml } from './runCharts';
import { backendHtml, metricsHtml, runConfigHtml } from './runTables';

export function runLabel(r: ReportRun): string {
  return r.label ?? `${r.run.config.cell.toUpperCase()} ${r.run.id.slice(0, 8)}`;
}

function runHtml(r: ReportRun, on: (s: ReportSection) => boolean, timeFormat: TimeFormat): string {
  const parts = [
    on('runConfig') ? runConfigHtml(r.run) : '',
    on('backend') ? backendHtml(r.run) : '',
    on('training') ? trainingHtml(r) : '',
    on('metrics') ? metricsHtml(r.run) : '',
    on('actualVsPredicted') ? actualVsPredictedHtml(r, timeFormat) : '',
    on('residuals') ? residualsHtml(r) : '',
    on('sensitivity') ? sensitivityHtml(r, timeFormat) : '',
  ].join('');
  if (!parts) return '';
  const created = r.run.createdAt ? ` <span class="note">(${esc(r.run.createdAt)})</span>` : '';
  return `<article class="run"><h2>Run: ${esc(runLabel(r))}${created}</h2>${parts}</article>`;
}

export function buildReportHtml(input: ReportInput): string {
  const chosen = new Set<ReportSection>(input.sections ?? REPORT_SECTIONS);
  const on = (s: ReportSection): boolean => chosen.has(s);
  const runs = input.runs ?? [];
  const data = input.dataset;
  const timeFormat: TimeFormat =
    data?.info.timeFormat ?? (runs[0]?.run.dataset.timeFormat as TimeFormat | undefined) ?? 'index';
  const body: string[] = [];
  if (on('title')) {
    body.push(
      `<header><p class="kicker">${esc(REPORT_HEADINGS.title)}</p><h1>${esc(input.title)}</h1>` +
        `<p class="date">${esc(formatReportDate(input.date ?? new Date()))}</p></header>`,
    );
  }
  if (data) {
    if (on('dataset')) body.push(datasetSummaryHtml(data.info));
    if (on('series')) body.push(seriesHtml(data));
    if (on('correlogram')) body.push(correlogramHtml(data));
    if (on('stationarity')) body.push(stationarityHtml(data));
  }
  for (const r of runs) body.push(runHtml(r, on, timeFormat));
  if (on('comparison') && (runs.length > 1 || input.comparison?.dm)) {
    body.push(
      `<article class="run">${comparisonHtml(runs, runs.map(runLabel), input.comparison, timeFormat)}</article>`,
    );
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // No network, no scripts: the document must stand alone.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(input.title)}</title><style>${REPORT_CSS}</style></head>`,
    `<body>${body.join('\n')}</body></html>`,
  ].join('\n');
}
