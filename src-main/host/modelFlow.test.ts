import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../shared/schemas/dataset';
import type { RunResult, RunSummary } from '../shared/schemas/model';
import { createTestHost } from './testing/testHost';

const test = createTestHost();
afterAll(() => test.dispose());

const { value } = test;

describe('modelling through the contract', () => {
  it('trains on AirPassengers with live progress, keeps the run, and scores it beside the baselines', async () => {
    const dataset = await value<DatasetInfo>('datasets:open', {
      jobId: 'job_model_open',
      source: { kind: 'sample', name: 'AirPassengers.csv' },
    });
    const run = await value<RunResult>('model:fit', {
      jobId: 'job_model_fit',
      datasetId: dataset.datasetId,
      settings: {
        target: 'AirPassengers',
        testSize: 24,
        epochs: 3,
        units: 8,
        lookback: 12,
        horizon: 1,
        seed: 7,
      },
    });
    expect(run.id).toMatch(/^run_/);
    expect(run.epochs).toHaveLength(3);
    expect(run.config.seed).toBe(7);
    expect(run.test.actual).toHaveLength(24);
    expect(Object.keys(run.baselines).sort()).toEqual([
      'arima',
      'ets',
      'mean',
      'naive',
      'seasonalNaive',
      'theta',
    ]);
    expect(run.baselineNotes.arima).toMatch(/ARIMA\(/);
    expect(run.baselineModels?.ets?.label).toBe('ETS(M,Ad,M)');
    expect(run.baselineModels?.theta?.label).toBe('Theta');
    expect(run.intervals.map((b) => b.level)).toEqual([0.8, 0.95]);
    expect(run.forecast.values).toHaveLength(1);
    const progress = test.events.filter((e) => e.event === 'job:progress');
    expect(progress.some((e) => (e.payload as { jobId: string }).jobId === 'job_model_fit')).toBe(
      true,
    );
    const list = await value<RunSummary[]>('runs:list', {});
    expect(list.map((r) => r.id)).toContain(run.id);
  });
});
