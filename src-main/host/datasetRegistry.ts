// The session's datasets as the host knows them: enough to re-import after an engine restart,
// so a crashed engine never loses what the analyst opened.
//
// One dataset per file content: the same bytes opened again (a second upload of the same CSV) get
// the same id, and re-opening with other import choices (a fix-up) replaces the dataset it fixes.
// A replaced version stays resolvable, because runs trained on it still name it, but it is no
// longer listed, and a project keeps it only while a run needs it.
import { createHash } from 'node:crypto';
import type { DatasetInfo, ImportChoices, ParseOptions } from '../shared/schemas/dataset';
import type { DatasetSpec } from '../shared/schemas/engine';
import { StudioFailure } from '../shared/result';
import type { ResolvedFile } from './fileAccess';

/** What the engine needs to (re)build a dataset. Sent with every dataset-bound engine call. */
export type { DatasetSpec } from '../shared/schemas/engine';

/**
 * The dataset's id: from the file's content hash when known (the same content under another path
 * or upload is the same dataset), else from its path, size and modification time; plus the parse
 * options and import choices.
 */
export function datasetIdFor(
  file: ResolvedFile,
  options: ParseOptions | undefined,
  choices: ImportChoices | undefined,
  contentSha256?: string,
): string {
  const where =
    contentSha256 === undefined ? [file.path, file.sizeBytes, file.mtimeMs] : [contentSha256];
  const key = JSON.stringify([...where, options ?? null, choices ?? {}]);
  return `ds_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

interface Entry {
  spec: DatasetSpec;
  info: DatasetInfo | null;
  /** The file's content hash, or the dataset id when unknown. */
  content: string;
}

export class DatasetRegistry {
  private readonly byId = new Map<string, Entry>();
  /** The listed dataset of each content: its latest import. */
  private readonly current = new Map<string, string>();

  /**
   * Records a dataset. With the file's content hash, an already listed dataset of the same content
   * is replaced (a fix-up of it, or the same file opened again); the same id keeps its first spec.
   */
  put(spec: DatasetSpec, info: DatasetInfo | null, contentSha256?: string): void {
    const content = contentSha256 ?? spec.datasetId;
    const known = this.byId.get(spec.datasetId);
    this.byId.set(spec.datasetId, {
      spec: known && info ? known.spec : spec,
      info: info ?? known?.info ?? null,
      content,
    });
    this.current.set(content, spec.datasetId);
  }

  spec(datasetId: string): DatasetSpec {
    const entry = this.byId.get(datasetId);
    if (!entry)
      throw new StudioFailure('not-found', `No open dataset ${datasetId}; open the file again.`);
    return entry.spec;
  }

  /** The listed datasets (one per file content), in the order they were first opened. */
  list(): { spec: DatasetSpec; info: DatasetInfo }[] {
    const listed = new Set(this.current.values());
    return [...this.byId.values()].flatMap((e) =>
      e.info && listed.has(e.spec.datasetId) ? [{ spec: e.spec, info: e.info }] : [],
    );
  }

  /**
   * What a project saves: the listed datasets (only those of `open` when given: the ones the page
   * shows) plus any version a run was trained on.
   */
  forSave(
    open: readonly string[] | undefined,
    runDatasetIds: Iterable<string>,
  ): { spec: DatasetSpec; info: DatasetInfo }[] {
    const shown = open === undefined ? null : new Set(open);
    const needed = new Set(runDatasetIds);
    const listed = new Set(this.list().map((d) => d.spec.datasetId));
    return [...this.byId.values()].flatMap((e) => {
      const id = e.spec.datasetId;
      const keep = (listed.has(id) && (shown === null || shown.has(id))) || needed.has(id);
      return e.info && keep ? [{ spec: e.spec, info: e.info }] : [];
    });
  }

  /**
   * Takes a dataset off the list: `list` and a save without runs on it no longer include it. Its
   * spec stays resolvable for the runs trained on it. False when it was not listed.
   */
  close(datasetId: string): boolean {
    const entry = this.byId.get(datasetId);
    if (!entry || this.current.get(entry.content) !== datasetId) return false;
    this.current.delete(entry.content);
    return true;
  }

  info(datasetId: string): DatasetInfo | null {
    return this.byId.get(datasetId)?.info ?? null;
  }
}
