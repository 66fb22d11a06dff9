// Shared pieces of the op-by-op (tf ops, one step at a time) recurrent kernels.
import * as tf from '@tensorflow/tfjs';
import type { CellActivation, RecurrentSequenceInputs } from './recurrentKernel';

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

/** x·W + b for every step at once (one matMul instead of one per step), split into steps. */
export function inputProjections(inputs: RecurrentSequenceInputs): tf.Tensor2D[] {
  const [b, t, d] = inputs.x.shape;
  const g = inputs.kernel.shape[1];
  const flat = tf.add(tf.matMul(tf.reshape(inputs.x, [b * t, d]), inputs.kernel), inputs.bias);
  return tf.unstack(tf.reshape(flat, [b, t, g]), 1) as tf.Tensor2D[];
}

export function masked(h: tf.Tensor2D, mask: tf.Tensor2D | null): tf.Tensor2D {
  return mask ? tf.mul(h, mask) : h;
}

/** Gradients of x·W + b given dZ [B·T, G] (pre-activation gradients of all steps). */
export function inputGradients(
  inputs: RecurrentSequenceInputs,
  dZ: tf.Tensor2D,
): { dInput: tf.Tensor3D; dKernel: tf.Tensor2D; dBias: tf.Tensor1D } {
  const [b, t, d] = inputs.x.shape;
  const xFlat = tf.reshape(inputs.x, [b * t, d]);
  return {
    dInput: tf.reshape(tf.matMul(dZ, inputs.kernel, false, true), [b, t, d]),
    dKernel: tf.matMul(xFlat, dZ, true, false),
    dBias: tf.sum(dZ, 0),
  };
}

/** h(t-1) for every step as [B·T, U] (zeros first), with the recurrent mask applied. */
export function previousStates(output: tf.Tensor3D, mask: tf.Tensor2D | null): tf.Tensor2D {
  const [b, t, u] = output.shape;
  const zeros = tf.zeros([b, 1, u]);
  const prev = t === 1 ? zeros : tf.concat([zeros, tf.slice(output, [0, 0, 0], [b, t - 1, u])], 1);
  const m = mask ? tf.mul(prev, tf.reshape(mask, [b, 1, u])) : prev;
  return tf.reshape(m, [b * t, u]);
}

export function stackSteps(steps: tf.Tensor2D[]): tf.Tensor2D {
  const first = at(steps, 0);
  return tf.reshape(tf.stack(steps, 1), [first.shape[0] * steps.length, first.shape[1]]);
}
