// "Export all runs" in one action: JSON (everything) or CSV (one row per run with its settings and
// test metrics beside the baselines' RMSE).
import type { RunResult } from '../shared/schemas/model';

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const settingColumns = [
  'target',
  'cell',
  'layers',
  'units',
  'lookback',
  'horizon',
  'scaler',
  'dropout',
  'learningRate',
  'batchSize',
  'epochs',
  'seed',
] as const;
const metricColumns = ['rmse', 'mae', 'mape', 'smape', 'mase', 'r2'] as const;

export function runsToCsv(runs: RunResult[]): string {
  const baselineNames = [...new Set(runs.flatMap((r) => Object.keys(r.baselines)))].sort();
  const header = [
    'run_id',
    'dataset',
    'created_at',
    'backend',
    'kernel',
    'stopped',
    'epochs_run',
    'training_seconds',
    ...settingColumns,
    ...metricColumns.map((m) => `test_${m}`),
    ...baselineNames.map((b) => `${b}_rmse`),
  ];
  const rows = runs.map((run) => [
    run.id,
    run.dataset.name,
    run.createdAt,
    run.backend.backend,
    run.kernel,
    run.stoppedReason,
    run.epochs.length,
    run.timings.trainingSeconds.toFixed(3),
    ...settingColumns.map((k) => run.config[k]),
    ...metricColumns.map((m) => run.metrics[m]),
    ...baselineNames.map((b) => run.baselines[b]?.rmse),
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

export function exportRuns(
  runs: RunResult[],
  format: 'json' | 'csv',
): { fileName: string; mimeType: string; content: string } {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return format === 'json'
    ? {
        fileName: `series-studio-runs-${stamp}.json`,
        mimeType: 'application/json',
        content: JSON.stringify({ runs }, null, 2),
      }
    : {
        fileName: `series-studio-runs-${stamp}.csv`,
        mimeType: 'text/csv',
        content: runsToCsv(runs),
      };
}
