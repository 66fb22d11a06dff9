import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { originalSpaceEffects, pipelineCodec } from './pipelineExplain';

const L = 3;
const W = [0.2, -0.5, 0.7]; // weights of the normalised inputs x_0..x_2
const B = 0.1;

/** z = Σ W_l x_l + B on [L, 1] windows, one output. */
function linearModel(): tf.LayersModel {
  const model = tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [L, 1] }), tf.layers.dense({ units: 1 })],
  });
  const k = tf.tensor2d(W, [L, 1]);
  const b = tf.tensor1d([B]);
  model.setWeights([k, b]);
  k.dispose();
  b.dispose();
  return model;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('pipeline explanations in original units', () => {
  it('difference normalisation: ∂F/∂v_l = W_l, and 1 − W_0 − W_1 for the level (closed form)', async () => {
    // x_l = (v_l − v_2)/s, F = v_2 + s·z = v_2 + Σ_{l<2} W_l (v_l − v_2) + s·B: linear in v, so the
    // secant is exact. The level's own input x_2 is always 0, so W_2 does not enter.
    const model = linearModel();
    const windows = Float64Array.from([10, 12, 11, 20, 18, 25]);
    const codec = pipelineCodec([5, 6], L, 0, {
      seasonality: { mode: 'none', period: 1, figure: [] },
      normalisation: { kind: 'difference', scale: 4 },
    });
    try {
      const r = await originalSpaceEffects(model, windows, codec, { mode: 'plus-minus', delta: 1 });
      const expected = [W[0] as number, W[1] as number, 1 - (W[0] as number) - (W[1] as number)];
      for (let w = 0; w < 2; w++)
        for (let l = 0; l < L; l++)
          expect(r.effect[w * L + l]).toBeCloseTo(expected[l] as number, 5);
      // Base forecast of window 0: 11 + 0.2·(10 − 11) − 0.5·(12 − 11) + 4·0.1 = 10.7.
      expect(r.base[0]).toBeCloseTo(10.7, 5);
      // Occlusion of v_0 := 14 in window 0 moves F by W_0·(14 − 10) = 0.8.
      const o = await originalSpaceEffects(model, windows, codec, {
        mode: 'occlusion',
        occlusionValue: 14,
      });
      expect(o.effect[0]).toBeCloseTo(0.8, 5);
    } finally {
      model.dispose();
    }
  });

  it('multiplicative seasonality: inputs divided and the forecast multiplied by the figure at its row', async () => {
    // Figure [2, 0.5] (period 2); window rows 3..5 for a target at row 6 (figure index 0 → 2).
    // Adjusted u_l = v_l / figure[row mod 2], difference normalisation with s = 1:
    // F = 2 · (u_2 + W_0 (u_0 − u_2) + W_1 (u_1 − u_2) + B), with u_0 = v_0/0.5, u_1 = v_1/2, u_2 = v_2/0.5.
    const model = linearModel();
    const codec = pipelineCodec([6], L, 0, {
      seasonality: { mode: 'multiplicative', period: 2, figure: [2, 0.5] },
      normalisation: { kind: 'difference', scale: 1 },
    });
    try {
      const r = await originalSpaceEffects(model, Float64Array.from([3, 8, 5]), codec, {
        mode: 'plus-minus',
        delta: 0.5,
      });
      const w0 = W[0] as number;
      const w1 = W[1] as number;
      // ∂F/∂v_0 = 2·W_0/0.5, ∂F/∂v_1 = 2·W_1/2, ∂F/∂v_2 = 2·(1 − W_0 − W_1)/0.5.
      expect(r.effect[0]).toBeCloseTo(4 * w0, 5);
      expect(r.effect[1]).toBeCloseTo(w1, 5);
      expect(r.effect[2]).toBeCloseTo(4 * (1 - w0 - w1), 5);
      // u = 6, 4, 10: F = 2·(10 + 0.2·(−4) − 0.5·(−6) + 0.1) = 24.6.
      expect(r.base[0]).toBeCloseTo(24.6, 5);
    } finally {
      model.dispose();
    }
  });
});
