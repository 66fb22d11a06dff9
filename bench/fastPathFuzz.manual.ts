// Long equivalence run (not a test): npx tsx bench/fastPathFuzz.manual.ts [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  fastPathAgrees,
  type FastPathTally,
} from '../src-main/engine/csv/fastPathProperty.testkit';

const runs = Number(process.argv[2] ?? 5_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'csv-fast-fuzz-'));
const tally: FastPathTally = { runs: 0, fastOnly: 0 };
const started = performance.now();
try {
  await fc.assert(fastPathAgrees(dir, tally), { numRuns: runs, timeout: 10_000 });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${runs} runs agreed in ${seconds} s (${tally.fastOnly} imports never left the fast path)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
