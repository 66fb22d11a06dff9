// Training runtimes are explicit: a model runs on the kernel of the runtime it was built with, so
// two runtimes in one process (op-by-op and fused, here) never affect each other.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, type ModelConfig } from '../model/buildModel';
import { opByOpRuntime } from '../model/opByOpKernel';
import type { RecurrentSequenceKernel, TrainingRuntime } from '../model/recurrentKernel';
import { trainModel } from '../model/train';
import { buildWindows, windowStarts } from '../model/windows';
import { ensureRnnWasm } from './wasm/ensureRnnWasm.testkit';
import { loadFusedKernels } from './wasm/fusedRnn';
import { createTrainingRuntime, fusedRuntime } from './trainingRuntime';

/** The runtime's kernel with every forward, backward and whole-step request counted. */
function counted(runtime: TrainingRuntime): {
  runtime: TrainingRuntime;
  calls: { forward: number; backward: number; steps: number };
} {
  const calls = { forward: 0, backward: 0, steps: 0 };
  const inner = runtime.kernel;
  const kernel: RecurrentSequenceKernel = {
    name: inner.name,
    forward: (spec, inputs) => {
      calls.forward++;
      return inner.forward(spec, inputs);
    },
    backward: (spec, inputs, output, saved, dOutput) => {
      calls.backward++;
      return inner.backward(spec, inputs, output, saved, dOutput);
    },
    ...(inner.createTrainStep
      ? {
          createTrainStep: (request) => {
            calls.steps++;
            return inner.createTrainStep?.(request) ?? null;
          },
        }
      : {}),
  };
  return { runtime: { ...runtime, kernel }, calls };
}

const config: ModelConfig = {
  cell: 'lstm',
  layers: 1,
  units: 5,
  activation: 'tanh',
  dropout: 0,
  recurrentDropout: 0,
  horizon: 1,
  lookback: 6,
  nFeatures: 1,
  optimizer: 'adam',
  learningRate: 1e-2,
  momentum: 0,
  loss: 'mse',
  seed: 3,
};
const series = Float64Array.from({ length: 40 }, (_, t) => Math.sin(0.4 * t));
const spec = { lookback: 6, horizon: 1, stride: 1 };
const windows = buildWindows([series], series, windowStarts(spec, 0, 0, 40), spec);
const train = { optimizer: 'adam', learningRate: 1e-2, momentum: 0, loss: 'mse' } as const;
const options = { ...train, seed: 1, epochs: 2, batchSize: 8, patience: 0 };

let fused: TrainingRuntime;
beforeAll(async () => {
  await tf.setBackend('cpu');
  fused = fusedRuntime(await loadFusedKernels({ wasmPath: ensureRnnWasm() }));
});

function predict(model: tf.LayersModel): Float32Array {
  const x = tf.tensor3d(windows.x.slice(0, 4 * 6), [4, 6, 1]);
  const y = model.predict(x) as tf.Tensor;
  const out = y.dataSync() as Float32Array;
  tf.dispose([x, y]);
  return out;
}

describe('training runtimes', () => {
  it('keep each model on its own runtime’s kernel, interleaved in one process', async () => {
    const a = counted(opByOpRuntime);
    const b = counted(fused);
    const ma = buildModel(config, a.runtime);
    const mb = buildModel(config, b.runtime);
    try {
      // Same seed, same initial weights: the two kernels agree on the prediction…
      const pa = predict(ma);
      const pb = predict(mb);
      pa.forEach((v, i) => expect(v).toBeCloseTo(pb[i] ?? NaN, 5));
      // …and each model called only its own kernel, once.
      expect(a.calls).toEqual({ forward: 1, backward: 0, steps: 0 });
      expect(b.calls).toEqual({ forward: 1, backward: 0, steps: 0 });

      // Training model A (op-by-op: tfjs autodiff, 2 epochs × 5 batches of 8 windows, one
      // backward per batch) never touches B's kernel.
      const before = { ...b.calls };
      await trainModel(ma, { train: windows, val: null }, options);
      expect(a.calls.backward).toBe(10);
      expect(a.calls.steps).toBe(0);
      expect(b.calls).toEqual(before);

      // Model B trains through its runtime's whole-step path (one request, then no tfjs
      // forward/backward per batch); A's counts stay where they were.
      const aAfter = { ...a.calls };
      await trainModel(mb, { train: windows, val: null }, options);
      expect(b.calls.steps).toBe(1);
      expect(b.calls.backward).toBe(0);
      expect(a.calls).toEqual(aAfter);
      // And the losses agree: the same training on two kernels.
      const qa = predict(ma);
      const qb = predict(mb);
      qa.forEach((v, i) => expect(v).toBeCloseTo(qb[i] ?? NaN, 4));
      expect(qa[0]).not.toBeCloseTo(pa[0] ?? NaN, 4);
    } finally {
      ma.dispose();
      mb.dispose();
    }
  });

  it('are chosen from the environment without installing anything', async () => {
    const op = await createTrainingRuntime({ SERIES_STUDIO_KERNEL: 'op-by-op' });
    expect(op.name).toBe('op-by-op');
    expect(op.fused).toBeNull();
    expect(op.detail).toMatch(/switched off by SERIES_STUDIO_KERNEL=op-by-op/);
    const one = await createTrainingRuntime({ SERIES_STUDIO_KERNEL_THREADS: '0' });
    expect(one.name).toMatch(/^fused-wasm-(simd|relaxed)$/);
    expect(one.fused?.pool).toBeNull();
    expect(one.detail).toMatch(
      /no helper thread \(switched off by SERIES_STUDIO_KERNEL_THREADS=0\)/,
    );
    // Making runtimes changed nothing for a model built before: it still runs op-by-op.
    const c = counted(opByOpRuntime);
    const m = buildModel(config, c.runtime);
    try {
      predict(m);
      expect(c.calls.forward).toBe(1);
    } finally {
      m.dispose();
    }
  });
});
