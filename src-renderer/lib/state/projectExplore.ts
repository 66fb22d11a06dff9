// Converts the Explore tab's transforms (kept per "datasetId NUL column") to and from the
// project file's per-dataset shape.
import type { TransformStep } from '../../../src-main/shared/schemas/analysis';
import type { ExploreState as SavedExplore } from '../../../src-main/shared/schemas/project';

const SEP = '\u0000';

export function exploreForProject(
  transformsByKey: Record<string, TransformStep[]>,
  datasetIds: readonly string[],
  selected: Record<string, readonly string[]>,
): Record<string, SavedExplore> {
  const out: Record<string, SavedExplore> = {};
  for (const id of datasetIds) {
    out[id] = { selectedColumns: [...(selected[id] ?? [])], transforms: {} };
  }
  for (const [key, steps] of Object.entries(transformsByKey)) {
    const cut = key.indexOf(SEP);
    if (cut < 0 || steps.length === 0) continue;
    const entry = out[key.slice(0, cut)];
    if (entry) entry.transforms[key.slice(cut + 1)] = steps;
  }
  return out;
}

/** Transform keys for a saved project's explore state, under the id the dataset has now. */
export function transformsFromProject(
  saved: Record<string, SavedExplore>,
  idMap: Record<string, string>,
): Record<string, TransformStep[]> {
  const out: Record<string, TransformStep[]> = {};
  for (const [savedId, state] of Object.entries(saved)) {
    const id = idMap[savedId] ?? savedId;
    for (const [column, steps] of Object.entries(state.transforms)) {
      out[`${id}${SEP}${column}`] = steps;
    }
  }
  return out;
}
