// Where the member worker's entry is, found beside the engine's own entry: out/main/memberWorker.js
// next to out/main/engine.js in a build, memberWorkerMain.ts (run through tsx) next to
// engineMain.ts in the sources.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemberWorkerEntry } from '../forecasting/memberPool';

export function memberWorkerBeside(entryUrl: string): MemberWorkerEntry {
  const file = fileURLToPath(entryUrl);
  const dir = path.dirname(file);
  return file.endsWith('.ts')
    ? { file: path.join(dir, 'memberWorkerMain.ts'), typescript: true }
    : { file: path.join(dir, 'memberWorker.js'), typescript: false };
}
