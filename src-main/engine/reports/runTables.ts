// Per-run report sections made of tables: configuration, backend and timings, metrics.
import {
  backendInWords,
  kernelInWords,
  memberThreadsInWords,
} from '../../shared/charts/backendWords';
import { forecasterRank, forecasterTitle, modelTitle } from '../../shared/charts/forecasterNames';
import type { Metrics, RunResult } from '../../shared/schemas/model';
import { esc, gridTable, keyValueTable, section } from './htmlText';
import { pEquals } from '../../shared/charts/verdictText';
import { transformLabel } from '../../shared/transformLabels';
import { formatNumber, formatSeconds } from './reportFormat';
import { REPORT_HEADINGS } from './reportSections';
import type { ReportRun } from './reportTypes';

export function runConfigHtml(run: RunResult): string {
  const c = run.config;
  const s = run.split;
  const range = c.scaler === 'minmax' ? ` to [${c.featureRange[0]}, ${c.featureRange[1]}]` : '';
  const table = keyValueTable([
    ['Target', c.target],
    ['Extra inputs', c.features.length ? c.features.join(', ') : 'none'],
    ['Transforms', c.transforms.length ? c.transforms.map(transformLabel).join(' → ') : 'none'],
    ['Scaler', c.scaler === 'none' ? 'none' : `${c.scaler}${range}, fitted on the training part`],
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

const stoppedWords: Record<string, string> = {
  completed: 'completed',
  'early-stopping': 'early stopping',
  cancelled: 'cancelled',
  'nan-loss': 'stopped, the loss was not finite',
};

/** How an ensemble's members were trained, for runs that record it. */
function memberThreadsRow(run: RunResult): [string, string][] {
  const threads = memberThreadsInWords(run.forecaster);
  if (!threads) return [];
  const note = threads.note.charAt(0).toUpperCase() + threads.note.slice(1);
  return [['Ensemble training', note]];
}

export function backendHtml(run: RunResult): string {
  const t = run.timings;
  const perEpoch = t.perEpochSeconds.length
    ? t.perEpochSeconds.reduce((a, b) => a + b, 0) / t.perEpochSeconds.length
    : Number.NaN;
  const reason = stoppedWords[run.stoppedReason] ?? run.stoppedReason;
  const stop = run.stopMessage ? `${reason}: ${run.stopMessage}` : reason;
  const members = run.forecaster?.members.length ?? 0;
  const table = keyValueTable([
    ['Backend', backendInWords(run.backend)],
    ['Recurrent kernel', kernelInWords(run.kernel)],
    ...memberThreadsRow(run),
    ['Total time', formatSeconds(t.totalSeconds)],
    [
      'Training time',
      members > 1
        ? `${formatSeconds(t.trainingSeconds)} for ${members} members (the first: ${run.epochs.length} epochs, ${formatSeconds(perEpoch)} per epoch)`
        : `${formatSeconds(t.trainingSeconds)} over ${run.epochs.length} epochs (${formatSeconds(perEpoch)} per epoch)`,
    ],
    // The epoch figures are the first member's (an ensemble's members each stop on their own).
    [members > 1 ? 'Stopped (first member)' : 'Stopped', stop],
    [
      members > 1 ? 'Weights kept (first member)' : 'Weights kept',
      run.bestEpoch === null ? 'initial' : `epoch ${run.bestEpoch + 1}`,
    ],
  ]);
  return section(REPORT_HEADINGS.backend, table, 3);
}

/** Metric rows as shown in every metrics table; values in original units. */
export const METRIC_ROWS: readonly [string, (m: Metrics) => number | null][] = [
  ['RMSE', (m) => m.rmse],
  ['MAE', (m) => m.mae],
  ['MAPE (%)', (m) => m.mape],
  ['sMAPE (%)', (m) => m.smape],
  ['MASE', (m) => m.mase],
  ['R²', (m) => m.r2],
  ['MSE', (m) => m.mse],
];

type Scores = Record<string, Metrics | undefined>;

/** Model first, then every baseline in the print order, named in words. */
function scoreColumns(r: ReportRun, model: Metrics, baselines: Scores): [string, Metrics][] {
  const names = Object.keys(baselines).sort((a, b) => forecasterRank(a) - forecasterRank(b));
  const columns: [string, Metrics][] = [[modelTitle(r.run), model]];
  for (const name of names) {
    const m = baselines[name];
    if (m) columns.push([forecasterTitle(name, r.names ?? {}), m]);
  }
  return columns;
}

function scoreTable(columns: [string, Metrics][], rows = METRIC_ROWS): string {
  const body = rows.map(([name, get]) => [name, ...columns.map(([, m]) => formatNumber(get(m)))]);
  return gridTable(['Metric', ...columns.map(([n]) => n)], body);
}

function verdictHtml(r: ReportRun): string {
  const v = r.verdict;
  if (!v) return '';
  const tone = v.outcome === 'beats' ? 'good' : v.outcome === 'loses' ? 'bad' : 'even';
  const mark = tone === 'good' ? '✓' : tone === 'bad' ? '✗' : '≈';
  const dm = v.dm
    ? `<p class="note">Diebold–Mariano test against ${esc(v.baselineLabel)}: ${v.metric === 'rmse' ? 'squared' : 'absolute'} error per test window, HLN correction, h = ${v.dm.h}, ${v.dm.n} windows, statistic ${formatNumber(v.dm.statistic)}, ${pEquals(v.dm.pValue)}.</p>`
    : '';
  return `<p class="verdict ${tone}">${mark} ${esc(v.headline)}</p>${dm}`;
}

function hStepHtml(r: ReportRun): string {
  const h = r.hStep;
  if (!h) return '';
  const rows = METRIC_ROWS.filter(([name]) => !['R²', 'MSE', 'MAPE (%)'].includes(name));
  return (
    `<h3>${h.horizon}-step forecast from one origin (the first test window)</h3>` +
    scoreTable(scoreColumns(r, h.metrics, h.baselines), rows) +
    (h.notes.length ? `<p class="note">${esc(h.notes.join(' '))}</p>` : '')
  );
}

export function metricsHtml(r: ReportRun): string {
  const run = r.run;
  // Every baseline the run carries (the studio adds ARIMA, ETS and Theta when they fit).
  const baselines: Scores = run.baselines;
  const columns = scoreColumns(r, run.metrics, baselines);
  const skipped =
    run.metrics.mapeSkipped > 0
      ? `<p class="note">MAPE skips ${run.metrics.mapeSkipped} zero actuals.</p>`
      : '';
  const notes = run.baselineNotes;
  const missing = Object.entries(notes)
    .filter(([k, note]) => !baselines[k] && note)
    .map(([, note]) => `<p class="note">${esc(note)}</p>`)
    .join('');
  const intro = `<p>Rolling test part: ${run.metrics.count} (window, horizon step) pairs over ${run.split.testWindows} windows, original units.</p>${missing}`;
  return section(
    REPORT_HEADINGS.metrics,
    verdictHtml(r) + intro + scoreTable(columns) + skipped + hStepHtml(r),
    3,
  );
}
