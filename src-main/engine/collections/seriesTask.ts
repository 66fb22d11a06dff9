// The per-series part of a batch forecast, run in a worker: each asked-for method is fitted twice,
// on the first n − h rows (its forecast of the last h rows is the test path the metrics score)
// and on all n rows (the forecast past the end). ETS, Theta and auto-ARIMA come from
// engine/baselines; 'local' is the per-series forecasting pipeline of engine/forecasting (a
// K-member ensemble started from the pretrained forecaster of the class, fine-tuned on this
// series), which evaluates on the last h rows and refits on all rows itself.
import { classicalBaselines, type ClassicalMethod } from '../baselines/classical';
import { forecastSeries, type ForecasterSettings } from '../forecasting/seriesForecaster';
import { engineMemberPool } from '../forecasting/engineMemberPool';
import { engineRuntime } from '../kernels/trainingRuntime';

export type SeriesMethod = ClassicalMethod | 'local';

export interface MethodPaths {
  label: string;
  /** Forecast of the last h rows from the rows before them; null when the series is too short. */
  test: number[] | null;
  forecast: number[];
  /** Prediction intervals of the forecast past the end, or null when the method has none. */
  bands: { lo80: number[]; hi80: number[]; lo95: number[]; hi95: number[] } | null;
}

export interface SeriesTaskInput {
  id: string;
  values: Float64Array;
  m: number;
  h: number;
  methods: SeriesMethod[];
  ensemble: number;
}

export interface SeriesTaskOutput {
  id: string;
  paths: Partial<Record<SeriesMethod, MethodPaths>>;
  /** Why a method has no paths. */
  failures: Partial<Record<SeriesMethod, string>>;
}

/** A series needs more than h + 1 rows for a test part. */
export const hasTestPart = (n: number, h: number): boolean => n > h + 1;

export function localSettings(ensemble: number): ForecasterSettings {
  return {
    seasonality: 'auto',
    normalisation: 'auto',
    pretrained: 'auto',
    adaptation: 'fine-tune',
    ensemble: Math.max(1, ensemble),
    refitAll: true,
    lookback: null,
    cell: 'lstm',
    layers: 1,
    units: 32,
    learningRate: 1e-3,
    loss: 'mae',
    epochs: 100,
    batchSize: 32,
    patience: 10,
    seed: 7,
  };
}

function classical(
  input: SeriesTaskInput,
  methods: ClassicalMethod[],
  out: SeriesTaskOutput,
): void {
  if (methods.length === 0) return;
  const { values, m, h } = input;
  const n = values.length;
  const evalFits = hasTestPart(n, h)
    ? classicalBaselines(values.subarray(0, n - h), m, h, { methods })
    : null;
  const allFits = classicalBaselines(values, m, h, { methods });
  for (const method of methods) {
    const all = allFits[method];
    const ev = evalFits?.[method];
    if (!all?.ok) {
      out.failures[method] = all?.note ?? `${method} not fitted`;
      continue;
    }
    if (ev && !ev.ok) {
      out.failures[method] = `on the first ${n - h} rows: ${ev.note}`;
      continue;
    }
    const band = (level: number) => all.intervals.find((b) => Math.abs(b.level - level) < 1e-9);
    const b80 = band(0.8);
    const b95 = band(0.95);
    out.paths[method] = {
      label: all.label,
      test: ev?.ok ? ev.forecast.slice(0, h) : null,
      forecast: all.forecast.slice(0, h),
      bands:
        b80 && b95 ? { lo80: b80.lower, hi80: b80.upper, lo95: b95.lower, hi95: b95.upper } : null,
    };
  }
}

async function local(input: SeriesTaskInput, out: SeriesTaskOutput): Promise<void> {
  const { values, m, h } = input;
  const n = values.length;
  const testStart = hasTestPart(n, h) ? n - h : n;
  // Validation windows (early stopping) end where the test part starts.
  const valStart = Math.max(1, testStart - h);
  const runtime = await engineRuntime();
  const res = await forecastSeries(
    values,
    m,
    h,
    { n, valStart, testStart },
    localSettings(input.ensemble),
    {},
    // In the engine process its member threads; none in the CLI's forecast workers (processes).
    { runtime, members: engineMemberPool(runtime) },
  );
  const testIndex = res.test.targetStarts.indexOf(n - h);
  out.paths.local = {
    label: res.forecastModel.label,
    test:
      testStart < n && testIndex >= 0
        ? Array.from(res.test.predicted.subarray(testIndex * h, (testIndex + 1) * h))
        : null,
    forecast: Array.from(res.forecast),
    bands: null,
  };
}

export async function runSeriesTask(input: SeriesTaskInput): Promise<SeriesTaskOutput> {
  const out: SeriesTaskOutput = { id: input.id, paths: {}, failures: {} };
  classical(
    input,
    input.methods.filter((x): x is ClassicalMethod => x !== 'local'),
    out,
  );
  if (input.methods.includes('local')) {
    try {
      await local(input, out);
    } catch (e) {
      out.failures.local = e instanceof Error ? e.message : String(e);
    }
  }
  return out;
}
