// Locating, compiling and instantiating rnn.wasm (built by scripts/build-kernels.mjs).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface RnnWasmExports {
  lstmForward(plan: number): void;
  lstmBackward(plan: number): void;
  gruForward(plan: number): void;
  gruBackward(plan: number): void;
  simpleRnnForward(plan: number): void;
  simpleRnnBackward(plan: number): void;
}

const EXPORT_NAMES: (keyof RnnWasmExports)[] = [
  'lstmForward',
  'lstmBackward',
  'gruForward',
  'gruBackward',
  'simpleRnnForward',
  'simpleRnnBackward',
];

export function defaultWasmPath(): string {
  return fileURLToPath(new URL('./build/rnn.wasm', import.meta.url));
}

export async function compileRnnWasm(wasmPath?: string): Promise<WebAssembly.Module> {
  const path = wasmPath ?? defaultWasmPath();
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`rnn.wasm not found at ${path} (run node scripts/build-kernels.mjs): ${reason}`);
  }
  return WebAssembly.compile(bytes);
}

export function instantiateRnnWasm(module: WebAssembly.Module, memory: WebAssembly.Memory): RnnWasmExports {
  const instance = new WebAssembly.Instance(module, {
    env: {
      memory,
      abort: () => {
        throw new Error('rnn.wasm aborted');
      },
    },
  });
  const exports = instance.exports;
  const out: Partial<RnnWasmExports> = {};
  for (const name of EXPORT_NAMES) {
    const fn = exports[name];
    if (typeof fn !== 'function') throw new Error(`rnn.wasm lacks export ${name}`);
    out[name] = fn as (plan: number) => void;
  }
  return out as RnnWasmExports;
}
