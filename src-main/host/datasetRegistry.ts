// The session's datasets as the host knows them: enough to re-import after an engine restart,
// so a crashed engine never loses what the analyst opened.
import { createHash } from 'node:crypto';
import type { DatasetInfo, ImportChoices, ParseOptions } from '../shared/schemas/dataset';
import type { DatasetSpec } from '../shared/schemas/engine';
import { StudioFailure } from '../shared/result';
import type { ResolvedFile } from './fileAccess';

/** What the engine needs to (re)build a dataset. Sent with every dataset-bound engine call. */
export type { DatasetSpec } from '../shared/schemas/engine';

export function datasetIdFor(
  file: ResolvedFile,
  options: ParseOptions | undefined,
  choices: ImportChoices | undefined,
): string {
  const key = JSON.stringify([
    file.path,
    file.sizeBytes,
    file.mtimeMs,
    options ?? null,
    choices ?? {},
  ]);
  return `ds_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

export class DatasetRegistry {
  private readonly byId = new Map<string, { spec: DatasetSpec; info: DatasetInfo | null }>();

  put(spec: DatasetSpec, info: DatasetInfo | null): void {
    this.byId.set(spec.datasetId, { spec, info });
  }

  spec(datasetId: string): DatasetSpec {
    const entry = this.byId.get(datasetId);
    if (!entry)
      throw new StudioFailure('not-found', `No open dataset ${datasetId}; open the file again.`);
    return entry.spec;
  }

  list(): { spec: DatasetSpec; info: DatasetInfo }[] {
    return [...this.byId.values()].flatMap((e) => (e.info ? [{ spec: e.spec, info: e.info }] : []));
  }

  info(datasetId: string): DatasetInfo | null {
    return this.byId.get(datasetId)?.info ?? null;
  }
}
