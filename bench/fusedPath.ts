// The fused recurrent kernel for the model seam (the product path), or why there is none.
import { ensureRnnWasm } from '../src-main/engine/kernels/ensureRnnWasm';
import { loadFusedKernels } from '../src-main/engine/kernels/fusedRnn';
import type { RecurrentSequenceKernel } from '../src-main/engine/model/recurrentKernel';
import { fusedSeamKernel } from '../src-main/engine/kernels/fusedSeamKernel';

export async function loadFusedSeamKernel(): Promise<{
  kernel: RecurrentSequenceKernel | null;
  why: string;
}> {
  try {
    const kernels = await loadFusedKernels({ wasmPath: ensureRnnWasm() });
    return {
      kernel: fusedSeamKernel(kernels),
      why: `engine/kernels/fusedRnn (${kernels.variant}) through the engine's seam adapter`,
    };
  } catch (e) {
    return {
      kernel: null,
      why: `fused kernels not loadable: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
