// The fast path's equivalence property, shared by fastPathEquivalence.test.ts (150 runs) and
// fastPathFuzz.manual.ts (thousands): on random CSV bytes, read at a random chunk size and at the
// default one, the fast path gives exactly papaparse's table or error.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { csvBytes } from './csvFuzzProperty.testkit';
import { importOutcome } from './importOutcome.testkit';
import { sniffCsv } from './sniffCsv';

export interface FastPathTally {
  runs: number;
  /** Imports the fast path read to the end without handing over to papaparse. */
  fastOnly: number;
}

let counter = 0;

export function fastPathAgrees(dir: string, tally: FastPathTally) {
  return fc.asyncProperty(csvBytes, fc.integer({ min: 1, max: 300 }), async (bytes, chunk) => {
    const file = path.join(dir, `fast-${process.pid}-${counter++}.csv`);
    await writeFile(file, bytes);
    tally.runs++;
    try {
      const options = await sniffCsv(file).then(
        (s) => s.options,
        () => null, // files the sniffer refuses never reach a record reader
      );
      if (options === null) return;
      for (const chunkBytes of [chunk, undefined]) {
        const fast = await importOutcome(file, options, true, chunkBytes);
        const papa = await importOutcome(file, options, false, chunkBytes);
        if (fast.handover === null) tally.fastOnly++;
        if (papa.handover !== null || !isDeepStrictEqual(fast.result, papa.result)) {
          const shown = JSON.stringify({ chunkBytes, fast, papa });
          throw new Error(`fast path and papaparse disagree: ${shown.slice(0, 2000)}`);
        }
      }
    } finally {
      await rm(file, { force: true });
    }
  });
}
