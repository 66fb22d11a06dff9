// The fused recurrent kernel for the model seam (the product path), or why there is none.
import { ensureRnnWasm } from '../src-main/engine/kernels/wasm/ensureRnnWasm.testkit';
import { loadFusedKernels } from '../src-main/engine/kernels/wasm/fusedRnn';
import type { RecurrentSequenceKernel } from '../src-main/engine/model/recurrentKernel';
import { fusedSeamKernel } from '../src-main/engine/kernels/training/fusedSeamKernel';
import { startThreadedKernels } from '../src-main/engine/kernels/threads/threadedKernels';

export async function loadFusedSeamKernel(): Promise<{
  kernel: RecurrentSequenceKernel | null;
  why: string;
}> {
  try {
    const wasmPath = ensureRnnWasm();
    // As selectRecurrentKernel does: a helper thread when one starts, else one thread.
    const threaded = await startThreadedKernels({ wasmPath });
    if ('pool' in threaded) {
      return {
        kernel: fusedSeamKernel(threaded.kernels, { pool: threaded.pool }),
        why: `engine/kernels/fusedRnn (simd, shared memory) through the engine's seam adapter; whole training steps outside tfjs; batches split over a helper thread when measured faster (splitPolicy)`,
      };
    }
    const kernels = await loadFusedKernels({ wasmPath });
    return {
      kernel: fusedSeamKernel(kernels),
      why: `engine/kernels/fusedRnn (${kernels.variant}) through the engine's seam adapter; whole training steps outside tfjs; no helper thread (${threaded.why})`,
    };
  } catch (e) {
    return {
      kernel: null,
      why: `fused kernels not loadable: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
