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
import type { ReportGroup, ReportInput, ReportRun } from './reportTypes';
import { actualVsPredictedHtml, residualsHtml, sensitivityHtml, trainingHtml } from './runCharts';
import { backendHtml, metricsHtml, runConfigHtml } from './runTables';

export function runLabel(r: ReportRun): string {
  const c = r.run.config;
  return (
    r.label ??
    `${c.cell.toUpperCase()} ${c.layers} × ${c.units}, lookback ${c.lookback}, horizon ${c.horizon}`
  );
}

function runHtml(r: ReportRun, on: (s: ReportSection) => boolean, timeFormat: TimeFormat): string {
  const parts = [
    on('runConfig') ? runConfigHtml(r.run) : '',
    on('backend') ? backendHtml(r.run) : '',
    on('training') ? trainingHtml(r) : '',
    on('metrics') ? metricsHtml(r) : '',
    on('actualVsPredicted') ? actualVsPredictedHtml(r, timeFormat) : '',
    on('residuals') ? residualsHtml(r) : '',
    on('sensitivity') ? sensitivityHtml(r, timeFormat) : '',
  ].join('');
  if (!parts) return '';
  const when = r.run.createdAt ? new Date(r.run.createdAt) : null;
  const created =
    when && Number.isFinite(when.getTime())
      ? ` <span class="note">(trained ${esc(formatReportDate(when))})</span>`
      : '';
  return `<article class="run"><h2>Run: ${esc(runLabel(r))}${created}</h2>${parts}</article>`;
}

function groupsOf(input: ReportInput): readonly ReportGroup[] {
  if (input.groups) return input.groups;
  const runs = input.runs ?? [];
  return [
    {
      ...(input.dataset ? { dataset: input.dataset } : {}),
      name: input.dataset?.info.name ?? runs[0]?.run.dataset.name ?? '',
      runs,
    },
  ];
}

const DATASET_SECTIONS: readonly ReportSection[] = [
  'dataset',
  'series',
  'correlogram',
  'stationarity',
];

export function buildReportHtml(input: ReportInput): string {
  const chosen = new Set<ReportSection>(input.sections ?? REPORT_SECTIONS);
  const on = (s: ReportSection): boolean => chosen.has(s);
  const groups = groupsOf(input);
  const several = groups.length > 1;
  const body: string[] = [];
  if (on('title')) {
    body.push(
      `<header><p class="kicker">${esc(REPORT_HEADINGS.title)}</p><h1>${esc(input.title)}</h1>` +
        `<p class="date">${esc(formatReportDate(input.date ?? new Date()))}</p></header>`,
    );
  }
  if (several) {
    const names = groups.map(
      (g) => `${g.name} (${g.runs.length} run${g.runs.length === 1 ? '' : 's'})`,
    );
    body.push(
      `<p>Runs on ${groups.length} datasets, each section with its own dataset: ${esc(names.join(', '))}.</p>`,
    );
  }
  const dm = input.comparison?.dm;
  groups.forEach((g, gi) => {
    const data = g.dataset;
    const timeFormat: TimeFormat =
      data?.info.timeFormat ??
      (g.runs[0]?.run.dataset.timeFormat as TimeFormat | undefined) ??
      'index';
    if (several)
      body.push(`<h1 class="dataset-title${gi > 0 ? ' next' : ''}">Dataset: ${esc(g.name)}</h1>`);
    if (data) {
      if (on('dataset')) body.push(datasetSummaryHtml(data.info));
      if (on('series')) body.push(seriesHtml(data));
      if (on('correlogram')) body.push(correlogramHtml(data));
      if (on('stationarity')) body.push(stationarityHtml(data));
    } else if (g.runs.length > 0 && DATASET_SECTIONS.some(on)) {
      body.push(
        `<p class="note">The dataset these runs were trained on (${esc(g.name)}) is not open, so its summary, series and tests are left out; open it and export again to include them.</p>`,
      );
    }
    for (const r of g.runs) body.push(runHtml(r, on, timeFormat));
    const ids = new Set(g.runs.map((r) => r.run.id));
    const groupDm = dm && ids.has(dm.runA) && ids.has(dm.runB) ? { dm } : undefined;
    if (on('comparison') && (g.runs.length > 1 || groupDm)) {
      body.push(
        `<article class="run">${comparisonHtml(g.runs, g.runs.map(runLabel), groupDm, timeFormat)}</article>`,
      );
    }
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // No network, no scripts: the document must stand alone.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(input.title)}</title><style>${REPORT_CSS}</style></head>`,
    `<body>${body.join('\n')}</body></html>`,
  ].join('\n');
}
