// CSV files the collection readers' tests write, each test file into its own temporary folder, and
// the readers' times (ms since the epoch) as ISO days.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A writer of files in a new temporary folder named after `prefix`: returns each file's path. */
export function csvFiles(prefix: string): (name: string, text: string) => string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return (name, text) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
}

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
