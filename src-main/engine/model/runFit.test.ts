import {
  airPassengers,
  airPassengersFit,
  cpuBackendAndScratchDir,
} from './airPassengersFit.testkit';
import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FitConfig } from './fitConfig';
import { forecastWithModel } from './forecast';
import { loadModel, loadStockModel } from './modelFiles';
import { opByOpRuntime } from './opByOpKernel';
import { engineRuntime } from '../kernels/trainingRuntime';
import { runFit, type FitDataset } from './runFit';
import { CoreRunResult } from './runResult';

const values = airPassengers;
const dataset = (v: Float64Array = values): FitDataset => airPassengersFit(v);
// The classic path (one network on globally scaled, transformed rows); the forecasting pipeline's
// own tests are in engine/forecasting/pipeline.test.ts.
const tiny: Partial<FitConfig> = {
  backend: 'cpu',
  normalisation: 'scaler',
  transforms: [{ kind: 'log' }, { kind: 'diff' }],
  lookback: 12,
  horizon: 3,
  units: 4,
  epochs: 2,
  batchSize: 16,
  testSize: 24,
  valSize: 12,
};
const dir = cpuBackendAndScratchDir('ss-model-');

describe('runFit', () => {
  it('produces a JSON-able result with metrics, baselines, predictions and a forecast', async () => {
    const r = await runFit(dataset(), tiny, {}, { saveDir: dir });
    expect(values.length).toBe(144);
    expect(r.split).toMatchObject({ n: 144, valStart: 108, testStart: 120, testWindows: 22 });
    expect(r.test.predicted).toHaveLength(22 * 3);
    expect(r.metrics.count).toBe(66);
    expect(r.backend.backend).toBe('cpu');
    // naive baseline by hand: window w starts at 120+w, forecast = value at 119+w for 3 steps
    let absSum = 0;
    for (let w = 0; w < 22; w++)
      for (let h = 0; h < 3; h++)
        absSum += Math.abs((values[120 + w + h] ?? 0) - (values[119 + w] ?? 0));
    expect(r.baselines.naive.mae).toBeCloseTo(absSum / 66, 9);
    expect(r.test.times[0]).toBe(Date.UTC(1959, 0, 1)); // row 120 = Jan 1959
    expect(r.forecast.times).toEqual([
      Date.UTC(1961, 0, 1),
      Date.UTC(1961, 1, 1),
      Date.UTC(1961, 2, 1),
    ]);
    expect(r.forecast.values.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    expect(r.epochs).toHaveLength(2);
    expect(r.timings.perEpochSeconds).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(r)).config.seed).toBe(42);
    // The classic path's record is exactly its schema (parsing strips what the schema lacks).
    expect(CoreRunResult.parse(r)).toEqual(r);
  });

  it('leakage: changing a late test value leaves earlier predictions unchanged', async () => {
    const a = await runFit(dataset(), tiny);
    const altered = values.slice();
    altered[140] = 9999;
    const b = await runFit(dataset(altered), tiny);
    expect(b.scaler).toEqual(a.scaler);
    // Losses equal epoch by epoch; only the wall-clock seconds differ.
    const withoutSeconds = (
      epochs: typeof a.epochs,
    ): Omit<(typeof a.epochs)[number], 'seconds'>[] =>
      epochs.map(({ seconds: _seconds, ...rest }) => rest);
    expect(withoutSeconds(b.epochs)).toEqual(withoutSeconds(a.epochs));
    expect(b.validation?.predicted).toEqual(a.validation?.predicted);
    // windows whose inputs and differencing base end before row 140: t0 <= 140
    a.test.targetStarts.forEach((t0, w) => {
      if (t0 <= 140)
        expect(b.test.predicted.slice(w * 3, w * 3 + 3)).toEqual(
          a.test.predicted.slice(w * 3, w * 3 + 3),
        );
    });
  });
});

describe('model files', () => {
  it('save -> load -> identical forecast; model.json uses stock class names', async () => {
    const r = await runFit(
      dataset(),
      { ...tiny, cell: 'gru', layers: 2, refitAll: false },
      {},
      { saveDir: dir },
    );
    expect(r.forecastModel?.kind).toBe('evaluation-models');
    // Loaded on the runtime it was trained on (the engine's): the very same numbers.
    const loaded = await loadModel(dir, await engineRuntime());
    expect(forecastWithModel(loaded, dataset()).values).toEqual(r.forecast.values);
    const json = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as {
      modelTopology: { config: { layers: { class_name: string }[] } };
    };
    expect(json.modelTopology.config.layers.map((l) => l.class_name)).toEqual([
      'GRU',
      'GRU',
      'Dense',
    ]);
    const stock = await loadStockModel(dir);
    expect(stock.layers.map((l) => l.constructor.name)).toEqual(['GRU', 'GRU', 'Dense']);
    const x = tf.randomNormal([4, 12, 1], 0, 1, 'float32', 9);
    const a = (stock.predict(x) as tf.Tensor).dataSync();
    const b = (loaded.model.predict(x) as tf.Tensor).dataSync();
    Array.from(a).forEach((v, i) => expect(v).toBeCloseTo(b[i] ?? NaN, 5));
    tf.dispose([x]);
    stock.dispose();
    loaded.model.dispose();
  });

  it('names missing columns when forecasting with a saved model', async () => {
    const loaded = await loadModel(dir, opByOpRuntime);
    expect(() =>
      forecastWithModel(loaded, { time: dataset().time, columns: { other: values } }),
    ).toThrow(/"AirPassengers"/);
    loaded.model.dispose();
  });
});

describe('tensor hygiene', () => {
  it('numTensors returns to its baseline after each training and prediction', async () => {
    const base = tf.memory().numTensors;
    for (const cell of ['lstm', 'gru', 'rnn'] as const) {
      await runFit(
        dataset(),
        { ...tiny, cell, dropout: 0.1, recurrentDropout: 0.1, epochs: 1 },
        {},
        { saveDir: dir },
      );
      expect(tf.memory().numTensors).toBe(base);
      const loaded = await loadModel(dir, opByOpRuntime);
      forecastWithModel(loaded, dataset());
      loaded.model.dispose();
      expect(tf.memory().numTensors).toBe(base);
    }
  });
});
