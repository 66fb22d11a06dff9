// The fused recurrent kernel for the model seam (the product path), or why there is none.
import { ensureRnnWasm } from '../src-main/engine/kernels/wasm/ensureRnnWasm.testkit';
import { loadFusedKernels } from '../src-main/engine/kernels/wasm/fusedRnn';
import { fusedRuntime, type TrainingRuntime } from '../src-main/engine/kernels/trainingRuntime';
import { startThreadedKernels } from '../src-main/engine/kernels/threads/threadedKernels';

export async function loadFusedSeamKernel(): Promise<{
  runtime: TrainingRuntime | null;
  why: string;
}> {
  try {
    const wasmPath = ensureRnnWasm();
    // As createTrainingRuntime does: a helper thread when one starts, else one thread.
    const threaded = await startThreadedKernels({ wasmPath });
    if ('pool' in threaded) {
      return {
        runtime: fusedRuntime(threaded.kernels, threaded.pool),
        why: `engine/kernels/fusedRnn (simd, shared memory) through the engine's seam adapter; whole training steps outside tfjs; batches split over a helper thread when measured faster (splitPolicy)`,
      };
    }
    const kernels = await loadFusedKernels({ wasmPath });
    return {
      runtime: fusedRuntime(kernels),
      why: `engine/kernels/fusedRnn (${kernels.variant}) through the engine's seam adapter; whole training steps outside tfjs; no helper thread (${threaded.why})`,
    };
  } catch (e) {
    return {
      runtime: null,
      why: `fused kernels not loadable: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
