// The forecasting pipeline through runFit: evaluation untouched by the all-data refit, short
// series that never fail, no leakage from later rows, tensors freed.
import {
  airPassengers,
  airPassengersFit,
  cpuBackendAndScratchDir,
} from '../model/airPassengersFit.testkit';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { classicalBaselines } from '../baselines/classical';
import type { FitConfig } from '../model/fitConfig';
import { forecastWithModel } from '../model/forecast';
import { loadModel } from '../model/modelFiles';
import { engineRuntime } from '../kernels/trainingRuntime';
import { runFit, type FitDataset } from '../model/runFit';
import { CoreRunResult } from '../model/runResult';

const values = airPassengers;
const monthly = (v: Float64Array = values): FitDataset => airPassengersFit(v, 'y');
// Per-series members (no pretrained weights), small and quick.
const small: Partial<FitConfig> = {
  backend: 'cpu',
  target: 'y',
  horizon: 3,
  pretrained: 'none',
  units: 4,
  epochs: 3,
  ensemble: 2,
  testSize: 24,
  valSize: 12,
  combination: 'none',
};
const dir = cpuBackendAndScratchDir('ss-forecaster-');

describe('forecasting pipeline in runFit', () => {
  it('refitting on all data leaves every evaluation number unchanged', async () => {
    const refit = await runFit(monthly(), { ...small, refitAll: true });
    const evalOnly = await runFit(monthly(), { ...small, refitAll: false });
    expect(refit.forecastModel?.kind).toBe('all-data-refit');
    expect(evalOnly.forecastModel?.kind).toBe('evaluation-models');
    expect(refit.metrics).toEqual(evalOnly.metrics);
    expect(refit.baselines).toEqual(evalOnly.baselines);
    expect(refit.test.predicted).toEqual(evalOnly.test.predicted);
    expect(refit.validation?.predicted).toEqual(evalOnly.validation?.predicted);
    expect(refit.epochs.map((e) => e.loss)).toEqual(evalOnly.epochs.map((e) => e.loss));
    // The refit members trained the epoch count validation chose, on all 144 rows.
    const members = refit.forecaster?.members ?? [];
    expect(members).toHaveLength(2);
    for (const m of members) expect(m.refitEpochs).toBe(Math.max(1, (m.bestEpoch ?? -1) + 1));
    expect(refit.forecaster?.refitPreprocessing?.rows).toBe(144);
    expect(refit.forecaster?.preprocessing.rows).toBe(108);
    expect(refit.forecast.values).not.toEqual(evalOnly.forecast.values);
  });

  it('records the decided preprocessing in the config and the forecaster record', async () => {
    const r = await runFit(monthly(), { ...small, ensemble: 1 });
    // AirPassengers' first 108 rows are strongly seasonal and positive.
    expect(r.config.seasonality).toBe('multiplicative');
    expect(r.config.normalisation).toBe('ratio');
    expect(r.forecaster?.preprocessing.seasonality.figure).toHaveLength(12);
    expect(r.forecaster?.adaptation).toBe('per-series');
    expect(r.forecaster?.spread.min).toHaveLength(3);
    expect(r.fallback).toBeNull();
  });

  it('leakage: changing a late value leaves earlier test predictions and validation unchanged', async () => {
    const a = await runFit(monthly(), { ...small, ensemble: 1 });
    const altered = values.slice();
    altered[140] = 9999;
    const b = await runFit(monthly(altered), { ...small, ensemble: 1 });
    expect(b.validation?.predicted).toEqual(a.validation?.predicted);
    expect(b.forecaster?.preprocessing).toEqual(a.forecaster?.preprocessing);
    let compared = 0;
    a.test.targetStarts.forEach((t0, w) => {
      if (t0 > 140) return;
      compared++;
      expect(b.test.predicted.slice(w * 3, w * 3 + 3)).toEqual(
        a.test.predicted.slice(w * 3, w * 3 + 3),
      );
    });
    expect(compared).toBe(21); // test windows start at rows 120..141; those at 120..140 read rows < 140
  });

  it('the combination is the per-step median of the networks, ETS and Theta', async () => {
    const r = await runFit(monthly(), { ...small, ensemble: 1, combination: 'median' });
    // The record is exactly its schema (shared/schemas/runRecord.ts): parsing strips any field
    // the schema lacks, at every depth, and refuses a missing or mistyped one.
    expect(CoreRunResult.parse(r)).toEqual(r);
    const c = r.forecaster?.combination;
    if (!c) throw new Error('expected a combination');
    const { testStart } = r.split;
    // Independently: ETS and Theta fitted on every row before the test part (as the run's
    // classical baselines), continued through the actuals to each test window's origin; past the
    // end, refitted on all 144 rows.
    const fits = classicalBaselines(values.subarray(0, testStart), 12, 3, {
      methods: ['ets', 'theta'],
      test: values.subarray(testStart),
      origins: r.test.targetStarts.map((t0) => t0 - testStart),
    });
    const all = classicalBaselines(values, 12, 3, { methods: ['ets', 'theta'] });
    if (!fits.ets?.ok || !fits.theta?.ok || !all.ets?.ok || !all.theta?.ok)
      throw new Error('ETS and Theta should fit AirPassengers');
    const median3 = (a: number, b: number, d: number): number =>
      a + b + d - Math.max(a, b, d) - Math.min(a, b, d);
    r.test.targetStarts.forEach((_, w) => {
      for (let i = 0; i < 3; i++) {
        const expected = median3(
          c.network.testPredicted[w * 3 + i] ?? NaN,
          fits.ets?.ok ? (fits.ets.originPaths[w]?.[i] ?? NaN) : NaN,
          fits.theta?.ok ? (fits.theta.originPaths[w]?.[i] ?? NaN) : NaN,
        );
        expect(r.test.predicted[w * 3 + i]).toBeCloseTo(expected, 9);
      }
    });
    r.forecast.values.forEach((v, i) =>
      expect(v).toBeCloseTo(
        median3(
          c.network.forecast[i] ?? NaN,
          all.ets?.ok ? (all.ets.forecast[i] ?? NaN) : NaN,
          all.theta?.ok ? (all.theta.forecast[i] ?? NaN) : NaN,
        ),
        9,
      ),
    );
    expect(c.peers.map((p) => p.method)).toEqual(['ets', 'theta']);
    // Every part was kept (the median above has all three), and the record says so.
    expect(c.kept).toEqual({ network: true, peers: ['ets', 'theta'] });
    expect(r.forecastModel?.label).toMatch(/^median of the network ensemble/);
  });

  it('a 16-row quarterly series with h = 8 fits: pretrained zero-shot, or a classical fallback', async () => {
    const v = Float64Array.from([
      120, 135, 150, 128, 131, 147, 160, 140, 142, 158, 173, 150, 155, 170, 186, 163,
    ]);
    const quarterly: FitDataset = {
      name: 'short',
      time: Float64Array.from(v, (_, i) => i),
      timeFormat: 'index',
      columns: { y: v },
      seasonalPeriod: 4,
    };
    const zero = await runFit(quarterly, { backend: 'cpu', target: 'y', horizon: 8 });
    expect(zero.split).toMatchObject({ n: 16, valStart: 8, testStart: 8, testWindows: 1 });
    expect(zero.forecaster?.adaptation).toBe('zero-shot');
    expect(zero.forecaster?.pretrained.frequencyClass).toBe('quarterly');
    expect(zero.forecast.values).toHaveLength(8);
    expect(zero.forecast.values.every(Number.isFinite)).toBe(true);
    expect(zero.forecaster?.members).toHaveLength(5);

    const fallback = await runFit(quarterly, {
      backend: 'cpu',
      target: 'y',
      horizon: 8,
      pretrained: 'none',
    });
    expect(fallback.forecaster?.adaptation).toBe('classical-fallback');
    expect(fallback.forecastModel?.kind).toBe('classical-fallback');
    expect(fallback.fallback?.message).toBe(
      "The series is too short for a network (8 training rows for horizon 8); the forecast is Theta's.",
    );
    const theta = classicalBaselines(v, 4, 8, { methods: ['theta'] }).theta;
    expect(theta?.ok).toBe(true);
    expect(fallback.forecast.values).toEqual(theta?.ok ? theta.forecast : []);
  });

  it('saves the evaluation model so a stock forecast reproduces it; frees every tensor', async () => {
    const base = tf.memory().numTensors;
    const r = await runFit(
      monthly(),
      { ...small, ensemble: 1, refitAll: false },
      {},
      { saveDir: dir },
    );
    expect(tf.memory().numTensors).toBe(base);
    const loaded = await loadModel(dir, await engineRuntime());
    expect(loaded.sidecar.forecasting?.norm.kind).toBe('ratio');
    const again = forecastWithModel(loaded, monthly()).values;
    again.forEach((v, i) => expect(v).toBeCloseTo(r.forecast.values[i] ?? NaN, 9));
    loaded.model.dispose();
    expect(tf.memory().numTensors).toBe(base);
  });
});
