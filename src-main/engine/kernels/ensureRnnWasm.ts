// Test/benchmark helper: builds rnn.wasm with scripts/build-kernels.mjs when it is missing,
// so a fresh checkout can run the kernel tests without a separate build step.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultWasmPath } from './wasmModule';

export function ensureRnnWasm(): string {
  const wasmPath = defaultWasmPath();
  if (!existsSync(wasmPath)) {
    const script = fileURLToPath(new URL('../../../scripts/build-kernels.mjs', import.meta.url));
    execFileSync(process.execPath, [script], { stdio: 'inherit' });
  }
  return wasmPath;
}
