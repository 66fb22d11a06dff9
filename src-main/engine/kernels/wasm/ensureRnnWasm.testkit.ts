// Test/benchmark helper: builds the kernels with scripts/build-kernels.mjs when a build output
// is missing, so a fresh checkout can run the kernel tests without a separate build step.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWasmPath } from './wasmModule';

/** Returns the path of rnn.wasm (rnn-relaxed.wasm sits beside it). */
export function ensureRnnWasm(): string {
  const wasmPath = defaultWasmPath();
  const relaxedPath = join(dirname(wasmPath), 'rnn-relaxed.wasm');
  if (!existsSync(wasmPath) || !existsSync(relaxedPath)) {
    const script = fileURLToPath(new URL('../../../../scripts/build-kernels.mjs', import.meta.url));
    execFileSync(process.execPath, [script], { stdio: 'inherit' });
  }
  return wasmPath;
}
