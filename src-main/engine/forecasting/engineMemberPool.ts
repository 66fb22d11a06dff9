// The engine process's member pool: configured once by the engine's entry point (which knows where
// the member worker's entry is), made on first use for the engine's backend and kernels, the same
// object afterwards (replaced only if the backend or kernels change). Absent (null) wherever no
// entry was configured — tests and tools that call the engine in-process — and when
// SERIES_STUDIO_MEMBER_WORKERS=0, so members train one after another there.
import * as tf from '@tensorflow/tfjs';
import path from 'node:path';
import type { BackendName } from '../model/backend';
import type { TrainingRuntime } from '../model/recurrentKernel';
import { MemberPool, type MemberWorkerEntry } from './memberPool';
import type { MemberWorkerSetup } from './memberProtocol';

let entry: MemberWorkerEntry | null = null;
let current: { key: string; pool: MemberPool } | null = null;

export function configureMemberWorkers(workerEntry: MemberWorkerEntry | null): void {
  entry = workerEntry;
}

/**
 * What a worker must load to train exactly as `runtime` does on the engine thread: the same
 * backend (tfjs-node's native addon cannot load twice in one process, tensorflow/tfjs#8388, so its
 * workers use WebAssembly, which the fused kernels make nearly irrelevant to training) and the same
 * kernel build.
 */
export function memberWorkerSetup(
  runtime: TrainingRuntime,
  name: BackendName = tf.getBackend() as BackendName,
  env: Readonly<Record<string, string | undefined>> = process.env,
): MemberWorkerSetup {
  const dir = env['SERIES_STUDIO_KERNELS_DIR'];
  return {
    backend: name === 'tensorflow' ? 'wasm' : name,
    kernels: runtime.fused
      ? {
          variant: runtime.fused.kernels.variant,
          wasmPath: dir ? path.join(dir, 'rnn.wasm') : null,
        }
      : null,
  };
}

export function engineMemberPool(runtime: TrainingRuntime): MemberPool | null {
  if (entry === null || process.env['SERIES_STUDIO_MEMBER_WORKERS'] === '0') return null;
  const setup = memberWorkerSetup(runtime);
  const key = JSON.stringify(setup);
  if (current?.key !== key) {
    void current?.pool.close();
    current = { key, pool: new MemberPool({ entry, setup }) };
  }
  return current.pool;
}
