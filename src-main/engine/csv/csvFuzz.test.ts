import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { csvNeverCrashes } from './csvFuzzProperty';

const dir = mkdtempSync(path.join(os.tmpdir(), 'csv-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('random CSV input', () => {
  it('only ever fails with a CsvImportError, within 2 s per file (300 runs)', async () => {
    await fc.assert(csvNeverCrashes(dir), { numRuns: 300, timeout: 2000 });
  });
});
