// Chooses the implementation behind the recurrent seam once per engine process: the fused
// WebAssembly kernels when they load, else tfjs's op-by-op layers — and always says which and why.
import path from 'node:path';
import { setRecurrentKernel } from '../model/opByOpKernel';
import { loadFusedKernels } from './fusedRnn';
import { fusedSeamKernel } from './fusedSeamKernel';

export interface KernelChoice {
  name: string;
  detail: string;
}

let chosen: Promise<KernelChoice> | null = null;

async function choose(): Promise<KernelChoice> {
  if (process.env.SERIES_STUDIO_KERNEL === 'op-by-op') {
    return { name: 'op-by-op', detail: 'op-by-op tfjs layers (fused kernels switched off by SERIES_STUDIO_KERNEL=op-by-op)' };
  }
  const dir = process.env.SERIES_STUDIO_KERNELS_DIR;
  try {
    const kernels = await loadFusedKernels(dir ? { wasmPath: path.join(dir, 'rnn.wasm') } : {});
    const kernel = fusedSeamKernel(kernels);
    setRecurrentKernel(kernel);
    return { name: kernel.name, detail: `fused WebAssembly kernels (${kernels.variant === 'relaxed' ? 'SIMD + relaxed-SIMD FMA' : 'SIMD'}): one call per sequence forward and backward` };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { name: 'op-by-op', detail: `op-by-op tfjs layers (fused kernels unavailable: ${why})` };
  }
}

export function selectRecurrentKernel(): Promise<KernelChoice> {
  chosen ??= choose();
  return chosen;
}
