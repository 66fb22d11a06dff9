// SimpleRNN forward/backward with tf ops: h = act(x·W + b + h'·R).
import * as tf from '@tensorflow/tfjs';
import type {
  RecurrentCellSpec,
  RecurrentForward,
  RecurrentGradients,
  RecurrentSequenceInputs,
} from './recurrentKernel';
import {
  act,
  actGrad,
  at,
  batchMajor,
  inputGradients,
  inputProjections,
  masked,
  previousStates,
  stackSteps,
  steps,
} from './opByOpCommon';

export function rnnForward(
  spec: RecurrentCellSpec,
  inputs: RecurrentSequenceInputs,
): RecurrentForward {
  return tf.tidy(() => {
    const [b, t] = inputs.x.shape;
    const xs = inputProjections(inputs);
    let h: tf.Tensor2D = tf.zeros([b, spec.units]);
    const hs: tf.Tensor2D[] = [];
    for (let s = 0; s < t; s++) {
      h = act(
        spec.activation,
        tf.add(at(xs, s), tf.matMul(masked(h, inputs.recurrentMask), inputs.recurrentKernel)),
      );
      hs.push(h);
    }
    return { output: batchMajor(hs), saved: [] };
  });
}

export function rnnBackward(
  spec: RecurrentCellSpec,
  inputs: RecurrentSequenceInputs,
  output: tf.Tensor3D,
  _saved: tf.Tensor[],
  dOutput: tf.Tensor3D,
): RecurrentGradients {
  return tf.tidy(() => {
    const [b, t] = inputs.x.shape;
    const hSteps = steps(output);
    const dhSteps = steps(dOutput);
    let dhNext: tf.Tensor2D = tf.zeros([b, spec.units]);
    const dZ: tf.Tensor2D[] = new Array<tf.Tensor2D>(t);
    for (let s = t - 1; s >= 0; s--) {
      const da: tf.Tensor2D = tf.mul(
        tf.add(at(dhSteps, s), dhNext),
        actGrad(spec.activation, at(hSteps, s)),
      );
      dZ[s] = da;
      dhNext = masked(tf.matMul(da, inputs.recurrentKernel, false, true), inputs.recurrentMask);
    }
    const dZFlat = stackSteps(dZ);
    return {
      ...inputGradients(inputs, dZFlat),
      dRecurrentKernel: tf.matMul(
        previousStates(hSteps, inputs.recurrentMask),
        dZFlat,
        true,
        false,
      ) as tf.Tensor2D,
    };
  });
}
