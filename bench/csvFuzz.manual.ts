// Long fuzz run (not a test): npx tsx bench/csvFuzz.manual.ts [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { csvNeverCrashes } from '../src-main/engine/csv/csvFuzzProperty.testkit';

const runs = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'csv-fuzz-'));
const started = performance.now();
try {
  await fc.assert(csvNeverCrashes(dir), { numRuns: runs, timeout: 5000 });
  console.log(`${runs} runs passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
