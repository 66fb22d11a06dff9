import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src-main/shared/schemas/model';
import { filterRuns, sortRuns, toggleSort } from './runsTable';

function run(
  id: string,
  rmse: number | null,
  label: string,
  origin: RunSummary['origin'],
): RunSummary {
  const metrics = {
    mse: null,
    rmse,
    mae: null,
    r2: null,
    mape: null,
    mapeSkipped: 0,
    smape: null,
    mase: null,
    count: 10,
  };
  return {
    id,
    datasetId: 'ds_1',
    datasetName: 'AirPassengers.csv',
    createdAt: `2024-01-0${id}T00:00:00Z`,
    label,
    target: 'value',
    stoppedReason: 'completed',
    metrics,
    naiveRmse: 30,
    valLoss: null,
    backend: 'cpu',
    kernel: 'op-by-op',
    trainingSeconds: 1,
    origin,
    best: false,
  };
}

const runs = [
  run('1', 20, 'LSTM 1×32', 'fit'),
  run('2', null, 'GRU 2×16', 'search'),
  run('3', 10, 'RNN 1×8', 'fit'),
];

describe('sortRuns', () => {
  it('orders by a metric and keeps missing values last in both directions', () => {
    expect(sortRuns(runs, { key: 'rmse', descending: false }).map((r) => r.id)).toEqual([
      '3',
      '1',
      '2',
    ]);
    expect(sortRuns(runs, { key: 'rmse', descending: true }).map((r) => r.id)).toEqual([
      '1',
      '3',
      '2',
    ]);
  });
  it('orders text case-insensitively', () => {
    expect(sortRuns(runs, { key: 'label', descending: false }).map((r) => r.id)).toEqual([
      '2',
      '1',
      '3',
    ]);
  });
});

describe('filterRuns', () => {
  it('needs every word somewhere in the run', () => {
    expect(filterRuns(runs, 'search').map((r) => r.id)).toEqual(['2']);
    expect(filterRuns(runs, 'fit lstm').map((r) => r.id)).toEqual(['1']);
    expect(filterRuns(runs, '  ')).toHaveLength(3);
  });
});

describe('toggleSort', () => {
  it('flips the same column and starts a new one ascending', () => {
    expect(toggleSort({ key: 'rmse', descending: false }, 'rmse')).toEqual({
      key: 'rmse',
      descending: true,
    });
    expect(toggleSort({ key: 'rmse', descending: true }, 'mae')).toEqual({
      key: 'mae',
      descending: false,
    });
  });
});
