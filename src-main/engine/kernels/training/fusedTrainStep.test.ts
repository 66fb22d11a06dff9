// The whole-step path (fused stack + array head/loss/optimizer, optionally split over a helper
// thread) against tfjs' own step (op-by-op layers, autodiff, tf.train optimizer) from the same
// initial weights: the same losses step by step and the same weights afterwards.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel, lossFunction, makeOptimizer, type ModelConfig } from '../../model/buildModel';
import { opByOpRuntime } from '../../model/opByOpKernel';
import type { WindowSet } from '../../model/windows';
import { ensureRnnWasm } from '../wasm/ensureRnnWasm.testkit';
import { loadFusedKernels, type FusedRnnKernels } from '../wasm/fusedRnn';
import { createFusedTrainStep, fusedStepMismatch } from './fusedTrainStep';
import type { RnnThreadPool } from '../threads/rnnThreadPool';
import { SplitPolicy } from '../threads/splitPolicy';
import { randomArray, relativeError, seededRandom } from '../wasm/testRandom.testkit';
import { startThreadedKernels, type ThreadedKernels } from '../threads/threadedKernels';

const base: ModelConfig = {
  cell: 'lstm',
  layers: 2,
  units: 6,
  activation: 'tanh',
  dropout: 0,
  recurrentDropout: 0,
  horizon: 2,
  lookback: 7,
  nFeatures: 3,
  optimizer: 'adam',
  learningRate: 0.01,
  momentum: 0,
  loss: 'mse',
  seed: 4,
};
const rand = seededRandom(11);
const set: WindowSet = {
  x: randomArray(rand, 20 * 7 * 3),
  y: randomArray(rand, 20 * 2),
  targetStarts: new Int32Array(20),
  count: 20,
  lookback: 7,
  horizon: 2,
  nFeatures: 3,
};
const batches = [
  [3, 1, 4, 15, 9, 2, 6, 5, 11, 19],
  [0, 7, 8, 10, 12, 13, 14, 16, 17, 18],
  [5, 3, 9],
];

let kernels: FusedRnnKernels;
let threaded: ThreadedKernels | null = null;
beforeAll(async () => {
  await tf.setBackend('cpu');
  kernels = await loadFusedKernels({ wasmPath: ensureRnnWasm(), variant: 'simd' });
  const t = await startThreadedKernels({ wasmPath: ensureRnnWasm() });
  threaded = 'pool' in t ? t : null;
});
afterAll(() => threaded?.pool.close());

/** Losses of tfjs' step on the op-by-op layers and the final weights. */
function reference(config: ModelConfig): { losses: number[]; weights: Float32Array[] } {
  const model = buildModel(config, opByOpRuntime);
  const opt = makeOptimizer(config);
  const lossFn = lossFunction(config.loss);
  const losses = batches.map((idx) => {
    const x = tf.tensor3d(
      Float32Array.from(idx.flatMap((w) => Array.from(set.x.subarray(w * 21, w * 21 + 21)))),
      [idx.length, 7, 3],
    );
    const y = tf.tensor2d(
      Float32Array.from(idx.flatMap((w) => [set.y[2 * w] ?? 0, set.y[2 * w + 1] ?? 0])),
      [idx.length, 2],
    );
    const cost = opt.minimize(
      () => lossFn(y, model.apply(x, { training: true }) as tf.Tensor),
      true,
    );
    const l = cost?.dataSync()[0] ?? NaN;
    tf.dispose([x, y, cost ?? []]);
    return l;
  });
  const weights = model.getWeights().map((w) => Float32Array.from(w.dataSync()));
  model.dispose();
  opt.dispose();
  return { losses, weights };
}

function fused(
  config: ModelConfig,
  k: FusedRnnKernels,
  threads: Parameters<typeof createFusedTrainStep>[2],
) {
  const model = buildModel(config, opByOpRuntime);
  const opt = makeOptimizer(config);
  const step = createFusedTrainStep(k, { model, optimizer: opt, loss: config.loss }, threads);
  if (step === null) throw new Error('model should fit the fused step');
  const losses = batches.map((idx) => step.step(set, Int32Array.from(idx)));
  step.sync();
  step.dispose();
  const weights = model.getWeights().map((w) => Float32Array.from(w.dataSync()));
  model.dispose();
  opt.dispose();
  return { losses, weights };
}

function expectSame(a: { losses: number[]; weights: Float32Array[] }, b: typeof a): void {
  a.losses.forEach((l, i) => expect(l).toBeCloseTo(b.losses[i] ?? NaN, 5));
  expect(a.weights.length).toBe(b.weights.length);
  a.weights.forEach((w, i) =>
    expect(relativeError(w, b.weights[i] ?? new Float32Array())).toBeLessThan(1e-4),
  );
}

describe('createFusedTrainStep', () => {
  const cases: Partial<ModelConfig>[] = [
    {},
    { cell: 'gru', layers: 1, loss: 'mae' },
    { cell: 'rnn', layers: 3, activation: 'relu', optimizer: 'sgd', learningRate: 0.05 },
  ];
  for (const c of cases) {
    it(`matches tfjs' step: ${JSON.stringify(c)}`, () => {
      const config = { ...base, ...c };
      expectSame(fused(config, kernels, null), reference(config));
    });
  }

  it('gives the same steps with every batch split over the helper thread', () => {
    if (threaded === null) return; // one core: nothing to split
    const policy = new SplitPolicy();
    policy.next = () => true;
    const config = { ...base, cell: 'gru' as const };
    expectSame(fused(config, threaded.kernels, { pool: threaded.pool, policy }), reference(config));
    expect(threaded.pool.alive).toBe(true);
  });

  it('redoes a step on this thread when the helper fails, with the same result', () => {
    if (threaded === null) return;
    let failures = 0;
    // A helper that always fails after this thread did its half (as after a timeout).
    const failing = {
      kernels: threaded.kernels,
      alive: true,
      runSplit: (_theirs: unknown, mine: () => void) => {
        mine();
        failures++;
        return false;
      },
    } as unknown as RnnThreadPool;
    const policy = new SplitPolicy();
    policy.next = () => true;
    expectSame(fused(base, threaded.kernels, { pool: failing, policy }), reference(base));
    // Batches under 8 rows are never split (the last one has 3).
    expect(failures).toBe(2);
  });

  it('declines models it cannot run and keeps them on the tfjs step', () => {
    expect(fusedStepMismatch(buildModel({ ...base, dropout: 0.2 }, opByOpRuntime))).toMatch(
      /dropout/,
    );
    const model = buildModel(base, opByOpRuntime);
    const rms = makeOptimizer({ ...base, optimizer: 'rmsprop' });
    expect(createFusedTrainStep(kernels, { model, optimizer: rms, loss: 'mse' })).toBeNull();
    model.dispose();
  });
});
