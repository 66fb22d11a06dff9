import { promises as fs } from 'node:fs';
import path from 'node:path';
import { datasetIdFor, type DatasetSpec } from '../host/datasetRegistry';
import type { ImportChoices } from '../shared/schemas/dataset';
import { StudioFailure } from '../shared/result';

/**
 * A CLI path argument as the engine's dataset spec (the user named the file, so it is allowed),
 * with the import choices the command line made (as the app's import dialog makes them).
 */
export async function datasetSpecFor(
  file: string,
  choices: ImportChoices = {},
): Promise<DatasetSpec> {
  const resolved = path.resolve(file);
  const stat = await fs.stat(resolved).catch(() => null);
  if (!stat?.isFile()) throw new StudioFailure('not-found', `${file}: no such file.`);
  const resolvedFile = {
    path: resolved,
    name: path.basename(resolved),
    sizeBytes: stat.size,
    mtimeMs: stat.mtimeMs,
  };
  return {
    datasetId: datasetIdFor(resolvedFile, undefined, choices),
    source: { kind: 'path', path: resolved },
    path: resolved,
    name: resolvedFile.name,
    options: null,
    choices,
  };
}
