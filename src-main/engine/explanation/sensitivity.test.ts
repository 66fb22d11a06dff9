import { beforeAll, describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { denseModel, F, H, L, testInputs, weight } from './explainerModels.testkit';
import { sensitivityHeatmap } from './sensitivity';

// Output scale: original = 50·scaled + 100, so a scaled change Δ is 50·Δ in original units.
const SLOPE = 50;
const outputScale = (s: Float32Array): Float32Array => s.map((v) => SLOPE * v + 100);
const shape = { windows: 5, lookback: L, features: F };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('sensitivityHeatmap on a linear model f(x) = Σ w·x + b', () => {
  it('plus-minus effect equals δ·w[lag,feature]·slope for every window and cell', async () => {
    const model = denseModel('linear');
    const inputs = testInputs(shape.windows);
    const delta = 0.1;
    // Small batch size forces several predict calls, splitting windows across batches.
    const r = await sensitivityHeatmap(model, inputs, shape, {
      mode: 'plus-minus',
      delta,
      outputScale,
      horizonIndex: 2,
      batchSize: 7,
    });
    for (let w = 0; w < shape.windows; w++) {
      for (let lag = 0; lag < L; lag++) {
        for (let f = 0; f < F; f++) {
          const k = (w * L + lag) * F + f;
          const expected = delta * weight(lag, f, 2) * SLOPE;
          expect(r.effect[k]).toBeCloseTo(expected, 4);
          expect(r.plusSide?.[k]).toBeCloseTo(expected, 4);
          expect(r.minusSide?.[k]).toBeCloseTo(-expected, 4);
        }
      }
    }
    // meanAbsPerLag: mean over features of |δ w| · slope (same for all windows).
    for (let lag = 0; lag < L; lag++) {
      const expected =
        ((Math.abs(weight(lag, 0, 2)) + Math.abs(weight(lag, 1, 2))) / 2) * delta * SLOPE;
      expect(r.meanAbsPerLag[lag]).toBeCloseTo(expected, 4);
    }
    model.dispose();
  });

  it('occlusion effect equals (mean − x)·w·slope', async () => {
    const model = denseModel('linear');
    const inputs = testInputs(shape.windows);
    const means = [0.25, -0.5];
    const r = await sensitivityHeatmap(model, inputs, shape, {
      mode: 'occlusion',
      occlusionValues: means,
      outputScale,
      horizonIndex: 0,
    });
    expect(r.plusSide).toBeUndefined();
    for (let k = 0; k < inputs.length; k++) {
      const f = k % F;
      const lag = Math.floor(k / F) % L;
      const expected = ((means[f] as number) - (inputs[k] as number)) * weight(lag, f, 0) * SLOPE;
      expect(r.effect[k]).toBeCloseTo(expected, 4);
      expect(r.meanAbsFeatureLag[lag * F + f]).toBeGreaterThanOrEqual(0);
    }
    model.dispose();
  });

  it('leaves no tensors behind, reports progress and honours an abort signal', async () => {
    const model = denseModel('linear');
    const inputs = testInputs(shape.windows);
    const before = tf.memory().numTensors;
    const progress: number[] = [];
    await sensitivityHeatmap(model, inputs, shape, {
      mode: 'plus-minus',
      outputScale,
      batchSize: 16,
      onProgress: (p) => progress.push(p),
    });
    expect(tf.memory().numTensors).toBe(before);
    // 5 windows × (1 + 8 cells × 2 sides) = 85 evaluations in batches of 16 → 6 calls.
    expect(progress).toHaveLength(6);
    expect(progress.at(-1)).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(
      sensitivityHeatmap(model, inputs, shape, {
        mode: 'plus-minus',
        outputScale,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('rejects inconsistent input and a bad horizon index', async () => {
    const model = denseModel('linear');
    await expect(
      sensitivityHeatmap(model, new Float32Array(3), shape, { mode: 'plus-minus', outputScale }),
    ).rejects.toThrow(/inputs hold/);
    await expect(
      sensitivityHeatmap(model, testInputs(5), shape, {
        mode: 'plus-minus',
        outputScale,
        horizonIndex: H,
      }),
    ).rejects.toThrow(/horizonIndex/);
    model.dispose();
  });
});
