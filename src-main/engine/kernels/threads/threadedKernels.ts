// Fused kernels on a shared memory plus a started helper thread (rnnThreadPool), or the reason
// there are none. Only worth it with a second core; the training step then measures per batch
// whether splitting actually helps (splitPolicy).
import os from 'node:os';
import { fusedKernelsOn, type FusedRnnKernels } from '../wasm/fusedRnn';
import { CONTROL_BYTES, RnnThreadPool } from './rnnThreadPool';
import { compileSharedRnnWasm, SHARED_MAX_PAGES } from './sharedRnnWasm';
import { wasmApi } from '../wasm/wasmApi';

export interface ThreadedKernels {
  kernels: FusedRnnKernels;
  pool: RnnThreadPool;
}

export interface ThreadedKernelsOptions {
  /** rnn.wasm's path; rnn-shared.wasm is looked for beside it. */
  wasmPath?: string;
  /** Per-call timeout after which the helper counts as hung (ms). */
  timeoutMs?: number;
}

export async function startThreadedKernels(
  options: ThreadedKernelsOptions = {},
): Promise<ThreadedKernels | { why: string }> {
  if (os.availableParallelism() < 2) return { why: 'one core only' };
  try {
    const module = await compileSharedRnnWasm(options.wasmPath);
    // Sized up front (64 MiB) so training batches never grow the memory while the helper runs.
    const memory = new wasmApi.Memory({ initial: 1024, maximum: SHARED_MAX_PAGES, shared: true });
    const kernels = fusedKernelsOn(module, 'simd', memory, CONTROL_BYTES);
    let why = '';
    const timeouts = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
    const pool = await RnnThreadPool.start(kernels, module, timeouts, (w) => (why = w));
    return pool === null ? { why } : { kernels, pool };
  } catch (e) {
    return { why: e instanceof Error ? e.message : String(e) };
  }
}
