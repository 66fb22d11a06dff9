// Per-run report sections made of charts: training curves, actual vs predicted, residual
// diagnostics and input sensitivity.
import { forecastBandsOption } from '../../shared/charts/forecastBandsOption';
import { forecasterTitle, modelTitle } from '../../shared/charts/forecasterNames';
import { lagImportanceOption } from '../../shared/charts/lagImportanceOption';
import { qqPlotOption } from '../../shared/charts/qqPlotOption';
import { residualAcfOption } from '../../shared/charts/residualAcfOption';
import { residualHistogramOption } from '../../shared/charts/residualHistogramOption';
import { residualScatterOption } from '../../shared/charts/residualScatterOption';
import { sensitivityHeatmapOption } from '../../shared/charts/sensitivityHeatmapOption';
import { epochPoints, gapsAsNaN } from '../../shared/charts/jsonNumbers';
import { trainingCurvesOption } from '../../shared/charts/trainingCurvesOption';
import type { TimeFormat } from '../../shared/schemas/dataset';
import { esc, figure, gridTable, list, section } from './htmlText';
import { formatNumber, formatPValue } from './reportFormat';
import { REPORT_HEADINGS } from './reportSections';
import type { ReportRun } from './reportTypes';
import { renderChartSvg } from './renderChartSvg';

const WIDTH = 700;
const HALF = 340;

const notComputed = (heading: string, what: string): string =>
  section(heading, `<p class="note">${what} were not computed for this run.</p>`, 3);

export function trainingHtml(r: ReportRun): string {
  const option = trainingCurvesOption({
    epochs: epochPoints(r.run.epochs),
    bestEpoch: r.run.bestEpoch,
    lossName: r.run.config.loss,
  });
  return section(REPORT_HEADINGS.training, figure(renderChartSvg(option, WIDTH, 260)), 3);
}

export function actualVsPredictedHtml(r: ReportRun, timeFormat: TimeFormat): string {
  const run = r.run;
  const test = run.test;
  const names = r.names ?? {};
  const shown = ['naive', 'seasonalNaive'] as const;
  const bands = r.bands ?? (r.interval ? [r.interval] : []);
  const option = forecastBandsOption({
    timeFormat,
    actual: r.actual ?? {
      times: test.times.filter((_, i) => i % test.horizon === 0),
      values: test.actual.filter((_, i) => i % test.horizon === 0),
    },
    test: { times: test.times, predicted: gapsAsNaN(test.predicted), horizon: test.horizon },
    modelName: modelTitle(run),
    forecastName: 'Model forecast',
    baselines: shown.flatMap((name) => {
      const values = test.baselinePredictions[name];
      return values ? [{ name: forecasterTitle(name, names), values: gapsAsNaN(values) }] : [];
    }),
    bands,
    forecast: run.forecast,
    forecastBands: r.forecastBands ?? [],
    ...(r.peers ? { peers: r.peers } : {}),
    ...(r.members ? { members: r.members } : {}),
  });
  // On paper every legend entry shows: a wrapping legend and room for its rows above the plot.
  const entries = ((option.legend as { data?: unknown[] } | undefined)?.data ?? []).length;
  const rows = Math.ceil(entries / 5);
  option.legend = {
    ...(option.legend as Record<string, unknown>),
    type: 'plain',
    left: 8,
    right: 8,
  };
  option.grid = { ...(option.grid as Record<string, unknown>), top: 16 + 22 * rows };
  const levels = [...new Set(bands.map((b) => `${Math.round(b.level * 100)}%`))].join(' and ');
  const beside = [
    r.peers?.length ? r.peers.map((p) => p.name).join(', ') : '',
    r.members ? `${r.members.paths.length} ensemble members` : '',
  ].filter(Boolean);
  const caption =
    `One-step-ahead test predictions${test.horizon > 1 ? ` (horizon ${test.horizon}: step 1 shown)` : ''}` +
    `${levels ? `, with ${levels} intervals` : ''}; dashed: forecast past the data` +
    `${beside.length ? `, beside ${beside.join(' and ')}` : ''}.` +
    (r.madeBy ? ` Forecast past the data: ${r.madeBy}.` : '');
  return section(
    REPORT_HEADINGS.actualVsPredicted,
    figure(renderChartSvg(option, WIDTH, 300 + 22 * rows), caption) + forecastTableHtml(r),
    3,
  );
}

