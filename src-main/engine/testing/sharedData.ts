// Test-only helpers that locate ../shared (the workplace's reference data, beside the repo) and read
// its simple, well-formed sample CSVs without going through the real importer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const sharedDatasetsDir = path.join(sharedDir, 'datasets');
export const bundledDatasetsDir = path.join(repoRoot, 'resources', 'datasets');

export function readSharedJson<T>(relative: string): T {
  return JSON.parse(readFileSync(path.join(sharedDir, relative), 'utf8')) as T;
}

/** Columns of one of the reference CSVs, keyed by header; empty cells become NaN. */
export function readSimpleCsv(file: string): Record<string, number[]> {
  const text = readFileSync(path.join(sharedDatasetsDir, file), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(',').map((h) => h.replace(/"/g, ''));
  const columns: Record<string, number[]> = {};
  for (const h of header) columns[h] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    header.forEach((h, i) => {
      const raw = (cells[i] ?? '').replace(/"/g, '');
      columns[h]?.push(raw === '' ? Number.NaN : Number(raw));
    });
  }
  return columns;
}

/** The series behind a reference key such as `AirPassengers.csv:AirPassengers`, missing values dropped. */
export function referenceSeries(key: string): Float64Array {
  const [file, column] = key.split(':');
  if (file === undefined || column === undefined) throw new Error(`bad reference key ${key}`);
  const values = readSimpleCsv(file)[column];
  if (values === undefined) throw new Error(`no column ${column} in ${file}`);
  return Float64Array.from(values.filter((v) => !Number.isNaN(v)));
}
