// The fused kernels inside the real training loop: the same seed gives the same loss curve as the
// op-by-op layers (up to float32 summation order), and a fused-trained model saved to disk loads
// with stock tfjs layers and predicts the same.
import {
  airPassengers,
  airPassengersFit,
  cpuBackendAndScratchDir,
} from '../../model/airPassengersFit.testkit';
import * as tf from '@tensorflow/tfjs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FitConfig } from '../../model/fitConfig';
import { loadModel, loadStockModel } from '../../model/modelFiles';
import { opByOpRuntime } from '../../model/opByOpKernel';
import { runFit, type FitDataset } from '../../model/runFit';
import { ensureRnnWasm } from '../wasm/ensureRnnWasm.testkit';
import { loadFusedKernels } from '../wasm/fusedRnn';
import { fusedRuntime } from '../trainingRuntime';

const values = airPassengers;
const dataset: FitDataset = airPassengersFit(values, 'AirPassengers', 'iso-date');
const dir = cpuBackendAndScratchDir('fused-train-');

describe.each(['lstm', 'gru', 'rnn'] as const)('fused %s training', (cell) => {
  const config: Partial<FitConfig> = {
    backend: 'cpu',
    cell,
    layers: 2,
    units: 6,
    lookback: 12,
    horizon: 2,
    epochs: 4,
    batchSize: 16,
    testSize: 24,
    seed: 5,
    patience: 0,
  };

  it('follows the op-by-op loss curve and round-trips through stock tfjs layers', async () => {
    const reference = await runFit(dataset, config, {}, { runtime: opByOpRuntime });
    expect(reference.kernel).toBe('op-by-op');
    const fused = fusedRuntime(await loadFusedKernels({ wasmPath: ensureRnnWasm() }));
    const saveDir = path.join(dir, cell);
    const run = await runFit(dataset, config, {}, { saveDir, runtime: fused });
    expect(run.kernel).toMatch(/^fused-wasm/);
    // patience 0: all 4 epochs run in both, and both hold out validation windows every epoch.
    expect(reference.epochs).toHaveLength(4);
    expect(run.epochs).toHaveLength(4);
    run.epochs.forEach((epoch, i) => {
      const ref = reference.epochs[i] as (typeof reference.epochs)[number];
      expect(epoch.loss).toBeCloseTo(ref.loss, 4);
      expect([typeof epoch.valLoss, typeof ref.valLoss]).toEqual(['number', 'number']);
      expect(epoch.valLoss as number).toBeCloseTo(ref.valLoss as number, 4);
    });
    // Saved with stock class names: plain tfjs (no Series Studio layer, no kernels) predicts the same.
    const stock = await loadStockModel(saveDir);
    const loaded = await loadModel(saveDir, fused);
    const x = tf.randomUniform([5, 12, 1], 0, 1, 'float32', 9);
    const a = stock.predict(x) as tf.Tensor;
    const b = loaded.model.predict(x) as tf.Tensor;
    const diff = tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] ?? 1;
    expect(diff).toBeLessThan(1e-5);
    tf.dispose([x, a, b]);
    stock.dispose();
    loaded.model.dispose();
  });
});
