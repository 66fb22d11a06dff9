import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRnnWasm } from '../kernels/wasm/ensureRnnWasm.testkit';
import { loadFusedKernels } from '../kernels/wasm/fusedRnn';
import { fusedRuntime, type TrainingRuntime } from '../kernels/trainingRuntime';
import { startThreadedKernels, type ThreadedKernels } from '../kernels/threads/threadedKernels';
import { buildModel } from '../model/buildModel';
import { prefixPerturbationOutputs } from './prefixPerturbation';
import { sensitivityHeatmap, type SensitivityOptions } from './sensitivity';

const shape = { windows: 7, lookback: 9, features: 3 };
const inputs = Float32Array.from(
  { length: shape.windows * shape.lookback * shape.features },
  (_, i) => Math.sin(i * 0.37) * 0.6 + 0.3,
);
const outputScale = (v: Float32Array): Float32Array => v.map((x) => 40 * x + 5);
const configs = [
  ['lstm', 1],
  ['lstm', 2],
  ['gru', 2],
  ['rnn', 1],
] as const;

let threaded: ThreadedKernels | { why: string } = { why: 'not started' };
let runtime: TrainingRuntime;
beforeAll(async () => {
  await tf.setBackend('cpu');
  runtime = fusedRuntime(await loadFusedKernels({ wasmPath: ensureRnnWasm() }));
  threaded = await startThreadedKernels({ wasmPath: ensureRnnWasm(), timeoutMs: 20_000 });
});
afterAll(() => {
  if ('pool' in threaded) threaded.pool.close();
});

function model(cell: 'lstm' | 'gru' | 'rnn', layers: number): tf.LayersModel {
  return buildModel(
    {
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
    },
    runtime,
  );
}

const worst = (a: Float64Array, b: Float64Array): number =>
  a.reduce((w, v, i) => Math.max(w, Math.abs(v - (b[i] as number))), 0);

const plusMinus = { mode: 'plus-minus' as const, delta: 0.2, outputScale, horizonIndex: 1 };
const occlusion = {
  mode: 'occlusion' as const,
  occlusionValues: [0.1, 0.5, -0.2],
  outputScale,
  horizonIndex: 1,
};

describe('perturbation with the unperturbed prefix reused', () => {
  for (const [cell, layers] of configs) {
    const name = `${cell}, ${layers} layer${layers > 1 ? 's' : ''}`;
    it(`gives the plain results to 1e-6 (${name})`, async () => {
      const m = model(cell, layers);
      try {
        // The prefix path runs for this model (it is not the fallback to the plain path).
        const perturbation = { mode: 'plus-minus' as const, delta: 0.2 };
        expect(
          prefixPerturbationOutputs(m, inputs, shape, { ...plusMinus, perturbation }),
        ).not.toBeNull();
        const reused = await sensitivityHeatmap(m, inputs, shape, plusMinus);
        const plain = await sensitivityHeatmap(m, inputs, shape, {
          ...plusMinus,
          prefixReuse: false,
        });
        expect(reused.base.length).toBe(shape.windows);
        expect(worst(reused.base, plain.base)).toBeLessThan(1e-6 * 40);
        expect(worst(reused.plusSide as Float64Array, plain.plusSide as Float64Array)).toBeLessThan(
          1e-6 * 40,
        );
        expect(worst(reused.effect, plain.effect)).toBeLessThan(1e-6 * 40);
      } finally {
        m.dispose();
      }
    });

    it(`gives the plain occlusion results to 1e-6 (${name})`, async () => {
      const m = model(cell, layers);
      try {
        const perturbation = { mode: 'occlusion' as const, values: occlusion.occlusionValues };
        expect(
          prefixPerturbationOutputs(m, inputs, shape, { ...occlusion, perturbation }),
        ).not.toBeNull();
        const reused = await sensitivityHeatmap(m, inputs, shape, occlusion);
        const plain = await sensitivityHeatmap(m, inputs, shape, {
          ...occlusion,
          prefixReuse: false,
        });
        expect(worst(reused.base, plain.base)).toBeLessThan(1e-6 * 40);
        expect(worst(reused.effect, plain.effect)).toBeLessThan(1e-6 * 40);
        // Not a plus-minus result in disguise: occlusion has no sides.
        expect(reused.plusSide).toBeUndefined();
      } finally {
        m.dispose();
      }
    });
  }
});

describe('prefix reuse split over the helper thread', () => {
  for (const [cell, layers] of configs) {
    const name = `${cell}, ${layers} layer${layers > 1 ? 's' : ''}`;
    for (const opts of [plusMinus, occlusion] as SensitivityOptions[]) {
      it(`equals the one-thread path (${opts.mode}, ${name})`, async (ctx) => {
        if (!('pool' in threaded)) return ctx.skip(`no helper thread here: ${threaded.why}`);
        const fused = { kernels: threaded.kernels, pool: threaded.pool };
        const m = model(cell, layers);
        try {
          const before = threaded.pool.completed;
          const two = await sensitivityHeatmap(m, inputs, shape, {
            ...opts,
            fused,
            split: 'always',
          });
          // 7 windows fit one pair of suffix batches (4 + 3 windows) per lag: one helper call
          // per lag and layer, so the helper really ran its half every time.
          expect(threaded.pool.completed - before).toBe(shape.lookback * layers);
          expect(threaded.pool.alive).toBe(true);
          const one = await sensitivityHeatmap(m, inputs, shape, {
            ...opts,
            fused,
            split: 'never',
          });
          expect(threaded.pool.completed - before).toBe(shape.lookback * layers);
          // Same build of the kernels on both threads: the same numbers, not merely close ones.
          expect(Array.from(two.effect)).toEqual(Array.from(one.effect));
          expect(Array.from(two.base)).toEqual(Array.from(one.base));
          const plain = await sensitivityHeatmap(m, inputs, shape, { ...opts, prefixReuse: false });
          expect(worst(two.effect, plain.effect)).toBeLessThan(1e-6 * 40);
        } finally {
          m.dispose();
        }
      });
    }
  }

  it('splits a window count that does not pair evenly across several batches', async (ctx) => {
    if (!('pool' in threaded)) return ctx.skip(`no helper thread here: ${threaded.why}`);
    const fused = { kernels: threaded.kernels, pool: threaded.pool };
    const m = model('lstm', 2);
    try {
      // 6 copies per window, 12 copies per call → 2 windows per batch, 4 per pair: 7 windows are
      // the pairs (2 + 2) and (2 + 1) — halves of ⌈3/2⌉ = 2 and 1 windows — at every lag.
      const perturbation = { mode: 'plus-minus' as const, delta: 0.2 };
      const opts = { ...plusMinus, perturbation, fused, batchSize: 12 };
      const before = threaded.pool.completed;
      const two = prefixPerturbationOutputs(m, inputs, shape, { ...opts, split: 'always' });
      expect(threaded.pool.completed - before).toBe(shape.lookback * 2 * 2);
      const one = prefixPerturbationOutputs(m, inputs, shape, { ...opts, split: 'never' });
      expect(two).not.toBeNull();
      expect(Array.from(two ?? [])).toEqual(Array.from(one ?? []));
      // And equal to one batch per lag on one thread (chunking changes nothing either).
      const whole = prefixPerturbationOutputs(m, inputs, shape, {
        ...plusMinus,
        perturbation,
        fused,
        split: 'never',
      });
      expect(Array.from(two ?? [])).toEqual(Array.from(whole ?? []));
    } finally {
      m.dispose();
    }
  });
});
