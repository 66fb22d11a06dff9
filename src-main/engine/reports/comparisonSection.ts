// Run comparison: overlaid loss curves and predictions, a metrics table and the DM verdict.
import { epochPoints, gapsAsNaN } from '../../shared/charts/jsonNumbers';
import { runsComparisonOption } from '../../shared/charts/runsComparisonOption';
import type { TimeFormat } from '../../shared/schemas/dataset';
import { esc, figure, gridTable, keyValueTable, section } from './htmlText';
import { formatNumber, formatPValue } from './reportFormat';
import { REPORT_HEADINGS } from './reportSections';
import type { ReportComparison, ReportRun } from './reportTypes';
import { renderChartSvg } from './renderChartSvg';
import { METRIC_ROWS } from './runTables';

function stepOne(r: ReportRun): { times: number[]; values: number[] } {
  const t = r.run.test;
  const keep = (_: unknown, i: number): boolean => i % t.horizon === 0;
  return { times: t.times.filter(keep), values: gapsAsNaN(t.predicted.filter(keep)) };
}

export function comparisonHtml(
  runs: readonly ReportRun[],
  labels: readonly string[],
  comparison: ReportComparison | undefined,
  timeFormat: TimeFormat,
): string {
  const named = runs.map((r, i) => ({
    name: labels[i] ?? r.run.id,
    epochs: epochPoints(r.run.epochs),
    predictions: stepOne(r),
  }));
  const first = runs[0];
  const loss = runsComparisonOption({ mode: 'loss', runs: named });
  const predictions = runsComparisonOption({
    mode: 'predictions',
    runs: named,
    timeFormat,
    ...(first
      ? {
          actual: {
            times: stepOne(first).times,
            values: first.run.test.actual.filter((_, i) => i % first.run.test.horizon === 0),
          },
        }
      : {}),
  });
  const header = ['Run', ...METRIC_ROWS.map(([n]) => n)];
  const rows = runs.map((r, i) => [
    labels[i] ?? r.run.id,
    ...METRIC_ROWS.map(([, get]) => formatNumber(get(r.run.metrics))),
  ]);
  let dm = '';
  if (comparison?.dm) {
    const d = comparison.dm;
    const label = (id: string): string => labels[runs.findIndex((r) => r.run.id === id)] ?? id;
    dm =
      `<h3>Diebold-Mariano test</h3>` +
      keyValueTable([
        ['Runs', `${label(d.runA)} vs ${label(d.runB)}`],
        ['Statistic', formatNumber(d.statistic)],
        ['p-value', formatPValue(d.pValue)],
        [
          'Setup',
          `h = ${d.h}, ${d.power === 2 ? 'squared' : 'absolute'}-error loss, ${d.alternative}, n = ${d.n}`,
        ],
      ]) +
      `<p><strong>${esc(d.verdict)}</strong></p>` +
      (d.note ? `<p class="note">${esc(d.note)}</p>` : '');
  }
  return section(
    REPORT_HEADINGS.comparison,
    figure(renderChartSvg(loss, 700, 240), 'Loss per epoch (dashed: validation).') +
      figure(renderChartSvg(predictions, 700, 260), 'One-step-ahead test predictions.') +
      gridTable(header, rows) +
      dm,
  );
}
