// A whole training step without tfjs: the recurrent stack (fusedStack), the Dense head, the loss
// and the optimizer run on Float32Arrays, and the model's variables are written only when the
// training loop asks (sync). Used by trainModel for the models it fits (stacked recurrent layers
// without dropout, a linear Dense head, Adam or SGD, MSE or MAE); anything else keeps the tfjs step.
import * as tf from '@tensorflow/tfjs';
import type { LayerVariable } from '@tensorflow/tfjs-layers/dist/variables';
import { SeqRecurrent } from '../../model/recurrentLayer';
import type { FastTrainStep, FastTrainStepRequest } from '../../model/train';
import type { WindowSet } from '../../model/windows';
import { denseHeadStep, type HeadGradients } from './denseHead';
import type { FusedRnnKernels } from '../wasm/fusedRnn';
import { FusedStack, type LayerTensors, type StackLayerSpec } from './fusedStack';
import { optimizerStepFor, type ParamSlot } from './optimizerStep';
import type { RnnThreadPool } from '../threads/rnnThreadPool';
import { SplitPolicy } from '../threads/splitPolicy';

interface Bound {
  variable: LayerVariable;
  slot: ParamSlot;
}

function bind(variable: LayerVariable): Bound {
  // slice(): the cpu backend's dataSync returns its own store, which we must not alias.
  const value = Float32Array.from(variable.read().dataSync());
  return { variable, slot: { value, grad: new Float32Array(value.length) } };
}

function isLinearDense(layer: tf.layers.Layer): boolean {
  if (layer.getClassName() !== 'Dense' || !layer.trainable) return false;
  const c = layer.getConfig();
  return (
    c['activation'] === 'linear' && c['useBias'] === true && layer.trainableWeights.length === 2
  );
}

/** Why the model does not fit the fused step, or null when it does. */
export function fusedStepMismatch(model: tf.LayersModel): string | null {
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const head = layers[layers.length - 1];
  const rec = layers.slice(0, -1);
  if (head === undefined || rec.length === 0) return 'not recurrent layers + head';
  if (!isLinearDense(head)) return 'head is not a linear Dense layer with bias';
  for (const [i, l] of rec.entries()) {
    if (!(l instanceof SeqRecurrent)) return `layer ${i} is not a SeqRecurrent layer`;
    if (!l.trainable || l.trainableWeights.length !== 3) return `layer ${i} is not trainable`;
    if (l.dropout > 0 || l.recurrentDropout > 0) return `layer ${i} uses dropout`;
    if (l.returnSequences !== i < rec.length - 1) return `layer ${i} returnSequences mismatch`;
  }
  const shape = model.inputs[0]?.shape;
  if (shape?.length !== 3 || typeof shape[1] !== 'number' || typeof shape[2] !== 'number')
    return 'input is not [batch, steps, features]';
  return null;
}

export function createFusedTrainStep(
  kernels: FusedRnnKernels,
  request: FastTrainStepRequest,
  threads: { pool: RnnThreadPool; policy?: SplitPolicy } | null = null,
): FastTrainStep | null {
  const { model, optimizer, loss } = request;
  if (fusedStepMismatch(model) !== null) return null;
  const update = optimizerStepFor(
    optimizer.getClassName(),
    optimizer.getConfig() as Record<string, unknown>,
  );
  if (update === null) return null;
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const rec = layers.slice(0, -1) as SeqRecurrent[];
  const head = layers[layers.length - 1] as tf.layers.Layer;
  const [, steps, inputDim] = model.inputs[0]?.shape as [null, number, number];
  const specs: StackLayerSpec[] = rec.map((l) => ({
    cell: l.spec.cell === 'rnn' ? 'simpleRnn' : l.spec.cell,
    units: l.spec.units,
    activation: l.spec.activation,
  }));
  const bound = rec.map((l) => l.trainableWeights.map(bind));
  const [headKernel, headBias] = head.trainableWeights.map(bind) as [Bound, Bound];
  const all = [...bound.flat(), headKernel, headBias];
  const weights: LayerTensors[] = bound.map(([k, rk, b]) => ({
    kernel: (k as Bound).slot.value,
    recurrentKernel: (rk as Bound).slot.value,
    bias: (b as Bound).slot.value,
  }));
  const grads: LayerTensors[] = bound.map(([k, rk, b]) => ({
    kernel: (k as Bound).slot.grad,
    recurrentKernel: (rk as Bound).slot.grad,
    bias: (b as Bound).slot.grad,
  }));
  const units = specs[specs.length - 1]?.units ?? 0;
  const stack = new FusedStack(kernels, specs, steps, inputDim);
  const headGrads: HeadGradients = {
    kernel: headKernel.slot.grad,
    bias: headBias.slot.grad,
    hidden: new Float32Array(0),
  };
  const slots = all.map((b) => b.slot);
  const pool = threads?.pool.kernels === kernels ? threads.pool : null;
  const policy = threads?.policy ?? new SplitPolicy();
  // null when the helper thread failed; the caller then redoes the step on this thread.
  const attempt = (
    set: WindowSet,
    idx: ArrayLike<number>,
    p: RnnThreadPool | null,
  ): number | null => {
    const segments = stack.forward(set.x, idx, weights, p);
    if (segments === null) return null;
    const mem = stack.memory();
    const batchLoss = denseHeadStep(
      { mem, segments, units, y: set.y, idx },
      headKernel.slot.value,
      headBias.slot.value,
      loss,
      headGrads,
    );
    if (!stack.backward(idx.length, headGrads.hidden, grads, p)) return null;
    return batchLoss;
  };
  return {
    name: `fused stack (${kernels.variant}) + JS head/${update.kind}${pool ? ' + 2-thread split' : ''}`,
    step(set, idx) {
      if (set.lookback !== steps || set.nFeatures !== inputDim)
        throw new Error('fused step: window shape differs from the model input');
      const B = idx.length;
      if (headGrads.hidden.length < B * units) headGrads.hidden = new Float32Array(B * units);
      const split = pool !== null && pool.alive && FusedStack.splittable(B) && policy.next();
      const t0 = performance.now();
      const batchLoss = attempt(set, idx, split ? pool : null) ?? attempt(set, idx, null);
      if (batchLoss === null) throw new Error('fused step failed without a helper thread');
      if (pool?.alive && FusedStack.splittable(B))
        policy.record(split, (performance.now() - t0) / B);
      update.apply(slots);
      return batchLoss;
    },
    sync() {
      for (const { variable, slot } of all) {
        const t = tf.tensor(slot.value.slice(), variable.shape as number[], 'float32');
        variable.write(t);
        t.dispose();
      }
    },
    dispose() {
      stack.dispose();
    },
  };
}
