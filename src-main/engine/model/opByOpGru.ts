// GRU (tfjs-layers/Keras reset_after=false variant) forward/backward with tf ops:
//   z = σ(xz + h'·Rz), r = σ(xr + h'·Rr), ĥ = act(xh + (r⊙h')·Rh), h = z⊙h(t-1) + (1−z)⊙ĥ
// where h' is h(t-1) times the recurrent-dropout mask (h' = h(t-1) at inference).
import * as tf from '@tensorflow/tfjs';
import {
  act,
  actGrad,
  at,
  inputGradients,
  inputProjections,
  masked,
  batchMajor,
  previousStates,
  sigmoidGrad,
  stackSteps,
  steps,
  type CellOps,
} from './opByOpCommon';

function splitRecurrent(r: tf.Tensor2D, u: number): [tf.Tensor2D, tf.Tensor2D] {
  const [zr, h] = tf.split(r, [2 * u, u], 1) as tf.Tensor2D[];
  if (!zr || !h) throw new Error('internal: bad GRU kernel split');
  return [zr, h];
}

export const gruOps: CellOps = {
  forward(spec, inputs) {
    return tf.tidy(() => {
      const [b, t] = inputs.x.shape;
      const u = spec.units;
      const [rZr, rH] = splitRecurrent(inputs.recurrentKernel, u);
      const xs = inputProjections(inputs);
      let h: tf.Tensor2D = tf.zeros([b, u]);
      const hs: tf.Tensor2D[] = [];
      const gates: tf.Tensor2D[] = [];
      for (let s = 0; s < t; s++) {
        const hm = masked(h, inputs.recurrentMask);
        const [xz, xr, xh] = tf.split(at(xs, s), 3, 1) as tf.Tensor2D[];
        const [rz, rr] = tf.split(tf.matMul(hm, rZr), 2, 1) as tf.Tensor2D[];
        const z = tf.sigmoid(tf.add(xz as tf.Tensor2D, rz as tf.Tensor2D));
        const r = tf.sigmoid(tf.add(xr as tf.Tensor2D, rr as tf.Tensor2D));
        const hh = act(spec.activation, tf.add(xh as tf.Tensor2D, tf.matMul(tf.mul(r, hm), rH)));
        h = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), hh));
        gates.push(tf.concat([z, r, hh], 1) as tf.Tensor2D);
        hs.push(h);
      }
      return { output: batchMajor(hs), saved: [tf.stack(gates, 0)] };
    });
  },

  backward(spec, inputs, output, saved, dOutput) {
    return tf.tidy(() => {
      const [b, t] = inputs.x.shape;
      const u = spec.units;
      const [rZr, rH] = splitRecurrent(inputs.recurrentKernel, u);
      const gateSteps = tf.unstack(at(saved, 0), 0) as tf.Tensor2D[];
      const hSteps = steps(output);
      const dhSteps = steps(dOutput);
      const mask = inputs.recurrentMask;
      const zeros: tf.Tensor2D = tf.zeros([b, u]);
      let dhNext = zeros;
      const dZr: tf.Tensor2D[] = new Array<tf.Tensor2D>(t);
      const dA: tf.Tensor2D[] = new Array<tf.Tensor2D>(t);
      const rhm: tf.Tensor2D[] = new Array<tf.Tensor2D>(t);
      for (let s = t - 1; s >= 0; s--) {
        const [z, r, hh] = tf.split(at(gateSteps, s), 3, 1) as tf.Tensor2D[];
        if (!z || !r || !hh) throw new Error('internal: bad GRU gate split');
        const hPrev = s > 0 ? at(hSteps, s - 1) : zeros;
        const hm = masked(hPrev, mask);
        const dh = tf.add(at(dhSteps, s), dhNext);
        const da: tf.Tensor2D = tf.mul(tf.mul(dh, tf.sub(1, z)), actGrad(spec.activation, hh));
        const dRh = tf.matMul(da, rH, false, true);
        const dzr: tf.Tensor2D = tf.concat(
          [
            tf.mul(tf.mul(dh, tf.sub(hPrev, hh)), sigmoidGrad(z)),
            tf.mul(tf.mul(dRh, hm), sigmoidGrad(r)),
          ],
          1,
        );
        const dhm: tf.Tensor2D = tf.add(tf.mul(dRh, r), tf.matMul(dzr, rZr, false, true));
        dhNext = tf.add(tf.mul(dh, z), masked(dhm, mask));
        dZr[s] = dzr;
        dA[s] = da;
        rhm[s] = tf.mul<tf.Tensor2D>(r, hm);
      }
      const dZrFlat = stackSteps(dZr);
      const dAFlat = stackSteps(dA);
      const dZ: tf.Tensor2D = tf.concat([dZrFlat, dAFlat], 1);
      const prev = previousStates(hSteps, mask);
      const dRecurrentKernel: tf.Tensor2D = tf.concat(
        [tf.matMul(prev, dZrFlat, true, false), tf.matMul(stackSteps(rhm), dAFlat, true, false)],
        1,
      );
      return { ...inputGradients(inputs, dZ), dRecurrentKernel };
    });
  },
};
