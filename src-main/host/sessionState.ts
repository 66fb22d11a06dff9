// Everything the host knows about the session, shared by the handler groups.
import type { SensitivityResult } from '../shared/schemas/interpret';
import { CollectionRegistry } from './collectionRegistry';
import { DatasetRegistry } from './datasetRegistry';
import { RunRegistry } from './runRegistry';

export class SessionState {
  readonly datasets = new DatasetRegistry();
  readonly runs = new RunRegistry();
  /** Collections of series and their global-model runs (issue 17). */
  readonly collections = new CollectionRegistry();
  /** The latest explanation computed per run, for reports. */
  readonly sensitivities = new Map<string, SensitivityResult>();
  /** Content hashes of dataset files, keyed by path, size and mtime: autosave must not re-read them. */
  readonly fileHashes = new Map<string, { sha256: string; sizeBytes: number }>();
  /** The project's title once saved or opened: a reloaded page and the recovery copy keep it. */
  title: string | null = null;
  /** The project file it was last saved to or opened from; null for a recovery copy. */
  projectPath: string | null = null;
  /** Changed since the last save or autosave. */
  dirty = false;
}
