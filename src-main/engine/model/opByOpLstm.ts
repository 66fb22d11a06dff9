// LSTM sequence forward/backward with tf ops, one time step at a time (BPTT written out so the
// weight gradients are single matMuls over all steps).
import * as tf from '@tensorflow/tfjs';
import type { RecurrentCellSpec, RecurrentForward, RecurrentGradients, RecurrentSequenceInputs } from './recurrentKernel';
import {
  act,
  actGrad,
  at,
  inputGradients,
  inputProjections,
  masked,
  previousStates,
  sigmoidGrad,
  stackSteps,
} from './opByOpCommon';

export function lstmForward(spec: RecurrentCellSpec, inputs: RecurrentSequenceInputs): RecurrentForward {
  return tf.tidy(() => {
    const [b, t] = inputs.x.shape;
    const u = spec.units;
    const xs = inputProjections(inputs);
    let h: tf.Tensor2D = tf.zeros([b, u]);
    let c: tf.Tensor2D = tf.zeros([b, u]);
    const hs: tf.Tensor2D[] = [];
    const cs: tf.Tensor2D[] = [];
    const gates: tf.Tensor2D[] = [];
    for (let s = 0; s < t; s++) {
      const z = tf.add(at(xs, s), tf.matMul(masked(h, inputs.recurrentMask), inputs.recurrentKernel));
      const [zi, zf, zg, zo] = tf.split(z, 4, 1) as tf.Tensor2D[];
      const i = tf.sigmoid(zi as tf.Tensor2D);
      const f = tf.sigmoid(zf as tf.Tensor2D);
      const g = act(spec.activation, zg as tf.Tensor2D);
      const o = tf.sigmoid(zo as tf.Tensor2D);
      c = tf.add(tf.mul(f, c), tf.mul(i, g));
      h = tf.mul(o, act(spec.activation, c));
      gates.push(tf.concat([i, f, g, o], 1));
      cs.push(c);
      hs.push(h);
    }
    return { output: tf.stack(hs, 1) as tf.Tensor3D, saved: [tf.stack(gates, 1), tf.stack(cs, 1)] };
  });
}

export function lstmBackward(
  spec: RecurrentCellSpec,
  inputs: RecurrentSequenceInputs,
  output: tf.Tensor3D,
  saved: tf.Tensor[],
  dOutput: tf.Tensor3D,
): RecurrentGradients {
  return tf.tidy(() => {
    const [b, t] = inputs.x.shape;
    const u = spec.units;
    const gateSteps = tf.unstack(at(saved, 0), 1) as tf.Tensor2D[];
    const cSteps = tf.unstack(at(saved, 1), 1) as tf.Tensor2D[];
    const dhSteps = tf.unstack(dOutput, 1) as tf.Tensor2D[];
    const mask = inputs.recurrentMask;
    const zeros: tf.Tensor2D = tf.zeros([b, u]);
    let dhNext = zeros;
    let dcNext = zeros;
    const dZ: tf.Tensor2D[] = new Array<tf.Tensor2D>(t);
    for (let s = t - 1; s >= 0; s--) {
      const [i, f, g, o] = tf.split(at(gateSteps, s), 4, 1) as tf.Tensor2D[];
      if (!i || !f || !g || !o) throw new Error('internal: bad LSTM gate split');
      const tc = act(spec.activation, at(cSteps, s));
      const cPrev = s > 0 ? at(cSteps, s - 1) : zeros;
      const dh = tf.add(at(dhSteps, s), dhNext);
      const dc = tf.add(dcNext, tf.mul(tf.mul(dh, o), actGrad(spec.activation, tc)));
      const dz: tf.Tensor2D = tf.concat(
        [
          tf.mul(tf.mul(dc, g), sigmoidGrad(i)),
          tf.mul(tf.mul(dc, cPrev), sigmoidGrad(f)),
          tf.mul(tf.mul(dc, i), actGrad(spec.activation, g)),
          tf.mul(tf.mul(dh, tc), sigmoidGrad(o)),
        ],
        1,
      );
      dZ[s] = dz;
      dcNext = tf.mul(dc, f);
      dhNext = masked(tf.matMul(dz, inputs.recurrentKernel, false, true), mask);
    }
    const dZFlat = stackSteps(dZ);
    const prev = previousStates(output, mask);
    return {
      ...inputGradients(inputs, dZFlat),
      dRecurrentKernel: tf.matMul(prev, dZFlat, true, false) as tf.Tensor2D,
    };
  });
}
