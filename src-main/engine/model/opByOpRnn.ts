// SimpleRNN forward/backward with tf ops: h = act(x·W + b + h'·R).
import * as tf from '@tensorflow/tfjs';
import {
  act,
  actGrad,
  at,
  batchMajor,
  inputProjections,
  masked,
  steps,
  sequenceGradients,
  type CellOps,
} from './opByOpCommon';

export const rnnOps: CellOps = {
  forward(spec, inputs) {
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
  },

  backward(spec, inputs, output, _saved, dOutput) {
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
      return sequenceGradients(inputs, hSteps, dZ);
    });
  },
};
