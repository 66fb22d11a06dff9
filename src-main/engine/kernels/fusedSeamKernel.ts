// The fused WebAssembly RNN kernels (fusedRnn.ts) behind the model's RecurrentSequenceKernel seam:
// one wasm call runs a whole sequence forward (keeping what backward needs in wasm memory) and one
// runs backpropagation through time, instead of ~100 small tfjs kernel calls per time step.
import * as tf from '@tensorflow/tfjs';
import type { FusedRnnCache, FusedRnnKernels } from './fusedRnn';
import type { RecurrentSequenceKernel } from '../model/recurrentKernel';

/** Forward passes never followed by backward (inference) would otherwise hold wasm memory. */
const MAX_OUTSTANDING = 16;

function f32(t: tf.Tensor): Float32Array {
  const d = t.dataSync();
  return d instanceof Float32Array ? d : Float32Array.from(d);
}

export function fusedSeamKernel(kernels: FusedRnnKernels): RecurrentSequenceKernel {
  // saved[] must hold tensors, so the cache travels as an id in a scalar.
  const caches = new Map<number, FusedRnnCache>();
  let nextId = 1;
  return {
    name: `fused-wasm-${kernels.variant}`,
    forward(spec, inputs) {
      const [batch, steps, inputDim] = inputs.x.shape;
      const { output, cache } = kernels.forward({
        cell: spec.cell === 'rnn' ? 'simpleRnn' : spec.cell,
        batch,
        steps,
        inputDim,
        units: spec.units,
        activation: spec.activation,
        returnSequences: true,
        x: f32(inputs.x),
        kernel: f32(inputs.kernel),
        recurrentKernel: f32(inputs.recurrentKernel),
        bias: f32(inputs.bias),
        recurrentDropoutMask: inputs.recurrentMask === null ? null : f32(inputs.recurrentMask),
        keepCache: true,
      });
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
