// A complete report input for the report tests: a synthetic monthly dataset, two runs with
// hand-chosen metric values, real residual diagnostics and a DM test computed from their errors.
import { dieboldMarianoTest } from '../evaluation/dieboldMariano';
import { residualDiagnostics } from '../evaluation/residualDiagnostics';
import type { ForecastMetrics } from '../model/metrics';
import { fitConfigFixture } from '../../shared/testing/fitConfig.testkit';
import { gapsAsNaN } from '../../shared/charts/jsonNumbers';
import type { RunResult as CoreRun } from '../model/runResult';
import { RunResult } from '../../shared/schemas/model';
import { jsonAs } from '../analysis/jsonSafe';
import {
  ANALYSIS,
  DATASET_INFO,
  N,
  SERIES,
  month,
  times,
  values,
} from './reportDatasetFixture.testkit';
import type { ReportInput, ReportRun } from './reportTypes';

export const MODEL_METRICS: ForecastMetrics = {
  mse: 152.41,
  rmse: 12.3456,
  mae: 0.000123456,
  r2: 0.98765,
  mape: 3.14159,
  mapeSkipped: 0,
  smape: 2.71828,
  mase: Number.NaN,
  count: 10,
};
/** How MODEL_METRICS must read in the report (4 significant digits, NaN as a dash). */
export const MODEL_METRICS_SHOWN = ['12.35', '0.0001235', '0.9877', '3.142', '2.718', '152.4'];

const metric = (rmse: number): ForecastMetrics => ({
  ...MODEL_METRICS,
  rmse,
  mse: rmse * rmse,
  mase: 1.5,
});

/** A run as the report receives it: the modelling core's record after JSON (NaN is null). */
function run(id: string, shift: number, cell: 'lstm' | 'gru'): RunResult {
  const core = coreRun(id, shift, cell);
  return jsonAs(RunResult, {
    ...core,
    datasetId: 'demo',
    baselineNotes: {},
    intervals: [],
    forecastIntervals: [],
  });
}

function coreRun(id: string, shift: number, cell: 'lstm' | 'gru'): CoreRun {
  const testStart = 38;
  const tTimes = times.slice(testStart);
  const actual = values.slice(testStart);
  const predicted = actual.map((v, i) => v + shift + ((i * 7) % 5) - 2);
  return {
    id,
    createdAt: '2024-05-01T10:00:00.000Z',
    dataset: {
      name: 'demo.csv',
      filePath: '/data/demo.csv',
      rows: N,
      timeFormat: 'year-month',
      seasonalPeriod: 12,
    },
    config: fitConfigFixture({
      target: 'passengers',
      transforms: [{ kind: 'log' }, { kind: 'seasonalDiff', period: 12 }],
      cell,
      units: 32,
      epochs: 5,
      patience: 10,
      seed: 42,
    }),
    backend: { backend: 'wasm', detail: 'WebAssembly (SIMD yes)' },
    kernel: 'fused-wasm',
    timings: {
      totalSeconds: 3.5,
      trainingSeconds: 2.5,
      perEpochSeconds: [0.5, 0.5, 0.5, 0.5, 0.5],
    },
    epochs: [0.5, 0.3, 0.2, 0.15, 0.14].map((loss, epoch) => ({
      epoch,
      loss,
      valLoss: loss + 0.05 + (epoch === 4 ? 0.1 : 0),
      seconds: 0.5,
    })),
    stoppedReason: 'completed',
    stopMessage: null,
    bestEpoch: 3,
    split: { n: N, valStart: 34, testStart, trainWindows: 30, valWindows: 4, testWindows: 10 },
    scaler: { kind: 'minmax', featureRange: [0, 1], offset: [100], scale: [100] },
    metrics: id === 'run-a' ? MODEL_METRICS : metric(20.5),
    baselines: { naive: metric(30.25), seasonalNaive: metric(25.125), mean: metric(40) },
    test: {
      targetStarts: tTimes.map((_, i) => testStart + i),
      horizon: 1,
      times: tTimes,
      predicted,
      actual,
      baselinePredictions: {
        naive: actual.map((v) => v - 3),
        seasonalNaive: actual.map((v) => v - 1),
        mean: actual.map(() => 150),
      },
    },
    validation: null,
    forecast: { times: [month(N), month(N + 1)], values: [200, 205] },
    modelDir: null,
  };
}

function reportRun(r: RunResult, label: string): ReportRun {
  const residuals = residualDiagnostics(
    new Float64Array(gapsAsNaN(r.test.actual)),
    new Float64Array(gapsAsNaN(r.test.predicted)),
  );
  const shape = { windows: 3, lookback: 4, features: 1 };
  const effect = new Float64Array([1, -2, 0.5, 3, -1, 0, 2, 1, 0.5, 0.5, -0.5, 4]);
  return {
    run: r,
    label,
    residuals,
    sensitivity: {
      result: {
        mode: 'plus-minus',
        shape,
        effect,
        meanAbsPerLag: new Float64Array([2 / 3, 1, 1, 8 / 3]),
      },
      windowTimes: [times[38] as number, times[39] as number, times[40] as number],
    },
  };
}

export function fullReportInput(): ReportInput {
  const a = run('run-a', 1, 'lstm');
  const b = run('run-b', 4, 'gru');
  const err = (r: RunResult): Float64Array =>
    new Float64Array(
      r.test.actual.map((v, i) => (v ?? Number.NaN) - (r.test.predicted[i] ?? Number.NaN)),
    );
  const dm = dieboldMarianoTest(err(a), err(b));
  return {
    title: 'Airline <study> & "friends"',
    date: '2024-05-02',
    dataset: { info: DATASET_INFO, series: SERIES, analysis: ANALYSIS },
    runs: [reportRun(a, 'LSTM baseline'), reportRun(b, 'GRU variant')],
    comparison: { dm: { ...dm, runA: 'run-a', runB: 'run-b' } },
  };
}
