// The fused recurrent kernel for the model seam, or why there is none. The engine has no seam
// adapter over engine/kernels/fusedRnn yet, so this uses the bench-only bridge; switch to the
// engine's adapter once it exists so the figure measures the product path.
import { ensureRnnWasm } from '../src-main/engine/kernels/ensureRnnWasm';
import { loadFusedKernels } from '../src-main/engine/kernels/fusedRnn';
import type { RecurrentSequenceKernel } from '../src-main/engine/model/recurrentKernel';
import { fusedSeamKernel } from './fusedSeamKernel';

export async function loadFusedSeamKernel(): Promise<{
  kernel: RecurrentSequenceKernel | null;
  why: string;
}> {
  try {
    const kernels = await loadFusedKernels({ wasmPath: ensureRnnWasm() });
    return {
      kernel: fusedSeamKernel(kernels),
      why: 'engine/kernels/fusedRnn loaded; the model has no fused seam kernel yet, so bench/fusedSeamKernel.ts bridges it',
    };
  } catch (e) {
    return {
      kernel: null,
      why: `fused kernels not loadable: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
