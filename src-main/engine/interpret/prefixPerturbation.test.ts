import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRnnWasm } from '../kernels/wasm/ensureRnnWasm.testkit';
import { loadFusedKernels } from '../kernels/wasm/fusedRnn';
import { fusedSeamKernel } from '../kernels/training/fusedSeamKernel';
import { buildModel } from '../model/buildModel';
import { opByOpKernel, setRecurrentKernel } from '../model/opByOpKernel';
import { prefixPerturbationOutputs } from './prefixPerturbation';
import { sensitivityHeatmap } from './sensitivity';

const shape = { windows: 7, lookback: 9, features: 3 };
const inputs = Float32Array.from(
  { length: shape.windows * shape.lookback * shape.features },
  (_, i) => Math.sin(i * 0.37) * 0.6 + 0.3,
);
const outputScale = (v: Float32Array): Float32Array => v.map((x) => 40 * x + 5);

beforeAll(async () => {
  await tf.setBackend('cpu');
  setRecurrentKernel(fusedSeamKernel(await loadFusedKernels({ wasmPath: ensureRnnWasm() })));
});
afterAll(() => {
  setRecurrentKernel(opByOpKernel);
});

function model(cell: 'lstm' | 'gru' | 'rnn', layers: number): tf.LayersModel {
  return buildModel({
    cell,
    layers,
    units: 6,
    activation: 'tanh',
    dropout: 0,
    recurrentDropout: 0,
    horizon: 3,
    lookback: shape.lookback,
    nFeatures: shape.features,
    optimizer: 'adam',
    learningRate: 1e-3,
    momentum: 0,
    loss: 'mse',
    seed: 5,
  });
}

describe('perturbation with the unperturbed prefix reused', () => {
  for (const [cell, layers] of [
    ['lstm', 1],
    ['lstm', 2],
    ['gru', 2],
    ['rnn', 1],
  ] as const) {
    it(`gives the plain results to 1e-6 (${cell}, ${layers} layer${layers > 1 ? 's' : ''})`, async () => {
      const m = model(cell, layers);
      try {
        const opts = { mode: 'plus-minus' as const, delta: 0.2, outputScale, horizonIndex: 1 };
        // The prefix path runs for this model (it is not the fallback to the plain path).
        expect(prefixPerturbationOutputs(m, inputs, shape, { ...opts })).not.toBeNull();
        const reused = await sensitivityHeatmap(m, inputs, shape, opts);
        const plain = await sensitivityHeatmap(m, inputs, shape, { ...opts, prefixReuse: false });
        expect(reused.base.length).toBe(shape.windows);
        const worst = (a: Float64Array, b: Float64Array): number =>
          a.reduce((w, v, i) => Math.max(w, Math.abs(v - (b[i] as number))), 0);
        expect(worst(reused.base, plain.base)).toBeLessThan(1e-6 * 40);
        expect(worst(reused.plusSide as Float64Array, plain.plusSide as Float64Array)).toBeLessThan(
          1e-6 * 40,
        );
        expect(worst(reused.effect, plain.effect)).toBeLessThan(1e-6 * 40);
      } finally {
        m.dispose();
      }
    });
  }
});