/** The forecast past the data: date, point forecast and both intervals per step, and their method. */
export function forecastTableHtml(r: ReportRun): string {
  const table = r.forecastTable;
  if (!table || table.rows.length === 0) return '';
  const range = (lower: number | null, upper: number | null): string =>
    lower === null || upper === null
      ? 'unbounded'
      : `${formatNumber(lower)} to ${formatNumber(upper)}`;
  const rows = table.rows.map((row) => [
    row.time,
    formatNumber(row.point ?? Number.NaN),
    range(row.lower80, row.upper80),
    range(row.lower95, row.upper95),
  ]);
  const coverage = table.coverage
    .map(
      (c) =>
        `${Math.round(c.level * 100)}%: ${c.coverage === null ? '—' : `${formatNumber(c.coverage * 100)}%`}`,
    )
    .join(', ');
  const method = table.intervalMethod
    ? `<p class="note">Intervals: ${esc(table.intervalMethod)}.${coverage ? ` Coverage of the same intervals on the test part: ${esc(coverage)}.` : ''}</p>`
    : '<p class="note">No intervals: the run has no validation windows to calibrate them.</p>';
  return (
    '<h4>Forecast past the data</h4>' +
    gridTable(['Date', 'Forecast', '80% interval', '95% interval'], rows) +
    method
  );
}

export function residualsHtml(r: ReportRun): string {
  const d = r.residuals;
  if (!d) return notComputed(REPORT_HEADINGS.residuals, 'Residual diagnostics');
  const charts = [
    figure(
      renderChartSvg(
        residualHistogramOption({ ...d.histogram, title: 'Histogram and normal fit' }),
        HALF,
        220,
      ),
    ),
    figure(
      renderChartSvg(
        residualScatterOption({
          // Step 1 of every window, the same pairs as the diagnostics beside it.
          predicted: gapsAsNaN(r.run.test.predicted.filter((_, i) => i % r.run.test.horizon === 0)),
          actual: gapsAsNaN(r.run.test.actual.filter((_, i) => i % r.run.test.horizon === 0)),
          title: 'Residual vs predicted',
        }),
        HALF,
        220,
      ),
    ),
    figure(renderChartSvg(qqPlotOption({ ...d.qq, title: 'Normal Q-Q' }), HALF, 220)),
    figure(
      renderChartSvg(residualAcfOption({ values: d.acf.values, band: d.acf.band }), HALF, 220),
    ),
  ].join('');
  const rows: string[][] = [
    [
      'Mean (t-test against 0)',
      formatNumber(d.mean),
      formatNumber(d.meanZeroTTest.statistic),
      formatPValue(d.meanZeroTTest.pValue),
    ],
    [
      'Jarque-Bera',
      `skew ${formatNumber(d.jarqueBera.skewness)}, excess kurtosis ${formatNumber(d.jarqueBera.excessKurtosis)}`,
      formatNumber(d.jarqueBera.statistic),
      formatPValue(d.jarqueBera.pValue),
    ],
  ];
  if (d.ljungBox) {
    rows.push([
      `Ljung-Box (${d.ljungBox.lags} lags)`,
      `${d.acf.outsideBand} ACF lags outside the band`,
      formatNumber(d.ljungBox.statistic),
      formatPValue(d.ljungBox.pValue),
    ]);
  }
  const table = gridTable(['Check', 'Value', 'Statistic', 'p-value'], rows);
  const intro = `<p>n = ${d.n}, residual sd ${formatNumber(d.std)} (actual − predicted, test set).</p>`;
  const verdicts = list([d.verdicts.mean, d.verdicts.autocorrelation, d.verdicts.normality]);
  return section(
    REPORT_HEADINGS.residuals,
    `${intro}<div class="charts">${charts}</div>${table}${verdicts}`,
    3,
  );
}

export function sensitivityHtml(r: ReportRun, timeFormat: TimeFormat): string {
  const s = r.sensitivity;
  if (!s) return notComputed(REPORT_HEADINGS.sensitivity, 'Sensitivities');
  const names = s.featureNames ?? [r.run.config.target, ...r.run.config.features];
  const heat = sensitivityHeatmapOption({
    effect: s.result.effect,
    shape: s.result.shape,
    view: 'windows-lags',
    featureNames: names,
    ...(s.windowTimes ? { windowTimes: s.windowTimes } : {}),
    timeFormat,
    valueLabel: 'Δ forecast',
  });
  const height = Math.min(520, Math.max(200, 90 + 8 * s.result.shape.windows));
  const lags = lagImportanceOption({ meanAbsPerLag: s.result.meanAbsPerLag });
  const how =
    s.result.mode === 'plus-minus'
      ? 'central difference of a ± nudge to one input cell'
      : 'replacing one input cell by its training mean';
  const step = (s.horizonIndex ?? 0) + 1;
  const caption =
    (s.units
      ? `Step-${step} forecast: ${s.units}; rows are windows, ${names[0] ?? 'target'} shown.`
      : `Change of the step-${step} forecast (original units) from ${how}; rows are windows, ${names[0] ?? 'target'} shown.`) +
    (s.headline ? ` ${s.headline}` : '');
  return section(
    REPORT_HEADINGS.sensitivity,
    figure(renderChartSvg(heat, WIDTH, height), caption) +
      figure(renderChartSvg(lags, WIDTH, 200), 'Mean |Δ| per lag over windows and inputs.'),
    3,
  );
}
