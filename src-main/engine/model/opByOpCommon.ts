// Shared pieces of the op-by-op (tf ops, one step at a time) recurrent kernels.
import * as tf from '@tensorflow/tfjs';
import type {
  CellActivation,
  RecurrentSequenceInputs,
  RecurrentSequenceKernel,
} from './recurrentKernel';

/** One cell's forward and backward passes, as the op-by-op kernel dispatches them. */
export type CellOps = Pick<RecurrentSequenceKernel, 'forward' | 'backward'>;

export function at<T>(items: readonly T[], i: number): T {
  const v = items[i];
  if (v === undefined) throw new Error(`internal: missing element ${i}`);
  return v;
}

export function act(kind: CellActivation, x: tf.Tensor2D): tf.Tensor2D {
  return kind === 'relu' ? tf.relu(x) : tf.tanh(x);
}

/** Derivative of the activation expressed through its output y. */
export function actGrad(kind: CellActivation, y: tf.Tensor2D): tf.Tensor2D {
  return kind === 'relu' ? tf.step(y) : tf.sub(1, tf.square(y));
}

export function sigmoidGrad(s: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(s, tf.sub(1, s));
}

// Work is time-major so step tensors can be concatenated into [T·B, ·] for the weight gradients
// with one matMul. Per-step tensors are kept as lists: on the wasm backend every slice/unstack/
// gather of a big tensor copies the whole tensor out of the heap (readSync), which made slicing a
// bulk [T, B, 4U] projection into steps the dominant cost (measured ~12 ms per call at T1 size).

export function timeMajor(t: tf.Tensor3D): tf.Tensor3D {
  return tf.transpose(t, [1, 0, 2]);
}

/** The steps of a [B, T, ...] tensor as T tensors [B, ...]. */
export function steps(t: tf.Tensor3D): tf.Tensor2D[] {
  return tf.unstack(timeMajor(t), 0) as tf.Tensor2D[];
}

/** x(t)·W + b per step; x is small (few features), so slicing it is cheap. */
export function inputProjections(inputs: RecurrentSequenceInputs): tf.Tensor2D[] {
  return steps(inputs.x).map(
    (xt) => tf.fused.matMul({ a: xt, b: inputs.kernel, bias: inputs.bias }) as tf.Tensor2D,
  );
}

/** [B, T, U] from T step tensors [B, U]. */
export function batchMajor(stepsList: tf.Tensor2D[]): tf.Tensor3D {
  return tf.transpose(tf.stack(stepsList, 0) as tf.Tensor3D, [1, 0, 2]);
}

export function masked(h: tf.Tensor2D, mask: tf.Tensor2D | null): tf.Tensor2D {
  return mask ? tf.mul(h, mask) : h;
}

/** Gradients of x·W + b given time-major dZ [T·B, G] (pre-activation gradients of all steps). */
export function inputGradients(
  inputs: RecurrentSequenceInputs,
  dZ: tf.Tensor2D,
): { dInput: tf.Tensor3D; dKernel: tf.Tensor2D; dBias: tf.Tensor1D } {
  const [b, t, d] = inputs.x.shape;
  const xFlat = tf.reshape(timeMajor(inputs.x), [t * b, d]);
  return {
    dInput: timeMajor(tf.reshape(tf.matMul(dZ, inputs.kernel, false, true), [t, b, d])),
    dKernel: tf.matMul(xFlat, dZ, true, false),
    dBias: tf.sum(dZ, 0),
  };
}

/** h(t-1) for every step, time-major [T·B, U] (zeros first), with the recurrent mask applied. */
export function previousStates(hSteps: tf.Tensor2D[], mask: tf.Tensor2D | null): tf.Tensor2D {
  const first = at(hSteps, 0);
  const prev = [tf.zerosLike(first), ...hSteps.slice(0, -1)].map((h) => masked(h, mask));
  return tf.concat(prev, 0);
}

/** Time-major [T·B, G] from T step tensors [B, G]. */
export function stackSteps(stepsList: tf.Tensor2D[]): tf.Tensor2D {
  return tf.concat(stepsList, 0);
}

/**
 * All weight and input gradients of a cell whose pre-activations are z = x·W + b + h'·U over the
 * whole of U, from the per-step dZ [B, G] and the hidden states h of every step.
 */
export function sequenceGradients(
  inputs: RecurrentSequenceInputs,
  hSteps: tf.Tensor2D[],
  dZ: tf.Tensor2D[],
): ReturnType<typeof inputGradients> & { dRecurrentKernel: tf.Tensor2D } {
  const dZFlat = stackSteps(dZ);
  const prev = previousStates(hSteps, inputs.recurrentMask);
  return {
    ...inputGradients(inputs, dZFlat),
    dRecurrentKernel: tf.matMul(prev, dZFlat, true, false),
  };
}
