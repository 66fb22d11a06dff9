// The training runtime: which implementation runs every recurrent layer — the fused WebAssembly
// kernels when they load (with a helper thread when one starts), else tfjs's op-by-op layers — and
// why. It is an object passed explicitly to the code that builds, loads, trains and explains
// models (buildModel, loadModel, runFit, the sensitivity job), never a kernel swapped in behind
// their backs: a model keeps the kernel of the runtime it was built with. The engine process makes
// one, on first use (engineRuntime); tests and benchmarks make their own.
import path from 'node:path';
import type { FusedKernelsHandle, TrainingRuntime } from '../model/recurrentKernel';
import { opByOpRuntime } from '../model/opByOpKernel';
import { loadFusedKernels, type FusedRnnKernels } from './wasm/fusedRnn';
import { fusedSeamKernel } from './training/fusedSeamKernel';
import type { RnnThreadPool } from './threads/rnnThreadPool';
import { startThreadedKernels } from './threads/threadedKernels';

export type { TrainingRuntime } from '../model/recurrentKernel';

/** A runtime over given fused kernels (and helper thread, which must run over their memory). */
export function fusedRuntime(
  kernels: FusedRnnKernels,
  pool: RnnThreadPool | null = null,
  detail = `fused WebAssembly kernels (${kernels.variant})`,
): TrainingRuntime {
  const kernel = fusedSeamKernel(kernels, { pool });
  const fused: FusedKernelsHandle = { kernels, pool };
  return { name: kernel.name, detail, kernel, fused };
}

/** Environment switches read: SERIES_STUDIO_KERNEL, …_KERNELS_DIR, …_KERNEL_THREADS. */
export type RuntimeEnv = Readonly<Record<string, string | undefined>>;

/** Chooses and loads the kernels; never throws (op-by-op, saying why, when fused cannot load). */
export async function createTrainingRuntime(
  env: RuntimeEnv = process.env,
): Promise<TrainingRuntime> {
  if (env['SERIES_STUDIO_KERNEL'] === 'op-by-op') {
    return {
      ...opByOpRuntime,
      detail: 'op-by-op tfjs layers (fused kernels switched off by SERIES_STUDIO_KERNEL=op-by-op)',
    };
  }
  const dir = env['SERIES_STUDIO_KERNELS_DIR'];
  const wasmPath = dir ? path.join(dir, 'rnn.wasm') : undefined;
  try {
    const kernels = await loadFusedKernels(wasmPath ? { wasmPath } : {});
    const simd = kernels.variant === 'relaxed' ? 'SIMD + relaxed-SIMD FMA' : 'SIMD';
    // A helper thread for splitting training and perturbation batches; each run measures whether
    // the split pays (splitPolicy), so a busy second core costs little.
    const threaded =
      env['SERIES_STUDIO_KERNEL_THREADS'] === '0'
        ? { why: 'switched off by SERIES_STUDIO_KERNEL_THREADS=0' }
        : await startThreadedKernels(wasmPath ? { wasmPath } : {});
    if ('pool' in threaded) {
      return fusedRuntime(
        threaded.kernels,
        threaded.pool,
        'fused WebAssembly kernels (SIMD, shared memory): one call per sequence forward and backward; whole training steps outside tfjs; batches split over a helper thread when measured faster',
      );
    }
    return fusedRuntime(
      kernels,
      null,
      `fused WebAssembly kernels (${simd}): one call per sequence forward and backward; whole training steps outside tfjs; no helper thread (${threaded.why})`,
    );
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ...opByOpRuntime, detail: `op-by-op tfjs layers (fused kernels unavailable: ${why})` };
  }
}

const singleThreaded = new WeakMap<TrainingRuntime, TrainingRuntime>();

/**
 * The same kernels without their helper thread (one runtime per runtime, made once), for training
 * beside member workers, where the second core is taken and a split batch would only wait for it.
 */
export function withoutHelperThread(runtime: TrainingRuntime): TrainingRuntime {
  if (!runtime.fused?.pool) return runtime;
  let single = singleThreaded.get(runtime);
  if (!single) {
    single = fusedRuntime(
      runtime.fused.kernels,
      null,
      `fused WebAssembly kernels (${runtime.fused.kernels.variant}) without their helper thread`,
    );
    singleThreaded.set(runtime, single);
  }
  return single;
}

let engine: Promise<TrainingRuntime> | null = null;

/** The engine process's runtime: created on the first call, the same object afterwards. */
export function engineRuntime(): Promise<TrainingRuntime> {
  engine ??= createTrainingRuntime();
  return engine;
}
