// Per-run report sections made of tables: configuration, backend and timings, metrics.
import type { ForecastMetrics } from '../model/metrics';
import type { RunResult } from '../model/runResult';
import type { TransformStep } from '../transforms';
import { esc, gridTable, keyValueTable, section } from './htmlText';
import { formatNumber, formatSeconds } from './reportFormat';
import { REPORT_HEADINGS } from './reportSections';

export function describeTransform(step: TransformStep): string {
  switch (step.kind) {
    case 'log':
      return 'log';
    case 'boxcox':
      return step.lambda === null
        ? 'Box-Cox (λ estimated)'
        : `Box-Cox λ = ${formatNumber(step.lambda)}`;
    case 'diff':
      return 'difference (lag 1)';
    case 'seasonalDiff':
      return `seasonal difference (lag ${step.period})`;
  }
}

export function runConfigHtml(run: RunResult): string {
  const c = run.config;
  const s = run.split;
  const range = c.scaler === 'minmax' ? ` to [${c.featureRange[0]}, ${c.featureRange[1]}]` : '';
  const table = keyValueTable([
    ['Target', c.target],
    ['Extra inputs', c.features.length ? c.features.join(', ') : 'none'],
    ['Transforms', c.transforms.length ? c.transforms.map(describeTransform).join(' → ') : 'none'],
    ['Scaler', `${c.scaler}${range}, fitted on the training part`],
    ['Window', `lookback ${c.lookback}, horizon ${c.horizon}, stride ${c.stride}`],
    [
      'Split',
      `train rows 0–${s.valStart - 1}, validation ${s.valStart}–${s.testStart - 1}, test ${s.testStart}–${s.n - 1} (${s.trainWindows} / ${s.valWindows} / ${s.testWindows} windows)`,
    ],
    [
      'Model',
      `${c.cell.toUpperCase()} ${c.layers} × ${c.units}, ${c.activation}, dropout ${c.dropout}, recurrent dropout ${c.recurrentDropout}`,
    ],
    [
      'Training',
      `${c.optimizer} lr ${c.learningRate}, loss ${c.loss}, up to ${c.epochs} epochs, batch ${c.batchSize}, patience ${c.patience === 0 ? 'off' : c.patience}, seed ${c.seed}`,
    ],
  ]);
  return section(REPORT_HEADINGS.runConfig, table, 3);
}

export function backendHtml(run: RunResult): string {
  const t = run.timings;
  const perEpoch = t.perEpochSeconds.length
    ? t.perEpochSeconds.reduce((a, b) => a + b, 0) / t.perEpochSeconds.length
    : Number.NaN;
  const stop = run.stopMessage ? `${run.stoppedReason}: ${run.stopMessage}` : run.stoppedReason;
  const table = keyValueTable([
    ['Backend', `${run.backend.backend} — ${run.backend.detail}`],
    ['Recurrent kernel', run.kernel],
    ['Total time', formatSeconds(t.totalSeconds)],
    [
      'Training time',
      `${formatSeconds(t.trainingSeconds)} over ${run.epochs.length} epochs (${formatSeconds(perEpoch)} per epoch)`,
    ],
    ['Stopped', stop],
    ['Weights kept', run.bestEpoch === null ? 'initial' : `epoch ${run.bestEpoch + 1}`],
  ]);
  return section(REPORT_HEADINGS.backend, table, 3);
}

/** Metric rows as shown in every metrics table; values in original units. */
export const METRIC_ROWS: readonly [string, (m: ForecastMetrics) => number | null][] = [
  ['RMSE', (m) => m.rmse],
  ['MAE', (m) => m.mae],
  ['MAPE (%)', (m) => m.mape],
  ['sMAPE (%)', (m) => m.smape],
  ['MASE', (m) => m.mase],
  ['R²', (m) => m.r2],
  ['MSE', (m) => m.mse],
];

const baselineTitles: Record<string, string> = {
  naive: 'Naive',
  seasonalNaive: 'Seasonal naive',
  mean: 'Mean',
  arima: 'Auto-ARIMA',
};

export function metricsHtml(run: RunResult): string {
  // Every baseline the run carries (the studio adds auto-ARIMA when it fits), in a stable order.
  const baselines = run.baselines as unknown as Record<string, ForecastMetrics | undefined>;
  const known = Object.keys(baselineTitles);
  const names = [...known, ...Object.keys(baselines).filter((n) => !known.includes(n))];
  const columns: [string, ForecastMetrics][] = [['Model', run.metrics]];
  for (const name of names) {
    const m = baselines[name];
    if (m) columns.push([baselineTitles[name] ?? name, m]);
  }
  const rows = METRIC_ROWS.map(([name, get]) => [
    name,
    ...columns.map(([, m]) => formatNumber(get(m))),
  ]);
  const skipped =
    run.metrics.mapeSkipped > 0
      ? `<p class="note">MAPE skips ${run.metrics.mapeSkipped} zero actuals.</p>`
      : '';
  const notes = (run as unknown as { baselineNotes?: Record<string, string> }).baselineNotes ?? {};
  const missing = notes.arima && !baselines.arima ? `<p class="note">${esc(notes.arima)}</p>` : '';
  const intro = `<p>Test set: ${run.metrics.count} (window, horizon step) pairs, original units.</p>${missing}`;
  return section(
    REPORT_HEADINGS.metrics,
    intro + gridTable(['Metric', ...columns.map(([n]) => n)], rows) + skipped,
    3,
  );
}
