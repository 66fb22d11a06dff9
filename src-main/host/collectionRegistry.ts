// The session's collections of series (issue 17) and their global-model runs, as the host knows
// them: each collection's file, layout and content hash (enough for a restarted engine to re-index
// it, and for a project to find it again) and what the engine read of it.
import { createHash } from 'node:crypto';
import type { CollectionInfo, CollectionLayout, CollectionRun } from '../shared/schemas/collection';
import type { FileSource } from '../shared/schemas/common';
import { StudioFailure } from '../shared/result';

export interface CollectionSpec {
  collectionId: string;
  source: FileSource;
  path: string;
  /** The file's base name, as the UI shows it. */
  name: string;
  layout: CollectionLayout;
  sha256: string;
  sizeBytes: number;
}

/** The same content read with the same layout is the same collection. */
export function collectionIdFor(sha256: string, layout: CollectionLayout): string {
  // A long layout's key is the one it had before wide layouts, so its id does not change.
  const key = JSON.stringify(
    layout.kind === 'wide'
      ? [sha256, 'wide', layout.timeColumn]
      : [sha256, layout.idColumn, layout.timeColumn, layout.target],
  );
  return `col_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

export class CollectionRegistry {
  readonly #collections = new Map<string, { spec: CollectionSpec; info: CollectionInfo }>();
  readonly #runs = new Map<string, CollectionRun>();

  put(spec: CollectionSpec, info: CollectionInfo): void {
    this.#collections.set(spec.collectionId, { spec, info });
  }

  spec(collectionId: string): CollectionSpec {
    const entry = this.#collections.get(collectionId);
    if (!entry)
      throw new StudioFailure('not-found', 'That collection is not open in this session.', {
        collectionId,
      });
    return entry.spec;
  }

  all(): { spec: CollectionSpec; info: CollectionInfo }[] {
    return [...this.#collections.values()];
  }

  addRun(run: CollectionRun): void {
    this.#runs.set(run.runId, run);
  }

  runs(): CollectionRun[] {
    return [...this.#runs.values()];
  }
}
