// The shared-memory build of the kernels (rnn-shared.wasm: SIMD + threads, importing a shared
// memory), which two threads can run over the same buffers. Built beside rnn.wasm; where the
// file is missing and AssemblyScript is installed (a development checkout) it is built here.
import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWasmPath } from '../wasm/wasmModule';
import { wasmApi, type WasmModule } from '../wasm/wasmApi';

export function sharedWasmPath(rnnWasmPath = defaultWasmPath()): string {
  return join(dirname(rnnWasmPath), 'rnn-shared.wasm');
}

async function buildShared(outFile: string): Promise<void> {
  const specifier = ['assemblyscript', 'asc'].join('/');
  const asc = (await import(specifier)) as {
    main(args: string[]): Promise<{ error: Error | null; stderr: { toString(): string } }>;
  };
  const entry = fileURLToPath(new URL('../assembly/index.ts', import.meta.url));
  const tmp = `${outFile}.${process.pid}.tmp`;
  const { error, stderr } = await asc.main([
    ...[entry, '-O3', '--noAssert', '--runtime', 'stub', '--enable', 'simd', '--enable', 'threads'],
    ...['--importMemory', '--noExportMemory', '--sharedMemory', '--maximumMemory', '16384'],
    ...['--disableWarning', '112', '--outFile', tmp],
  ]);
  if (error) throw new Error(`asc: ${error.message} ${stderr.toString()}`);
  await rename(tmp, outFile);
}

/** Compiles rnn-shared.wasm (building it first when missing and possible). */
export async function compileSharedRnnWasm(rnnWasmPath?: string): Promise<WasmModule> {
  const file = sharedWasmPath(rnnWasmPath);
  if (!existsSync(file)) await buildShared(file);
  return wasmApi.compile(await readFile(file));
}

/** Memory pages of the shared build: its declared maximum must match the import. */
export const SHARED_MAX_PAGES = 16384;
