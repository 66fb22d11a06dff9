import { beforeAll, describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { denseModel, F, L, testInputs, weight } from './explainerModels.testkit';
import {
  integratedGradients,
  type IntegratedGradientsOptions,
  type IntegratedGradientsResult,
} from './integratedGradients';

const shape = { windows: 6, lookback: L, features: F };
const baseline = [0.2, -0.1];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A dense model of the test inputs and its attributions (the caller disposes of the model). */
async function attributed(
  activation: 'linear' | 'tanh',
  opts: IntegratedGradientsOptions,
): Promise<{ model: tf.LayersModel; inputs: Float32Array; r: IntegratedGradientsResult }> {
  const model = denseModel(activation);
  const inputs = testInputs(shape.windows);
  return { model, inputs, r: await integratedGradients(model, inputs, shape, baseline, opts) };
}

describe('integratedGradients', () => {
  it('equals (x − baseline)·w exactly on a linear model and is complete', async () => {
    const { model, inputs, r } = await attributed('linear', {
      steps: 8,
      horizonIndex: 1,
      batchSize: 10,
    });
    for (let k = 0; k < inputs.length; k++) {
      const f = k % F;
      const lag = Math.floor(k / F) % L;
      expect(r.attributions[k]).toBeCloseTo(
        ((inputs[k] as number) - (baseline[f] as number)) * weight(lag, f, 1),
        5,
      );
    }
    // float32 model outputs of magnitude ~1: gap at rounding level.
    for (const gap of r.completenessGap) expect(Math.abs(gap)).toBeLessThan(1e-5);
    model.dispose();
  });

  it('is complete within 1e-3 relative on a tanh model with 64 steps', async () => {
    const { model, inputs, r } = await attributed('tanh', { steps: 64, horizonIndex: 0 });
    for (let w = 0; w < shape.windows; w++) {
      const change = (r.output[w] as number) - r.baselineOutput;
      // Midpoint-rule error for tanh along a path of length < 2 is far below this bound.
      expect(Math.abs(r.completenessGap[w] as number)).toBeLessThan(
        1e-3 * Math.max(Math.abs(change), 1e-2),
      );
    }
    // Closed form for a single dense tanh unit: attribution_i = (x_i − x′_i)·w_i·(tanh(z) − tanh(z′))/(z − z′).
    const z = Math.atanh(r.output[0] as number);
    const z0 = Math.atanh(r.baselineOutput);
    const ratio = (Math.tanh(z) - Math.tanh(z0)) / (z - z0);
    expect(r.attributions[3]).toBeCloseTo(
      ((inputs[3] as number) - (baseline[1] as number)) * weight(1, 1, 0) * ratio,
      4,
    );
    model.dispose();
  });

  it('leaves the tensor count unchanged', async () => {
    const model = denseModel('tanh');
    const before = tf.memory().numTensors;
    await integratedGradients(model, testInputs(shape.windows), shape, baseline, {
      steps: 16,
      batchSize: 20,
    });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
