// Report sections about the dataset: summary, series chart, ACF/PACF and stationarity tests.
import { acfChartOption, pacfChartOption } from '../../shared/charts/correlogramOption';
import { seriesChartOption } from '../../shared/charts/seriesChartOption';
import { formatTime } from '../../shared/charts/timeAxis';
import type { DatasetInfo } from '../../shared/schemas/dataset';
import { esc, figure, gridTable, keyValueTable, list, section } from './htmlText';
import { formatNumber, formatPValue } from './reportFormat';
import { REPORT_HEADINGS } from './reportSections';
import type { ReportDataset } from './reportTypes';
import { renderChartSvg } from './renderChartSvg';

const WIDTH = 700;

function sourceText(info: DatasetInfo): string {
  const s = info.source;
  // The file's name only: the folders it sits in are this machine's business.
  if (s.kind === 'path') return s.path.split(/[\\/]/).pop() ?? info.name;
  if (s.kind === 'sample') return `bundled sample ${s.name}`;
  return `uploaded file ${info.name}`;
}

function timeRange(info: DatasetInfo): string {
  if (info.firstTime === null || info.lastTime === null) return '—';
  return `${formatTime(info.firstTime, info.timeFormat)} to ${formatTime(info.lastTime, info.timeFormat)}`;
}

export function datasetSummaryHtml(info: DatasetInfo): string {
  const o = info.options;
  const numeric = info.columns.map((c) => `${c.name} (${c.missing} missing)`).join(', ');
  const table = keyValueTable([
    ['File', sourceText(info)],
    ['Name', info.name],
    ['Rows', String(info.rows)],
    ['Columns', `${info.columns.length} numeric: ${numeric}`],
    ...(info.textColumns.length
      ? ([['Text columns', info.textColumns.join(', ')]] as [string, string][])
      : []),
    ['Time column', info.timeColumn ?? '(row index)'],
    ['Time range', timeRange(info)],
    [
      'Frequency',
      `${info.frequency}, seasonal period ${info.seasonalPeriod}. ${info.frequencyExplanation}`,
    ],
    [
      'Parsing',
      `delimiter "${o.delimiter}", decimal "${o.decimal}", ${o.encoding}, header ${o.header ? 'yes' : 'no'}, time format ${o.timeFormat}`,
    ],
  ]);
  const choices = info.appliedChoices.length
    ? `<h3>Import choices and missing-value handling</h3>${list(info.appliedChoices)}`
    : '<p class="note">No import choices were needed.</p>';
  const warnings = info.warnings.length ? `<h3>Warnings</h3>${list(info.warnings)}` : '';
  return section(REPORT_HEADINGS.dataset, table + choices + warnings);
}

export function seriesHtml(data: ReportDataset): string {
  if (!data.series) return '';
  const svg = renderChartSvg(
    seriesChartOption({ window: data.series, zoom: false, animation: false }),
    WIDTH,
    300,
  );
  const note = data.series.downsampled
    ? `${data.series.totalPoints} points shown as ${data.series.x.length} (${data.series.method}).`
    : undefined;
  return section(REPORT_HEADINGS.series, figure(svg, note));
}

export function correlogramHtml(data: ReportDataset): string {
  const a = data.analysis;
  if (!a) return '';
  const acf = renderChartSvg(
    acfChartOption(a.acf, { captions: false, animation: false }),
    340,
    220,
  );
  const pacf = renderChartSvg(
    pacfChartOption(a.pacf, { captions: false, animation: false }),
    340,
    220,
  );
  const transforms = a.transforms.length ? a.transforms.join(' → ') : 'none';
  const intro = `<p>Column <strong>${esc(a.column)}</strong>, n = ${a.n}, ${a.nlags} lags, transforms: ${esc(transforms)}.</p>`;
  return section(
    REPORT_HEADINGS.correlogram,
    `${intro}<div class="charts">${figure(acf, `ACF — ${a.acf.method}`)}${figure(pacf, `PACF — ${a.pacf.label}`)}</div>`,
  );
}

export function stationarityHtml(data: ReportDataset): string {
  const a = data.analysis;
  if (!a) return '';
  const rows: string[][] = [];
  if (a.adf)
    rows.push([
      a.labels.adf,
      formatNumber(a.adf.statistic),
      formatPValue(a.adf.pValue),
      a.adf.verdict,
    ]);
  if (a.kpss) {
    const clipped = a.kpss.pValueClipped
      ? ` (p ${a.kpss.pValueClipped === 'below' ? 'below' : 'above'} the table)`
      : '';
    rows.push([
      a.labels.kpss,
      formatNumber(a.kpss.statistic),
      formatPValue(a.kpss.pValue) + clipped,
      a.kpss.verdict,
    ]);
  }
  if (a.ljungBox) {
    rows.push([
      a.labels.ljungBox,
      formatNumber(a.ljungBox.statistic),
      formatPValue(a.ljungBox.pValue),
      a.ljungBox.verdict,
    ]);
  }
  const table = rows.length
    ? gridTable(['Test', 'Statistic', 'p-value', 'Verdict'], rows, false)
    : '<p class="note">Too few observations for the tests.</p>';
  const hints = a.hints.length ? `<h3>Hints</h3>${list(a.hints)}` : '';
  return section(REPORT_HEADINGS.stationarity, table + hints + list(a.notes));
}
