// Chooses the implementation behind the recurrent seam once per engine process: the fused
// WebAssembly kernels when they load, else tfjs's op-by-op layers — and always says which and why.
import path from 'node:path';
import { setRecurrentKernel } from '../model/opByOpKernel';
import { loadFusedKernels } from './wasm/fusedRnn';
import { fusedSeamKernel } from './training/fusedSeamKernel';
import { startThreadedKernels } from './threads/threadedKernels';

export interface KernelChoice {
  name: string;
  detail: string;
}

let chosen: Promise<KernelChoice> | null = null;

async function choose(): Promise<KernelChoice> {
  if (process.env.SERIES_STUDIO_KERNEL === 'op-by-op') {
    return {
      name: 'op-by-op',
      detail: 'op-by-op tfjs layers (fused kernels switched off by SERIES_STUDIO_KERNEL=op-by-op)',
    };
  }
  const dir = process.env.SERIES_STUDIO_KERNELS_DIR;
  const wasmPath = dir ? path.join(dir, 'rnn.wasm') : undefined;
  try {
    const kernels = await loadFusedKernels(wasmPath ? { wasmPath } : {});
    const simd = kernels.variant === 'relaxed' ? 'SIMD + relaxed-SIMD FMA' : 'SIMD';
    // A helper thread for splitting training batches; each training run measures whether the
    // split pays (splitPolicy), so a busy second core costs little.
    const threaded =
      process.env.SERIES_STUDIO_KERNEL_THREADS === '0'
        ? { why: 'switched off by SERIES_STUDIO_KERNEL_THREADS=0' }
        : await startThreadedKernels(wasmPath ? { wasmPath } : {});
    if ('pool' in threaded) {
      const kernel = fusedSeamKernel(threaded.kernels, { pool: threaded.pool });
      setRecurrentKernel(kernel);
      return {
        name: kernel.name,
        detail: `fused WebAssembly kernels (SIMD, shared memory): one call per sequence forward and backward; whole training steps outside tfjs; batches split over a helper thread when measured faster`,
      };
    }
    const kernel = fusedSeamKernel(kernels);
    setRecurrentKernel(kernel);
    return {
      name: kernel.name,
      detail: `fused WebAssembly kernels (${simd}): one call per sequence forward and backward; whole training steps outside tfjs; no helper thread (${threaded.why})`,
    };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { name: 'op-by-op', detail: `op-by-op tfjs layers (fused kernels unavailable: ${why})` };
  }
}

export function selectRecurrentKernel(): Promise<KernelChoice> {
  chosen ??= choose();
  return chosen;
}
