// LSTM sequence forward/backward with tf ops, one time step at a time (BPTT written out so the
// weight gradients are single matMuls over all steps).
import * as tf from '@tensorflow/tfjs';
import {
  act,
  actGrad,
  at,
  inputProjections,
  masked,
  batchMajor,
  sigmoidGrad,
  steps,
  sequenceGradients,
  type CellOps,
} from './opByOpCommon';

export const lstmOps: CellOps = {
  forward(spec, inputs) {
    return tf.tidy(() => {
      const [b, t] = inputs.x.shape;
      const u = spec.units;
      const xs = inputProjections(inputs);
      let h: tf.Tensor2D = tf.zeros([b, u]);
      let c: tf.Tensor2D = tf.zeros([b, u]);
      const hs: tf.Tensor2D[] = [];
      const zs: tf.Tensor2D[] = [];
      const cs: tf.Tensor2D[] = [];
      for (let s = 0; s < t; s++) {
        const z: tf.Tensor2D = tf.add(
          at(xs, s),
          tf.matMul(masked(h, inputs.recurrentMask), inputs.recurrentKernel),
        );
        const [i, f, , o] = tf.split(tf.sigmoid(z), 4, 1) as tf.Tensor2D[];
        if (!i || !f || !o) throw new Error('internal: bad LSTM gate split');
        const g = act(spec.activation, tf.slice(z, [0, 2 * u], [b, u]) as tf.Tensor2D);
        c = tf.add(tf.mul(f, c), tf.mul(i, g));
        h = tf.mul(o, act(spec.activation, c));
        zs.push(z);
        cs.push(c);
        hs.push(h);
      }
      // Per-step lists (see opByOpCommon): pre-activations z, cell states c, hidden states h.
      return { output: batchMajor(hs), saved: [...zs, ...cs, ...hs] };
    });
  },

  backward(spec, inputs, _output, saved, dOutput) {
    return tf.tidy(() => {
      const [b, t] = inputs.x.shape;
      const u = spec.units;
      const a = spec.activation;
      const zs = saved.slice(0, t) as tf.Tensor2D[];
      const cs = saved.slice(t, 2 * t) as tf.Tensor2D[];
      const hs = saved.slice(2 * t, 3 * t) as tf.Tensor2D[];
      const dhSteps = steps(dOutput);
      const mask = inputs.recurrentMask;
      const zeros: tf.Tensor2D = tf.zeros([b, u]);
      let dhNext: tf.Tensor2D | null = null;
      let dcNext: tf.Tensor2D | null = null;
      const dZ: tf.Tensor2D[] = new Array<tf.Tensor2D>(t);
      for (let s = t - 1; s >= 0; s--) {
        const z = at(zs, s);
        const [i, f, , o] = tf.split(tf.sigmoid(z), 4, 1) as tf.Tensor2D[];
        if (!i || !f || !o) throw new Error('internal: bad LSTM gate split');
        const g = act(a, tf.slice(z, [0, 2 * u], [b, u]) as tf.Tensor2D);
        const tc = act(a, at(cs, s));
        const cPrev = s > 0 ? at(cs, s - 1) : zeros;
        const dh: tf.Tensor2D = dhNext ? tf.add(at(dhSteps, s), dhNext) : at(dhSteps, s);
        const dcLocal: tf.Tensor2D = tf.mul(tf.mul(dh, o), actGrad(a, tc));
        const dc: tf.Tensor2D = dcNext ? tf.add(dcNext, dcLocal) : dcLocal;
        const dz: tf.Tensor2D = tf.concat(
          [
            tf.mul(tf.mul(dc, g), sigmoidGrad(i)),
            tf.mul(tf.mul(dc, cPrev), sigmoidGrad(f)),
            tf.mul(tf.mul(dc, i), actGrad(a, g)),
            tf.mul(tf.mul(dh, tc), sigmoidGrad(o)),
          ],
          1,
        );
        dZ[s] = dz;
        dcNext = tf.mul(dc, f);
        dhNext = masked(tf.matMul(dz, inputs.recurrentKernel, false, true), mask);
      }
      return sequenceGradients(inputs, hs, dZ);
    });
  },
};
