// Entry point of a member worker (a worker_thread of the engine process, started by
// forecasting/memberPool.ts): it loads the engine's TensorFlow.js backend and the same fused
// kernels, without a helper thread, then trains one ensemble member at a time (trainMember) and
// answers with its outcome. Thin on purpose; no top-level await (it also runs as CommonJS under
// tsx, from the TypeScript sources).
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend } from '../model/backend';
import { opByOpRuntime } from '../model/opByOpKernel';
import { fusedRuntime, type TrainingRuntime } from '../kernels/trainingRuntime';
import { loadFusedKernels } from '../kernels/wasm/fusedRnn';
import { trainMember } from '../forecasting/member';
import type { MemberWorkerSetup, PoolToWorker, WorkerToPool } from '../forecasting/memberProtocol';

const port = parentPort;
if (!port) throw new Error('memberWorkerMain runs as a worker thread of the engine');
const post = (message: WorkerToPool): void => port.postMessage(message);

// TensorFlow.js' advice lines and initialiser warnings say nothing the analyst can act on, and
// the worker's console is the engine's output; results and failures travel as messages.
console.log = () => {};
console.info = () => {};
console.warn = () => {};

async function start(setup: MemberWorkerSetup): Promise<TrainingRuntime> {
  const backend = await initBackend(setup.backend);
  if (backend.backend !== setup.backend)
    throw new Error(`the ${setup.backend} backend did not load here (${backend.detail})`);
  if (setup.kernels === null) return opByOpRuntime;
  const kernels = await loadFusedKernels({
    variant: setup.kernels.variant,
    ...(setup.kernels.wasmPath ? { wasmPath: setup.kernels.wasmPath } : {}),
  });
  return fusedRuntime(
    kernels,
    null,
    `fused WebAssembly kernels (${kernels.variant}) in a member worker`,
  );
}

const cancels = new Map<number, AbortController>();
let queue: Promise<void> = Promise.resolve();

start(workerData as MemberWorkerSetup).then(
  (runtime) => {
    port.on('message', (message: PoolToWorker) => {
      if (message.type === 'cancel') {
        cancels.get(message.jobId)?.abort();
        return;
      }
      const controller = new AbortController();
      cancels.set(message.jobId, controller);
      // One member at a time, in arrival order.
      queue = queue.then(async () => {
        try {
          const { outcome } = await trainMember(
            message.job,
            { signal: controller.signal },
            runtime,
          );
          post({ type: 'done', jobId: message.jobId, outcome });
        } catch (error) {
          post({
            type: 'error',
            jobId: message.jobId,
            message: error instanceof Error ? error.message : String(error),
          });
        } finally {
          cancels.delete(message.jobId);
        }
      });
    });
    post({ type: 'ready', detail: runtime.detail });
  },
  (error: unknown) =>
    post({ type: 'failed', why: error instanceof Error ? error.message : String(error) }),
);
