import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRnnWasm } from '../kernels/wasm/ensureRnnWasm.testkit';
import { loadFusedKernels, type FusedRnnKernels } from '../kernels/wasm/fusedRnn';
import { PLAN_FIELDS } from '../kernels/wasm/planLayout';
import type { RnnOp } from '../kernels/threads/rnnThreadPool';
import { fusedRuntime, type TrainingRuntime } from '../kernels/trainingRuntime';
import { startThreadedKernels, type ThreadedKernels } from '../kernels/threads/threadedKernels';
import { buildModel } from '../model/buildModel';
import {
  prefixPerturbationOutputs,
  type PrefixPerturbation,
  type SplitRunner,
} from './prefixPerturbation';
import { sensitivityHeatmap, type SensitivityOptions, type SensitivityResult } from './sensitivity';

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

/** The heatmap with the prefix reused and without, once the prefix path is seen to run for `m`. */
async function reusedAndPlain(
  m: tf.LayersModel,
  options: typeof plusMinus | typeof occlusion,
  perturbation: PrefixPerturbation,
): Promise<{ reused: SensitivityResult; plain: SensitivityResult }> {
  // The prefix path runs for this model (it is not the fallback to the plain path).
  expect(prefixPerturbationOutputs(m, inputs, shape, { ...options, perturbation })).not.toBeNull();
  const reused = await sensitivityHeatmap(m, inputs, shape, options);
  const plain = await sensitivityHeatmap(m, inputs, shape, { ...options, prefixReuse: false });
  return { reused, plain };
}

describe('perturbation with the unperturbed prefix reused', () => {
  for (const [cell, layers] of configs) {
    const name = `${cell}, ${layers} layer${layers > 1 ? 's' : ''}`;
    it(`gives the plain results to 1e-6 (${name})`, async () => {
      const m = model(cell, layers);
      try {
        const { reused, plain } = await reusedAndPlain(m, plusMinus, {
          mode: 'plus-minus',
          delta: 0.2,
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
        const { reused, plain } = await reusedAndPlain(m, occlusion, {
          mode: 'occlusion',
          values: occlusion.occlusionValues,
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

/**
 * A stand-in for the helper thread that runs "its" calls on this thread after `mine`. At call
 * `failAt` it fails as a hung helper would: the call is left half done, its arena scribbled with
 * NaN (what a terminated helper might leave behind), false returned and the runner closed.
 */
function fakeHelper(kernels: FusedRnnKernels, failAt: number): SplitRunner & { calls: number } {
  const field = (op: RnnOp, name: (typeof PLAN_FIELDS)[number]): number =>
    kernels.heap.ints()[(op.plan >> 2) + PLAN_FIELDS.indexOf(name)] as number;
  const runner = {
    alive: true,
    calls: 0,
    runSplit(theirs: readonly RnnOp[], mine: () => void): boolean {
      mine();
      if (runner.calls++ === failAt) {
        for (const op of theirs) {
          const hs = field(op, 'hs') >> 2;
          const rows = (field(op, 'steps') + 1) * field(op, 'batch') * field(op, 'paddedUnits');
          kernels.heap.floats().fill(Number.NaN, hs, hs + rows);
        }
        runner.alive = false;
        return false;
      }
      for (const op of theirs) kernels.run(op.cell, op.pass, op.plan);
      return true;
    },
  };
  return runner;
}

describe('prefix reuse when the helper thread fails', () => {
  const perturbation = { mode: 'plus-minus' as const, delta: 0.2 };
  // Lags run from the last; with 2 layers, call 0 is the first lag's first layer and call 5 the
  // third lag's second layer (after this thread ran that lag's first layer on its own share).
  for (const failAt of [0, 5]) {
    it(`redoes the failed share on new buffers, the same numbers (failure at call ${failAt})`, async () => {
      const kernels = await loadFusedKernels({ wasmPath: ensureRnnWasm() });
      const m = model('lstm', 2);
      try {
        const opts = { ...plusMinus, perturbation, batchSize: 12 };
        const helper = fakeHelper(kernels, failAt);
        const two = prefixPerturbationOutputs(m, inputs, shape, {
          ...opts,
          fused: { kernels, pool: helper },
          split: 'always',
        });
        // It did fail there, and nothing was split after that.
        expect(helper.alive).toBe(false);
        expect(helper.calls).toBe(failAt + 1);
        const one = prefixPerturbationOutputs(m, inputs, shape, {
          ...opts,
          fused: { kernels },
          split: 'never',
        });
        expect(two?.some((v) => Number.isNaN(v))).toBe(false);
        expect(Array.from(two ?? [])).toEqual(Array.from(one ?? [0]));
      } finally {
        m.dispose();
      }
    });
  }

  it('splits every pair through the stand-in when it does not fail, the same numbers', async () => {
    const kernels = await loadFusedKernels({ wasmPath: ensureRnnWasm() });
    const m = model('gru', 2);
    try {
      const opts = { ...plusMinus, perturbation, batchSize: 12 };
      const helper = fakeHelper(kernels, -1);
      const two = prefixPerturbationOutputs(m, inputs, shape, {
        ...opts,
        fused: { kernels, pool: helper },
        split: 'always',
      });
      // 2 pairs of groups (2 + 2 and 2 + 1 windows) × 9 lags × 2 layers.
      expect(helper.calls).toBe(2 * shape.lookback * 2);
      const plain = await sensitivityHeatmap(m, inputs, shape, {
        ...plusMinus,
        prefixReuse: false,
      });
      const one = prefixPerturbationOutputs(m, inputs, shape, { ...opts, split: 'never' });
      expect(Array.from(two ?? [])).toEqual(Array.from(one ?? [0]));
      // Base outputs (first of each window's block) against the plain path's, independently.
      const perWindow = 1 + 2 * shape.lookback * shape.features;
      const bases = Array.from({ length: shape.windows }, (_, w) => two?.[w * perWindow] ?? 0);
      expect(worst(Float64Array.from(bases), plain.base)).toBeLessThan(1e-6 * 40);
    } finally {
      m.dispose();
    }
  });
});
