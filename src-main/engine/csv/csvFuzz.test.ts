// Random and mutated CSV text never crashes the importer: each input is imported or refused with a
// CsvImportError, and memory stays bounded. 1,000 cases of each kind here; `npm run fuzz` runs
// 10,000 (csvFuzz.manual.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { csvNeverCrashes, runPipeline } from './csvFuzzProperty.testkit';

const dir = mkdtempSync(path.join(os.tmpdir(), 'csv-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const corpus = readdirSync(fixturesDir).map(
  (name) => new Uint8Array(readFileSync(path.join(fixturesDir, name))),
);

/** A fixture with a few random edits: bytes flipped, inserted or deleted. */
const mutatedFixture = fc
  .tuple(
    fc.constantFrom(...corpus),
    fc.array(
      fc.tuple(
        fc.constantFrom('flip', 'insert', 'delete'),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
      ),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([bytes, edits]) => {
    const out = Array.from(bytes);
    for (const [kind, at, value] of edits) {
      const i = out.length === 0 ? 0 : at % out.length;
      if (kind === 'flip' && out.length > 0) out[i] = value;
      else if (kind === 'insert') out.splice(i, 0, value);
      else out.splice(i, 1);
    }
    return Uint8Array.from(out);
  });

describe('random CSV input', () => {
  // No time limit per case: speed is measured in bench/ (a runaway import is caught by the limits in
  // csvLimits.ts and, failing that, by the test's own timeout).
  it('only ever fails with a CsvImportError (1,000 runs)', async () => {
    await fc.assert(csvNeverCrashes(dir), { numRuns: 1000 });
  });

  it('mutated fixtures are imported or refused with a message, memory bounded (1,000 runs)', async () => {
    const before = process.memoryUsage().heapUsed;
    await fc.assert(
      fc.asyncProperty(mutatedFixture, (bytes) => runPipeline(dir, bytes)),
      { numRuns: 1000 },
    );
    global.gc?.();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });
});
