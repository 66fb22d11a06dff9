// Walk-forward folds never let a fold's training (model, scaler, transforms) see its test block:
// changing the test block's values leaves that fold's forecast unchanged.
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataset, type LoadedDataset } from '../datasets/openDataset';
import { bundledDatasetsDir } from '../testing/sharedData';
import { opByOpRuntime } from '../model/opByOpKernel';
import { runBacktest } from './backtestJob';

const work = mkdtempSync(path.join(os.tmpdir(), 'bt-'));
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function air(): Promise<LoadedDataset> {
  const file = path.join(bundledDatasetsDir, 'AirPassengers.csv');
  return openDataset(
    {
      datasetId: 'ds_0000000000000001',
      source: { kind: 'path', path: file },
      path: file,
      name: 'AirPassengers.csv',
      options: null,
      choices: {},
    },
    {},
  );
}

const hooks = {
  signal: new AbortController().signal,
  progress: () => undefined,
  runtime: opByOpRuntime,
};
const params = {
  settings: {
    target: 'AirPassengers',
    epochs: 2,
    units: 4,
    lookback: 12,
    seed: 3,
    backend: 'cpu' as const,
    scaler: 'standard' as const,
  },
  transforms: [{ kind: 'boxcox' as const, lambda: null }],
  folds: 3,
  horizon: 6,
  window: 'expanding' as const,
  refit: 'scratch' as const,
};

describe('runBacktest', () => {
  it('builds chronological folds ending at the last row, with baselines per fold', async () => {
    const result = await runBacktest(await air(), params, work, hooks);
    expect(result.folds.map((f) => [f.testStart, f.testEnd])).toEqual([
      [126, 132],
      [132, 138],
      [138, 144],
    ]);
    for (const fold of result.folds) {
      expect(fold.trainEnd).toBeLessThanOrEqual(fold.testStart);
      expect(Object.keys(fold.baselines)).toEqual(
        expect.arrayContaining(['naive', 'seasonalNaive', 'mean']),
      );
    }
    expect(result.aggregate.rmse?.model?.mean).toBeGreaterThan(0);
  });

  it("never lets a fold's training see its test block (model, scaler and Box-Cox λ alike)", async () => {
    const dataset = await air();
    const before = await runBacktest(dataset, params, work, hooks);
    const column = dataset.table.columns[0];
    if (!column) throw new Error('no column');
    for (let i = 138; i < 144; i++) column.values[i] = (column.values[i] ?? 0) * 3;
    const after = await runBacktest(dataset, params, work, hooks);
    expect(after.folds[2]?.predicted).toEqual(before.folds[2]?.predicted);
    expect(after.folds[2]?.actual).not.toEqual(before.folds[2]?.actual);
    // Folds that end before the changed block are untouched as well.
    expect(after.folds[0]?.predicted).toEqual(before.folds[0]?.predicted);
  });
});
