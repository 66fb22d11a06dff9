// A small valid project for the project tests.
import { createHash } from 'node:crypto';
import type { ProjectDataset, SessionProject } from '../../shared/schemas/project';
import { parseOptionsFixture } from '../csv/parseOptions.testkit';

export const CSV_TEXT = 'date,value\n2020-01-01,1\n2020-02-01,2\n';
/** sha256 of CSV_TEXT (sha256sum of the same 37 bytes). */
export const CSV_SHA256 = '11a30de072085cafb7b421d030a19ef82899a4de6b53bd3bdc5bcd3290e48a9e';

/** A saved dataset entry for the file at csvPath, by default holding CSV_TEXT (37 bytes). */
export function datasetEntry(
  csvPath: string,
  sha256 = CSV_SHA256,
  sizeBytes = CSV_TEXT.length,
): ProjectDataset {
  return {
    datasetId: 'ds_0123456789abcdef',
    name: 'sales.csv',
    path: csvPath,
    sha256,
    sizeBytes,
    options: parseOptionsFixture({ timeColumn: 'date', timeFormat: 'iso-date' }),
    choices: { missing: { value: 'linear-interpolation' } },
  };
}

/**
 * First 16 hex of a model folder's content hash, computed independently of projectModels.ts:
 * sha256 over "<name>\0<byte length>\0<bytes>" for each file in name order.
 */
export function modelHash(files: [name: string, content: string][]): string {
  const hash = createHash('sha256');
  for (const [name, content] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const bytes = Buffer.from(content);
    hash.update(`${name}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

export function sampleProject(
  datasets: ProjectDataset[],
  runs: SessionProject['runs'] = [],
): SessionProject {
  return {
    format: 'series-studio-project',
    schemaVersion: 1,
    savedAt: '2024-05-01T10:00:00.000Z',
    appVersion: '0.1.0',
    title: 'Sales <forecast> & "friends"',
    datasets,
    explore: {
      ds_0123456789abcdef: {
        selectedColumns: ['value'],
        transforms: { value: [{ kind: 'log' }, { kind: 'diff' }] },
      },
    },
    runs,
  };
}
