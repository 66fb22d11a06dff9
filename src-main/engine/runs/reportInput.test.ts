// A report's dataset pages come from each run's own dataset, never from the one selected in the
// sidebar; runs on several datasets get a section per dataset.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../shared/schemas/model';
import { ReportSection } from '../../shared/schemas/projectChannels';
import { openDataset, type LoadedDataset } from '../datasets/openDataset';
import type { FitConfig } from '../model/fitConfig';
import { fitConfigFixture } from '../../shared/testing/fitConfig.testkit';
import { buildReportHtml } from '../reports/buildReportHtml';
import { bundledDatasetsDir } from '../testing/sharedData';
import { buildReportInput } from './reportInput';

async function bundled(name: string, datasetId: string): Promise<LoadedDataset> {
  const file = path.join(bundledDatasetsDir, name);
  return openDataset(
    {
      datasetId,
      source: { kind: 'path', path: file },
      path: file,
      name,
      options: null,
      choices: {},
    },
    {},
  );
}

let air: LoadedDataset;
let nile: LoadedDataset;
beforeAll(async () => {
  air = await bundled('AirPassengers.csv', 'ds_00000000000000a1');
  nile = await bundled('Nile.csv', 'ds_00000000000000b2');
});

const metrics = (rmse: number) => ({
  mse: rmse * rmse,
  rmse,
  mae: rmse,
  r2: 0.5,
  mape: 5,
  mapeSkipped: 0,
  smape: 5,
  mase: 1,
  count: 10,
});

/** A one-step run on the last 10 rows of `dataset`'s first column, predicted 5 off. */
function runOn(dataset: LoadedDataset, id: string, transforms: FitConfig['transforms']): RunResult {
  const column = dataset.table.columns[0];
  if (!column) throw new Error('no column');
  const n = column.values.length;
  const starts = Array.from({ length: 10 }, (_, i) => n - 10 + i);
  const actual = starts.map((t) => column.values[t] as number);
  return {
    id,
    createdAt: '2026-01-01T00:00:00.000Z',
    datasetId: dataset.info.datasetId,
    dataset: {
      name: dataset.info.name,
      filePath: null,
      rows: n,
      timeFormat: dataset.info.timeFormat,
      seasonalPeriod: dataset.info.seasonalPeriod,
    },
    config: fitConfigFixture({ target: column.name, transforms }),
    backend: { backend: 'wasm', detail: 'wasm: selected (SIMD yes, threads no)' },
    kernel: 'fused-wasm-simd',
    timings: { totalSeconds: 1, trainingSeconds: 1, perEpochSeconds: [0.5, 0.5] },
    epochs: [
      { epoch: 0, loss: 0.2, valLoss: 0.3, seconds: 0.5 },
      { epoch: 1, loss: 0.1, valLoss: 0.2, seconds: 0.5 },
    ],
    stoppedReason: 'completed',
    stopMessage: null,
    bestEpoch: 1,
    split: {
      n,
      valStart: n - 20,
      testStart: n - 10,
      trainWindows: n - 30,
      valWindows: 10,
      testWindows: 10,
    },
    metrics: metrics(5),
    baselines: { naive: metrics(7) },
    baselineNotes: { naive: 'last value before each test window' },
    test: {
      targetStarts: starts,
      horizon: 1,
      times: starts.map((t) => dataset.table.time.values[t] as number),
      predicted: actual.map((v) => v + 5),
      actual,
      baselinePredictions: { naive: actual.map((v) => v - 7) },
    },
    validation: null,
    forecast: { times: [1, 2], values: [1, 2] },
    intervals: [],
    forecastIntervals: [],
  };
}

const base = {
  title: 'Report',
  column: null,
  sensitivities: {},
  sections: [...ReportSection.options],
};

describe('buildReportInput', () => {
  it("takes the run's own dataset, not the one selected in the sidebar", () => {
    const input = buildReportInput({
      ...base,
      dataset: air,
      column: 'AirPassengers',
      runs: [runOn(nile, 'run-nile', [{ kind: 'diff' }])],
      datasets: [nile, air],
    });
    expect(input.groups?.map((g) => g.name)).toEqual(['Nile.csv']);
    const pages = input.groups?.[0]?.dataset;
    expect(pages?.info.name).toBe('Nile.csv');
    // The diagnostics are of the run's target after the run's transforms: 100 values, 99 differences.
    expect(pages?.analysis?.column).toBe('Nile');
    expect(pages?.analysis?.transforms).toEqual(['first difference']);
    expect(pages?.analysis?.n).toBe(99);
    const html = buildReportHtml(input);
    expect(html).toContain('Nile.csv');
    expect(html).not.toContain('AirPassengers');
  });

  it('a section per dataset when the runs were trained on several', () => {
    const input = buildReportInput({
      ...base,
      dataset: air,
      runs: [runOn(air, 'run-air', []), runOn(nile, 'run-nile', []), runOn(air, 'run-air-2', [])],
      datasets: [air, nile],
    });
    expect(input.groups?.map((g) => [g.name, g.runs.map((r) => r.run.id)])).toEqual([
      ['AirPassengers.csv', ['run-air', 'run-air-2']],
      ['Nile.csv', ['run-nile']],
    ]);
    const html = buildReportHtml(input);
    expect(html).toContain('Dataset: AirPassengers.csv</h1>');
    expect(html).toContain('Dataset: Nile.csv</h1>');
    // Both AirPassengers runs print before the Nile section, the Nile run after it.
    const nileAt = html.indexOf('Dataset: Nile.csv');
    const runsAt = [...html.matchAll(/<h2>Run: LSTM 1 × 8, lookback 4, horizon 1/g)].map(
      (m) => m.index,
    );
    expect(runsAt.filter((i) => i < nileAt)).toHaveLength(2);
    expect(runsAt.filter((i) => i > nileAt)).toHaveLength(1);
  });

  it("says so when a run's dataset is not open, and shows no other dataset instead", () => {
    const input = buildReportInput({
      ...base,
      dataset: air,
      runs: [runOn(nile, 'run-nile', [])],
      datasets: [],
    });
    expect(input.groups?.[0]?.dataset).toBeUndefined();
    const html = buildReportHtml(input);
    expect(html).toContain('The dataset these runs were trained on (Nile.csv) is not open');
    expect(html).not.toContain('AirPassengers');
  });

  it('without runs, the selected dataset and column', () => {
    const input = buildReportInput({ ...base, dataset: air, column: 'AirPassengers', runs: [] });
    expect(input.dataset?.info.name).toBe('AirPassengers.csv');
    expect(input.dataset?.analysis?.n).toBe(144);
  });
});
