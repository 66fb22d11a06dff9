// Pulls one numeric column out of a loaded dataset, applies the exploration transforms, and drops
// missing values the way statsmodels' diagnostics expect (they take complete series).
import type { TransformStep as ContractStep } from '../../shared/schemas/analysis';
import { StudioFailure } from '../../shared/result';
import { transformLabel } from '../../shared/transformLabels';
import type { LoadedDataset } from '../datasets/openDataset';
import { boxcoxLambdaMle } from '../stats/boxcox';
import { applyStep, type TransformStep } from '../transforms';

export interface ColumnSeries {
  name: string;
  /** Transformed values aligned with the dataset's time axis (NaN where undefined or missing). */
  aligned: Float64Array;
  times: Float64Array;
  /** Finite values only, in time order. */
  complete: Float64Array;
  steps: TransformStep[];
  labels: string[];
}

export function findColumn(dataset: LoadedDataset, name: string): Float64Array {
  const column = dataset.table.columns.find((c) => c.name === name);
  if (!column)
    throw new StudioFailure(
      'not-found',
      `${dataset.table.fileName} has no numeric column "${name}".`,
    );
  return column.values;
}

function finite(values: Float64Array): Float64Array {
  return values.filter((v) => Number.isFinite(v));
}

/** Box-Cox with λ = null means "estimate it" (scipy's MLE on the observed values). */
export function resolveSteps(values: Float64Array, steps: ContractStep[]): TransformStep[] {
  return steps.map((step) =>
    step.kind === 'boxcox'
      ? { kind: 'boxcox', lambda: step.lambda ?? boxcoxLambdaMle(finite(values)) }
      : step,
  );
}

export function columnSeries(
  dataset: LoadedDataset,
  name: string,
  steps: ContractStep[],
): ColumnSeries {
  const raw = findColumn(dataset, name);
  const resolved = resolveSteps(raw, steps);
  let aligned = raw;
  try {
    for (const step of resolved) aligned = applyStep(aligned, step);
  } catch (error) {
    throw new StudioFailure(
      'invalid-request',
      `${name}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    name,
    aligned,
    times: dataset.table.time.values,
    complete: finite(aligned),
    steps: resolved,
    labels: resolved.map(transformLabel),
  };
}
