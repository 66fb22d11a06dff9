// Locating, compiling and instantiating rnn.wasm / rnn-relaxed.wasm (scripts/build-kernels.mjs).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wasmApi } from './wasmApi';
import type { WasmMemory, WasmModule } from './wasmApi';

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
  return fileURLToPath(new URL('../build/rnn.wasm', import.meta.url));
}

/** 'auto' takes rnn-relaxed.wasm (fused multiply-add) when present beside rnn.wasm and valid here. */
export type RnnWasmVariant = 'auto' | 'simd' | 'relaxed';

export interface CompiledRnnWasm {
  module: WasmModule;
  variant: 'simd' | 'relaxed';
  path: string;
}

async function readWasm(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`${path} not readable (run node scripts/build-kernels.mjs): ${reason}`);
  }
}

/** `wasmPath` names rnn.wasm; its relaxed sibling is looked up in the same folder. */
export async function compileRnnWasm(
  wasmPath = defaultWasmPath(),
  variant: RnnWasmVariant = 'auto',
): Promise<CompiledRnnWasm> {
  if (variant !== 'simd') {
    const relaxedPath = join(dirname(wasmPath), 'rnn-relaxed.wasm');
    const bytes =
      variant === 'relaxed' || existsSync(relaxedPath) ? await readWasm(relaxedPath) : null;
    if (bytes && wasmApi.validate(bytes)) {
      return { module: await wasmApi.compile(bytes), variant: 'relaxed', path: relaxedPath };
    }
    if (variant === 'relaxed') throw new Error('this engine does not support wasm relaxed-simd');
  }
  return {
    module: await wasmApi.compile(await readWasm(wasmPath)),
    variant: 'simd',
    path: wasmPath,
  };
}

export function instantiateRnnWasm(module: WasmModule, memory: WasmMemory): RnnWasmExports {
  const instance = new wasmApi.Instance(module, {
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
