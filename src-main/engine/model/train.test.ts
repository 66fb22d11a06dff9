import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { buildModel, type ModelConfig } from './buildModel';
import { opByOpRuntime } from './opByOpKernel';
import { fusedRuntime } from '../kernels/trainingRuntime';
import { loadFusedKernels } from '../kernels/wasm/fusedRnn';
import { evaluateLoss, trainModel, type TrainOptions } from './train';
import { buildWindows, windowStarts, type WindowSet } from './windows';

const L = 6;
const modelConfig: ModelConfig = {
  cell: 'lstm',
  layers: 1,
  units: 4,
  activation: 'tanh',
  dropout: 0.1,
  recurrentDropout: 0.1,
  horizon: 2,
  lookback: L,
  nFeatures: 1,
  optimizer: 'adam',
  learningRate: 0.01,
  momentum: 0,
  loss: 'mse',
  seed: 3,
};
const options: TrainOptions = {
  epochs: 3,
  batchSize: 8,
  patience: 0,
  seed: 3,
  optimizer: 'adam',
  learningRate: 0.01,
  momentum: 0,
  loss: 'mse',
};

function sine(n: number, phase = 0, sign = 1): WindowSet {
  const s = Float64Array.from({ length: n }, (_, t) => sign * Math.sin(0.4 * t + phase));
  const spec = { lookback: L, horizon: 2, stride: 1 };
  return buildWindows([s], s, windowStarts(spec, 0, 0, n), spec);
}

const weightsOf = (m: tf.LayersModel): number[][] =>
  m.getWeights().map((w) => Array.from(w.dataSync()));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainModel', () => {
  it('same seed and backend -> identical loss curve (with dropout and shuffling)', async () => {
    const run = async (): Promise<number[]> => {
      const m = buildModel(modelConfig, opByOpRuntime);
      const r = await trainModel(m, { train: sine(40), val: sine(20, 1) }, options);
      m.dispose();
      return r.epochs.flatMap((e) => [e.loss, e.valLoss ?? NaN]);
    };
    const a = await run();
    expect(a).toHaveLength(6);
    expect(await run()).toEqual(a);
  });

  it('reports batch and epoch progress', async () => {
    const m = buildModel(modelConfig, opByOpRuntime);
    const batches: number[] = [];
    const epochs: number[] = [];
    await trainModel(
      m,
      { train: sine(40), val: null },
      { ...options, epochs: 2 },
      {
        onBatch: (p) => {
          batches.push(p.batch);
          expect(p.samplesPerSec).toBeGreaterThan(0);
        },
        onEpoch: (p) => epochs.push(p.epoch),
      },
    );
    // 40 - 6 - 2 + 1 = 33 windows -> 5 batches of 8
    expect(batches).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    expect(epochs).toEqual([0, 1]);
    m.dispose();
  });

  it('early stopping restores the weights of the best validation epoch', async () => {
    const m = buildModel({ ...modelConfig, dropout: 0, recurrentDropout: 0 }, opByOpRuntime);
    // validation is the sign-flipped series: fitting the training data makes it worse
    const val = sine(30, 0, -1);
    const r = await trainModel(
      m,
      { train: sine(60), val },
      { ...options, epochs: 30, patience: 2, learningRate: 0.05 },
    );
    expect(r.stoppedReason).toBe('early-stopping');
    const vals = r.epochs.map((e) => e.valLoss ?? NaN);
    const bestEpoch = vals.indexOf(Math.min(...vals));
    expect(r.bestEpoch).toBe(bestEpoch);
    expect(r.epochs.length).toBe(bestEpoch + 3);
    expect(evaluateLoss(m, val, 'mse')).toBeCloseTo(vals[bestEpoch] ?? NaN, 5);
    m.dispose();
  });

  it('cancellation stops before the next batch and keeps the best weights so far', async () => {
    const m = buildModel(modelConfig, opByOpRuntime);
    const controller = new AbortController();
    const snapshots: number[][][] = [];
    // Cancel while the first batch of epoch 3 is reported: the loop checks before every batch, so
    // exactly two epochs are complete, whatever the machine's speed.
    const r = await trainModel(
      m,
      { train: sine(400), val: null },
      { ...options, epochs: 1000 },
      {
        signal: controller.signal,
        onEpoch: () => snapshots.push(weightsOf(m)),
        onBatch: (p) => {
          if (p.epoch === 2 && p.batch === 0) controller.abort();
        },
      },
    );
    expect(r.stoppedReason).toBe('cancelled');
    expect(r.message).toBe('cancelled during epoch 3');
    expect(r.epochs.map((e) => e.epoch)).toEqual([0, 1]);
    // No validation set: the best epoch is the one with the lower training loss.
    const [first, second] = r.epochs.map((e) => e.loss) as [number, number];
    const best = second < first ? 1 : 0;
    expect(r.bestEpoch).toBe(best);
    expect(weightsOf(m)).toEqual(snapshots[best]);
    m.dispose();
  });

  it('cancellation also stops a model trained by the fused step, which tfjs never compiled', async () => {
    const fused = fusedRuntime(await loadFusedKernels());
    const m = buildModel({ ...modelConfig, dropout: 0, recurrentDropout: 0 }, fused);
    const controller = new AbortController();
    const r = await trainModel(
      m,
      { train: sine(400), val: null },
      { ...options, epochs: 1000 },
      {
        signal: controller.signal,
        onBatch: (p) => {
          if (p.epoch === 1 && p.batch === 0) controller.abort();
        },
      },
    );
    expect(r.stoppedReason).toBe('cancelled');
    expect(r.message).toBe('cancelled during epoch 2');
    expect(r.epochs.map((e) => e.epoch)).toEqual([0]);
    m.dispose();
  });

  it('stops on a non-finite loss and keeps the initial weights', async () => {
    const m = buildModel({ ...modelConfig, dropout: 0, recurrentDropout: 0 }, opByOpRuntime);
    const initial = weightsOf(m);
    const huge = sine(30);
    huge.y.fill(1e30); // squared error overflows float32
    const r = await trainModel(m, { train: huge, val: null }, options);
    expect(r.stoppedReason).toBe('nan-loss');
    expect(r.message).toMatch(/Infinity.*epoch 1, batch 1.*initialisation/);
    expect(weightsOf(m)).toEqual(initial);
    m.dispose();
  });

  it('refuses NaN inputs naming the data row', async () => {
    const m = buildModel(modelConfig, opByOpRuntime);
    const bad = sine(30);
    bad.x[3 * L] = NaN; // window 3, first input row = t0 - L = 3
    await expect(trainModel(m, { train: bad, val: null }, options)).rejects.toThrow(
      /row 3 \(window 3\)/,
    );
    m.dispose();
  });
});
