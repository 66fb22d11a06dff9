// The fused WebAssembly RNN kernels (fusedRnn.ts) behind the model's RecurrentSequenceKernel seam:
// one wasm call runs a whole sequence forward (keeping what backward needs in wasm memory) and one
// runs backpropagation through time, instead of ~100 small tfjs kernel calls per time step.
import * as tf from '@tensorflow/tfjs';
import type { FusedRnnCache, FusedRnnKernels } from '../wasm/fusedRnn';
import type { RecurrentSequenceKernel } from '../../model/recurrentKernel';
import type { FastTrainStepProvider } from '../../model/train';
import { createFusedTrainStep } from './fusedTrainStep';
import type { RnnThreadPool } from '../threads/rnnThreadPool';

/** Forward passes never followed by backward (inference) would otherwise hold wasm memory. */
const MAX_OUTSTANDING = 16;
/** Rows per kernel call when predicting without gradients. */
const INFERENCE_CHUNK = 512;

function f32(t: tf.Tensor): Float32Array {
  const d = t.dataSync();
  return d instanceof Float32Array ? d : Float32Array.from(d);
}

export interface FusedSeamOptions {
  /**
   * Also offer trainModel a whole training step outside tfjs (fusedTrainStep) for the models it
   * fits; default true. false keeps only the per-layer seam (for comparisons).
   */
  wholeStep?: boolean;
  /** Helper thread over the same (shared) memory: whole steps may split batches across it. */
  pool?: RnnThreadPool | null;
}

/** True inside tf.grad / optimizer.minimize, where tfjs records a tape for backward. */
function recordingGradients(): boolean {
  return (tf.engine().state as unknown as { gradientDepth: number }).gradientDepth > 0;
}

export function fusedSeamKernel(
  kernels: FusedRnnKernels,
  options: FusedSeamOptions = {},
): RecurrentSequenceKernel & Partial<FastTrainStepProvider> {
  const wholeStep = options.wholeStep ?? true;
  // saved[] must hold tensors, so the cache travels as an id in a scalar.
  const caches = new Map<number, FusedRnnCache>();
  let nextId = 1;
  return {
    name: `fused-wasm-${kernels.variant}`,
    ...(wholeStep
      ? {
          createTrainStep: (request) => {
            const pool = options.pool?.alive ? options.pool : null;
            return createFusedTrainStep(kernels, request, pool ? { pool } : null);
          },
        }
      : {}),
    forward(spec, inputs) {
      const [batch, steps, inputDim] = inputs.x.shape;
      const recording = recordingGradients();
      const args = {
        cell: spec.cell === 'rnn' ? ('simpleRnn' as const) : spec.cell,
        steps,
        inputDim,
        units: spec.units,
        activation: spec.activation,
        returnSequences: true,
        kernel: f32(inputs.kernel),
        recurrentKernel: f32(inputs.recurrentKernel),
        bias: f32(inputs.bias),
        recurrentDropoutMask: inputs.recurrentMask === null ? null : f32(inputs.recurrentMask),
      };
      const x = f32(inputs.x);
      if (!recording && batch > INFERENCE_CHUNK) {
        // Inference on thousands of windows (perturbation batches): run bounded chunks so wasm
        // memory stays small, and keep no cache — there will be no backward pass.
        const output = new Float32Array(batch * steps * spec.units);
        const rowIn = steps * inputDim;
        const rowOut = steps * spec.units;
        for (let from = 0; from < batch; from += INFERENCE_CHUNK) {
          const rows = Math.min(INFERENCE_CHUNK, batch - from);
          const part = kernels.forward({
            ...args,
            batch: rows,
            x: x.subarray(from * rowIn, (from + rows) * rowIn),
            keepCache: false,
          });
          output.set(part.output, from * rowOut);
        }
        return {
          output: tf.tensor3d(output, [batch, steps, spec.units]),
          saved: [tf.scalar(-1, 'int32')],
        };
      }
      const { output, cache } = kernels.forward({ ...args, batch, x, keepCache: recording });
      const id = nextId++;
      caches.set(id, cache);
      for (const [old, c] of caches) {
        if (caches.size <= MAX_OUTSTANDING) break;
        kernels.release(c);
        caches.delete(old);
      }
      return {
        output: tf.tensor3d(output, [batch, steps, spec.units]),
        saved: [tf.scalar(id, 'int32')],
      };
    },
    backward(_spec, inputs, _output, saved, dOutput) {
      const idTensor = saved[0];
      const id = idTensor === undefined ? -1 : (idTensor.dataSync()[0] ?? -1);
      const cache = caches.get(id);
      if (cache === undefined) throw new Error(`fused adapter: no forward cache ${id}`);
      caches.delete(id);
      const g = kernels.backward(cache, f32(dOutput));
      return {
        dInput: tf.tensor3d(g.dX, inputs.x.shape),
        dKernel: tf.tensor2d(g.dKernel, inputs.kernel.shape),
        dRecurrentKernel: tf.tensor2d(g.dRecurrentKernel, inputs.recurrentKernel.shape),
        dBias: tf.tensor1d(g.dBias),
      };
    },
  };
}
