// LSTM sequence forward/backward with tf ops, one time step at a time (BPTT written out so the
// weight gradients are single matMuls over all steps).
import * as tf from '@tensorflow/tfjs';
import type { RecurrentCellSpec, RecurrentForward, RecurrentGradients, RecurrentSequenceInputs } from './recurrentKernel';
import {
  act,
  at,
  inputGradients,
  inputProjections,
  masked,
  batchMajor,
  previousStates,
  stackSteps,
  steps,
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
    const zs: tf.Tensor2D[] = [];
    for (let s = 0; s < t; s++) {
      // One fused kernel for h·R + (x·W + b); gates are recomputed in bulk by backward from z.
      const z = tf.fused.matMul({ a: masked(h, inputs.recurrentMask), b: inputs.recurrentKernel, bias: at(xs, s) });
      const [i, f, , o] = tf.split(tf.sigmoid(z), 4, 1) as tf.Tensor2D[];
      if (!i || !f || !o) throw new Error('internal: bad LSTM gate split');
      const g = act(spec.activation, tf.slice(z, [0, 2 * u], [b, u]));
      c = tf.add(tf.mul(f, c), tf.mul(i, g));
      h = tf.mul(o, act(spec.activation, c));
      zs.push(z);
      cs.push(c);
      hs.push(h);
    }
    // Saved time-major so backward slices steps contiguously.
    return { output: batchMajor(hs), saved: [tf.stack(zs, 0), tf.stack(cs, 0)] };
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
    const a = spec.activation;
    // Everything that does not depend on the backward recursion is computed for all steps at
    // once (time-major [T, B, ·]); the loop then needs ~7 small ops per step instead of ~25.
    const zAll = at(saved, 0) as tf.Tensor3D;
    const cAll = at(saved, 1) as tf.Tensor3D;
    const actAll = (v: tf.Tensor3D): tf.Tensor3D => (a === 'relu' ? tf.relu(v) : tf.tanh(v));
    const [i, f, , o] = tf.split(tf.sigmoid(zAll), 4, 2) as tf.Tensor3D[];
    if (!i || !f || !o) throw new Error('internal: bad LSTM gate split');
    const g = actAll(tf.slice(zAll, [0, 0, 2 * u], [t, b, u]));
    const tc = actAll(cAll);
    const dAct = (y: tf.Tensor3D): tf.Tensor3D => (a === 'relu' ? tf.step(y) : tf.sub(1, tf.square(y)));
    const sg = (v: tf.Tensor3D): tf.Tensor3D => tf.mul(v, tf.sub(1, v));
    const cPrev = t === 1 ? tf.zerosLike(cAll) : tf.concat([tf.zeros([1, b, u]), tf.slice(cAll, [0, 0, 0], [t - 1, b, u])], 0);
    const coefSteps = tf.unstack(tf.mul(o, dAct(tc)), 0) as tf.Tensor2D[];
    const factors = tf.concat([tf.mul(g, sg(i)), tf.mul(cPrev, sg(f)), tf.mul(i, dAct(g)), tf.mul(tc, sg(o))], 2);
    const factorSteps = tf.unstack(factors, 0) as tf.Tensor2D[];
    const fSteps = tf.unstack(f, 0) as tf.Tensor2D[];
    const dhSteps = steps(dOutput);
    const mask = inputs.recurrentMask;
    let dhNext: tf.Tensor2D | null = null;
    let dcNext: tf.Tensor2D | null = null;
    const dZ: tf.Tensor2D[] = new Array<tf.Tensor2D>(t);
    for (let s = t - 1; s >= 0; s--) {
      const dh: tf.Tensor2D = dhNext ? tf.add(at(dhSteps, s), dhNext) : at(dhSteps, s);
      const dcLocal: tf.Tensor2D = tf.mul(dh, at(coefSteps, s));
      const dc: tf.Tensor2D = dcNext ? tf.add(dcNext, dcLocal) : dcLocal;
      const dz: tf.Tensor2D = tf.mul(tf.concat([dc, dc, dc, dh], 1), at(factorSteps, s));
      dZ[s] = dz;
      dcNext = tf.mul(dc, at(fSteps, s));
      dhNext = masked(tf.matMul(dz, inputs.recurrentKernel, false, true), mask);
    }
    const dZFlat = stackSteps(dZ);
    const prev = previousStates(steps(output), mask);
    return {
      ...inputGradients(inputs, dZFlat),
      dRecurrentKernel: tf.matMul(prev, dZFlat, true, false) as tf.Tensor2D,
    };
  });
}
