// Sorting and filtering of the runs table. Missing numbers (a metric that could not be computed)
// always sort last, whichever the direction, so they never hide the best runs.
import type { RunSummary } from '../../../src-main/shared/schemas/model';

export type RunSortKey =
  | 'createdAt'
  | 'label'
  | 'rmse'
  | 'mae'
  | 'smape'
  | 'r2'
  | 'naiveRmse'
  | 'baseline'
  | 'valLoss'
  | 'trainingSeconds';

export interface RunSort {
  key: RunSortKey;
  descending: boolean;
}

function valueOf(run: RunSummary, key: RunSortKey): number | string | null {
  switch (key) {
    case 'createdAt':
      return run.createdAt;
    case 'label':
      return run.label.toLowerCase();
    case 'rmse':
    case 'mae':
    case 'smape':
    case 'r2':
      return run.metrics[key];
    case 'naiveRmse':
      return run.naiveRmse;
    case 'baseline':
      // The best baseline's test error (in the verdict's metric); naive for runs without one.
      return run.verdict ? run.verdict.baselineValue : run.naiveRmse;
    case 'valLoss':
      return run.valLoss;
    case 'trainingSeconds':
      return run.trainingSeconds;
  }
}

const missing = (v: number | string | null): boolean =>
  v === null || (typeof v === 'number' && !Number.isFinite(v));

export function sortRuns(runs: readonly RunSummary[], sort: RunSort): RunSummary[] {
  const sign = sort.descending ? -1 : 1;
  return [...runs].sort((a, b) => {
    const va = valueOf(a, sort.key);
    const vb = valueOf(b, sort.key);
    if (missing(va) || missing(vb)) return missing(va) === missing(vb) ? 0 : missing(va) ? 1 : -1;
    if (typeof va === 'number' && typeof vb === 'number') return sign * (va - vb);
    return sign * String(va).localeCompare(String(vb));
  });
}

/** Every whitespace-separated word must appear in the run's label, target, dataset, backend or origin. */
export function filterRuns(runs: readonly RunSummary[], query: string): RunSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...runs];
  return runs.filter((run) => {
    const text = [run.label, run.target, run.datasetName, run.backend, run.kernel, run.origin]
      .join(' ')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Next sort after a header click: a new column starts ascending, the same column flips. */
export function toggleSort(sort: RunSort, key: RunSortKey): RunSort {
  return sort.key === key ? { key, descending: !sort.descending } : { key, descending: false };
}
