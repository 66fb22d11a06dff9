// Tiny tfjs models with closed-form answers for the explainer tests (test support only).
import * as tf from '@tensorflow/tfjs';

export const L = 4;
export const F = 2;
export const H = 3;

/** Kernel entry for input cell (lag, feature) and output step h: distinct, easy to read. */
export function weight(lag: number, feature: number, h: number): number {
  return 0.1 * (lag + 1) * (feature === 0 ? 1 : -2) + 0.05 * h;
}
export const BIAS = [0.3, -0.2, 0.1];

function kernel(): tf.Tensor2D {
  const values: number[] = [];
  for (let lag = 0; lag < L; lag++) {
    for (let f = 0; f < F; f++) for (let h = 0; h < H; h++) values.push(weight(lag, f, h));
  }
  return tf.tensor2d(values, [L * F, H]);
}

/** f(x) = flatten(x)·W + b with activation `activation` ('linear' or 'tanh'). */
export function denseModel(activation: 'linear' | 'tanh'): tf.LayersModel {
  const model = tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [L, F] }), tf.layers.dense({ units: H, activation })],
  });
  const k = kernel();
  const b = tf.tensor1d(BIAS);
  model.setWeights([k, b]);
  k.dispose();
  b.dispose();
  return model;
}

/** Deterministic inputs in roughly [−1, 1] for `windows` windows. */
export function testInputs(windows: number): Float32Array {
  return Float32Array.from({ length: windows * L * F }, (_, i) => Math.sin(i * 0.7) * 0.9);
}
