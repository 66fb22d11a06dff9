// Chooses the fastest TensorFlow.js backend available in plain Node: tfjs-node (native
// libtensorflow, optional dependency) > WebAssembly (SIMD, no threads in Node) > pure JS cpu.
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BackendInfo } from './runResult';

export type BackendName = BackendInfo['backend'];

export type { BackendInfo };

const nodeRequire = createRequire(import.meta.url);
const DEFAULT_ORDER: BackendName[] = ['tensorflow', 'wasm', 'cpu'];
let current: { preference: string; info: Promise<BackendInfo> } | null = null;

/**
 * tfjs-node 4.22 calls util.isNullOrUndefined / util.isArray, removed in Node 23 and Electron 40.
 * The shims must exist before the package is loaded.
 */
export function patchNodeUtil(): void {
  const util = nodeRequire('node:util') as Record<string, unknown>;
  if (typeof util['isNullOrUndefined'] !== 'function') {
    util['isNullOrUndefined'] = (v: unknown): boolean => v === null || v === undefined;
  }
  if (typeof util['isArray'] !== 'function') util['isArray'] = Array.isArray;
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] ?? text;
}

async function tryTensorflow(): Promise<string> {
  patchNodeUtil();
  // A computed specifier keeps bundlers and the type checker away from the optional package.
  const specifier = ['@tensorflow', 'tfjs-node'].join('/');
  await import(specifier);
  if (!(await tf.setBackend('tensorflow')))
    throw new Error('tfjs-node loaded but backend failed to initialise');
  return 'native libtensorflow via @tensorflow/tfjs-node';
}

export function wasmDirectory(): string {
  return path.dirname(nodeRequire.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
}

async function tryWasm(): Promise<string> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const dir = wasmDirectory();
  wasm.setWasmPaths(dir);
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend failed to initialise');
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threads = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  return `WebAssembly from ${dir} (SIMD ${simd ? 'yes' : 'no'}, threads ${threads ? 'yes' : 'no'})`;
}

async function tryCpu(): Promise<string> {
  if (!(await tf.setBackend('cpu'))) throw new Error('cpu backend failed to initialise');
  return 'pure JavaScript';
}

const attempts: Record<BackendName, () => Promise<string>> = {
  tensorflow: tryTensorflow,
  wasm: tryWasm,
  cpu: tryCpu,
};

async function select(preference: BackendName | undefined): Promise<BackendInfo> {
  const order = preference
    ? [preference, ...DEFAULT_ORDER.filter((b) => b !== preference)]
    : DEFAULT_ORDER;
  const skipped: string[] = [];
  for (const name of order) {
    try {
      const how = await attempts[name]();
      await tf.ready();
      const why =
        preference === name
          ? 'requested'
          : preference
            ? `fallback from ${preference}`
            : 'best available';
      return {
        backend: name,
        detail: [`${name}: selected, ${why} (${how})`, ...skipped].join('; '),
      };
    } catch (e) {
      skipped.push(`${name}: skipped (${message(e)})`);
    }
  }
  throw new Error(`no TensorFlow.js backend could be initialised: ${skipped.join('; ')}`);
}

/** Idempotent: repeated calls with the same preference reuse the first result. */
export async function initBackend(preference?: BackendName): Promise<BackendInfo> {
  const key = preference ?? 'auto';
  if (current?.preference === key) {
    const info = await current.info;
    if (tf.getBackend() !== info.backend) await tf.setBackend(info.backend);
    return info;
  }
  const info = select(preference);
  current = { preference: key, info };
  info.catch(() => {
    if (current?.info === info) current = null;
  });
  return info;
}
