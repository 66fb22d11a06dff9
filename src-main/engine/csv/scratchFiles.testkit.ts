// A test file's CSVs, written to a fresh temporary folder that goes once its tests are done.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** Makes the folder (removed after this file's tests); `write` puts a file there, returns its path. */
export function scratchFiles(
  prefix: string,
): (name: string, content: string | Uint8Array) => string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
}
