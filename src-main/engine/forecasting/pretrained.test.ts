// The shipped pretrained forecasters: they load and forecast in stock TensorFlow.js, and the
// pretrain script's settings reproduce them exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { engineRuntime } from '../kernels/trainingRuntime';
import { loadStockModel } from '../model/modelFiles';
import { runFit } from '../model/runFit';
import { readSimpleCsv, repoRoot, sharedDatasetsDir } from '../testing/sharedData';
import { readLongCsv } from './collections';
import { reseasonalise } from './decomposition';
import { buildLocalWindows, denormaliseOutputs } from './localWindows';
import { deseasonalise } from './decomposition';
import { readWeights } from './network';
import { pretrainClass } from './pretrain';
import { PRETRAIN_CONFIGS } from './pretrainConfig';
import { loadPretrainedDir, type PretrainedMeta } from './pretrained';

const root = path.join(repoRoot, 'resources', 'pretrained');
const savedEnv = process.env.SERIES_STUDIO_KERNEL_THREADS;

beforeAll(async () => {
  await tf.setBackend('cpu');
  // As scripts/pretrain.ts: fused kernels on one thread. Set before the first fit makes the
  // engine's runtime (it is made once per process).
  process.env.SERIES_STUDIO_KERNEL_THREADS = '0';
});
afterAll(() => {
  if (savedEnv === undefined) delete process.env.SERIES_STUDIO_KERNEL_THREADS;
  else process.env.SERIES_STUDIO_KERNEL_THREADS = savedEnv;
});

describe('shipped pretrained forecasters', () => {
  it('load with stock tfjs classes and give the forecast the pipeline gives (zero-shot)', async () => {
    const dir = path.join(root, 'monthly');
    const stock = await loadStockModel(dir);
    expect(stock.layers.map((l) => l.getClassName())).toEqual(['LSTM', 'Dense']);
    const meta = JSON.parse(
      readFileSync(path.join(dir, 'pretrained.json'), 'utf8'),
    ) as PretrainedMeta;
    const { lookback, horizon } = meta.network;
    expect(stock.inputs[0]?.shape).toEqual([null, lookback, 1]);
    expect(stock.outputs[0]?.shape).toEqual([null, horizon]);

    const values = Float64Array.from(readSimpleCsv('AirPassengers.csv')['AirPassengers'] ?? []);
    const run = await runFit(
      {
        name: 'AirPassengers',
        time: Float64Array.from(values, (_, i) => i),
        timeFormat: 'index',
        columns: { y: values },
        seasonalPeriod: 12,
      },
      {
        backend: 'cpu',
        target: 'y',
        horizon: 12,
        adaptation: 'zero-shot',
        ensemble: 1,
        refitAll: false,
        combination: 'none',
      },
    );
    expect(run.forecaster?.pretrained.used).toBe(true);
    expect(run.forecaster?.lookback).toBe(lookback);
    // The same forecast by hand with the stock model: adjust with the run's seasonal figure,
    // normalise by the last level, predict, take h = 12 of the head's outputs, undo both.
    const prep = run.forecaster?.preprocessing;
    if (!prep || prep.seasonality.mode === 'none')
      throw new Error('expected a seasonal adjustment');
    const adjusted = deseasonalise(values, prep.seasonality.figure, prep.seasonality.mode);
    const set = buildLocalWindows(adjusted, [144], lookback, horizon, { kind: 'ratio', scale: 1 });
    const out = tf.tidy(() =>
      (stock.predict(tf.tensor3d(set.x, [1, lookback, 1])) as tf.Tensor).dataSync(),
    );
    const byHand = reseasonalise(
      denormaliseOutputs(out, set, { kind: 'ratio', scale: 1 }).subarray(0, 12),
      prep.seasonality.figure,
      prep.seasonality.mode,
      144,
    );
    run.forecast.values.forEach((v, i) => expect(v / (byHand[i] ?? NaN)).toBeCloseTo(1, 5));
    stock.dispose();
  });

  it('npm run pretrain reproduces the shipped yearly weights exactly', async () => {
    // As scripts/pretrain.ts: fused kernels on one thread, cpu backend, the shipped settings.
    expect((await engineRuntime()).fused?.pool ?? null).toBeNull();
    const sources = (['m1', 'tourism'] as const).map((name) => ({
      name,
      series: readLongCsv(path.join(sharedDatasetsDir, name, `${name}-yearly.csv`)),
      h: name === 'm1' ? 6 : 4,
    }));
    const result = await pretrainClass(sources, PRETRAIN_CONFIGS.yearly);
    const shipped = await loadPretrainedDir(path.join(root, 'yearly'));
    const { createdBy: _, ...meta } = result.meta;
    expect({ ...meta, createdBy: shipped.meta.createdBy }).toEqual(shipped.meta);
    expect(result.models).toHaveLength(shipped.members.length);
    result.models.forEach((model, k) => {
      const weights = readWeights(model);
      expect(weights.shapes).toEqual(shipped.members[k]?.shapes);
      weights.values.forEach((w, i) => expect(w).toEqual(shipped.members[k]?.values[i]));
    });
    for (const m of new Set([...result.models, ...result.candidateModels.values()])) m.dispose();
  }, 120_000);
});
