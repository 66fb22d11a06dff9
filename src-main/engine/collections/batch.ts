// The batch forecast of a collection without the processes: which methods each series needs for
// a model choice, how their paths combine, the intervals, the test metrics and the output rows.
//
// Models:
// - ets | theta | arima: that classical method (engine/baselines), with its own intervals;
// - local: the per-series forecasting pipeline (engine/forecasting/seriesForecaster);
// - global: the collection's global network of the series' frequency class (globalModel.ts);
// - combination: the median, step by step, of the global network, ETS and Theta (ETS and Theta
//   alone where the class has no global model);
// - auto: the combination where the class has a global model; else the median of the local
//   pipeline, ETS and Theta where a pretrained forecaster covers the class; else ETS and Theta.
// Intervals of the network and combined forecasts are split-conformal across the collection: per
// class and step k, the 80% and 95% quantiles of |y − f| / scale over every series' test part,
// times the series' own scale (at least CONFORMAL_MIN series, else no interval).
import { combineForecasts } from '../baselines/combination';
import { formatTime } from '../csv/findProblems';
import { addSteps } from '../csv/timeSteps';
import type { FrequencyInfo, TimeFormat } from '../csv/types';
import { frequencyClassOf, type FrequencyClass } from '../forecasting/frequency';
import type { GlobalPaths } from './globalModel';
import type { SeriesProblem } from './longFormat';
import { mase, maseScale, smape } from './metrics';
import type { MethodPaths, SeriesMethod, SeriesTaskOutput } from './seriesTask';

export const MODELS = ['auto', 'global', 'local', 'ets', 'theta', 'arima', 'combination'] as const;
export type BatchModel = (typeof MODELS)[number];
export const CONFORMAL_MIN = 20;

/** What the coordinator keeps of a series between reading it and writing its rows. */
export interface SeriesMeta {
  id: string;
  n: number;
  m: number;
  frequency: FrequencyInfo['frequency'];
  frequencyClass: FrequencyClass | null;
  timeFormat: TimeFormat;
  lastTime: number;
  step: FrequencyInfo['step'];
  /** Step between the last two times, for irregular series. */
  lastStep: number;
  /** The last h values (the test part), empty without one. */
  test: number[];
  /** MASE scales of the first n − h rows and of all rows. */
  testScale: number;
  allScale: number;
  problems: SeriesProblem[];
  error: string | null;
}

export type PathName = SeriesMethod | 'global' | 'combination';

export interface SeriesResult {
  meta: SeriesMeta;
  /** The output model's name and label. */
  model: PathName | null;
  label: string;
  paths: Partial<Record<PathName, MethodPaths>>;
  failures: Partial<Record<PathName, string>>;
  error: string | null;
}

export function methodsFor(
  model: BatchModel,
  cls: FrequencyClass | null,
  hasGlobal: boolean,
): { methods: SeriesMethod[]; global: boolean } {
  switch (model) {
    case 'ets':
    case 'theta':
    case 'arima':
      return { methods: [model], global: false };
    case 'local':
      return { methods: ['local'], global: false };
    case 'global':
      return { methods: [], global: true };
    case 'combination':
      return { methods: ['ets', 'theta'], global: hasGlobal };
    case 'auto':
      if (hasGlobal) return { methods: ['ets', 'theta'], global: true };
      return {
        methods: cls !== null ? ['ets', 'theta', 'local'] : ['ets', 'theta'],
        global: false,
      };
  }
}

export function metaOf(
  series: {
    id: string;
    values: Float64Array;
    times: Float64Array;
    frequency: FrequencyInfo;
    timeFormat: TimeFormat;
    problems: SeriesProblem[];
    error: string | null;
  },
  h: number,
): SeriesMeta {
  const n = series.values.length;
  const m = Math.max(1, series.frequency.seasonalPeriod);
  const hasTest = n > h + 1;
  return {
    id: series.id,
    n,
    m,
    frequency: series.frequency.frequency,
    frequencyClass: frequencyClassOf(m),
    timeFormat: series.timeFormat,
    lastTime: series.times[n - 1] ?? Number.NaN,
    step: series.frequency.step,
    lastStep: n > 1 ? (series.times[n - 1] as number) - (series.times[n - 2] as number) : 1,
    test: hasTest ? Array.from(series.values.subarray(n - h)) : [],
    testScale: hasTest ? maseScale(series.values.subarray(0, n - h), m) : Number.NaN,
    allScale: maseScale(series.values, m),
    problems: series.problems,
    error: series.error,
  };
}

/** Assembles one series' result from its worker output and its global paths. */
export function assemble(
  meta: SeriesMeta,
  model: BatchModel,
  out: SeriesTaskOutput | null,
  global: GlobalPaths | null,
  globalWhy: string | null,
): SeriesResult {
  const paths: SeriesResult['paths'] = { ...(out?.paths ?? {}) };
  const failures: SeriesResult['failures'] = { ...(out?.failures ?? {}) };
  if (global) {
    paths.global = {
      label: 'global network (median of seeds)',
      test: global.test ? Array.from(global.test) : null,
      forecast: Array.from(global.forecast),
      bands: null,
    };
  } else if (globalWhy) failures.global = globalWhy;
  const members = (['global', 'local', 'ets', 'theta'] as const).filter((k) => paths[k]);
  const wantsCombination = model === 'combination' || model === 'auto';
  if (wantsCombination && members.length > 0) {
    const testOf = (p: MethodPaths) => p.test;
    const tests = members.map((k) => testOf(paths[k] as MethodPaths));
    paths.combination = {
      label: `median of ${members.map((k) => (k === 'global' ? 'global network' : k === 'local' ? 'local networks' : k === 'ets' ? (paths.ets?.label ?? 'ETS') : 'Theta')).join(', ')}`,
      test: tests.every((t) => t !== null)
        ? Array.from(combineForecasts(tests as number[][], 'median'))
        : null,
      forecast: Array.from(
        combineForecasts(
          members.map((k) => (paths[k] as MethodPaths).forecast),
          'median',
        ),
      ),
      bands: null,
    };
  }
  const chosen: PathName = wantsCombination ? 'combination' : model;
  const path = paths[chosen];
  if (meta.error) return { meta, model: null, label: '', paths, failures, error: meta.error };
  if (!path) {
    const why =
      failures[chosen] ??
      (wantsCombination
        ? Object.entries(failures)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ') || 'no method could be fitted'
        : `${chosen} not fitted`);
    return { meta, model: null, label: '', paths, failures, error: why };
  }
  return { meta, model: chosen, label: path.label, paths, failures, error: null };
}

function quantile(sorted: number[], p: number): number {
  const k = Math.min(sorted.length, Math.ceil((sorted.length + 1) * p)) - 1;
  return sorted[Math.max(0, k)] ?? Number.NaN;
}

/** Per class, per step: the 80% and 95% quantiles of the scaled absolute test errors. */
export function conformalQuantiles(
  results: readonly SeriesResult[],
): Map<string, { q80: number[]; q95: number[]; series: number }> {
  const errors = new Map<string, number[][]>();
  for (const r of results) {
    const p = r.model ? r.paths[r.model] : undefined;
    if (!p?.test || r.meta.test.length === 0 || !(r.meta.testScale > 0)) continue;
    const key = r.meta.frequency;
    let steps = errors.get(key);
    if (!steps) errors.set(key, (steps = []));
    p.test.forEach((f, k) => {
      const e = Math.abs((r.meta.test[k] as number) - f) / r.meta.testScale;
      if (!Number.isFinite(e)) return;
      (steps[k] ??= []).push(e);
    });
  }
  const out = new Map<string, { q80: number[]; q95: number[]; series: number }>();
  for (const [key, steps] of errors) {
    const sorted = steps.map((s) => [...s].sort((a, b) => a - b));
    out.set(key, {
      q80: sorted.map((s) => quantile(s, 0.8)),
      q95: sorted.map((s) => quantile(s, 0.95)),
      series: sorted[0]?.length ?? 0,
    });
  }
  return out;
}

export function formatOut(t: number, format: TimeFormat): string {
  if (format === 'year') return String(new Date(t).getUTCFullYear());
  if (format === 'year-month') return formatTime(t, 'iso-date').slice(0, 7);
  return formatTime(t, format);
}

export function futureTimes(meta: SeriesMeta, h: number): string[] {
  return Array.from({ length: h }, (_, i) => {
    const k = i + 1;
    const t = meta.step ? addSteps(meta.lastTime, k, meta.step) : meta.lastTime + k * meta.lastStep;
    return formatOut(t, meta.timeFormat);
  });
}

const csvCell = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const num = (v: number | undefined): string =>
  v === undefined || !Number.isFinite(v) ? '' : String(Number(v.toPrecision(10)));

export const FORECAST_HEADER = 'id,date,forecast,lo80,hi80,lo95,hi95,model';

/** The output rows of one series (no newline at the end of the last). */
export function rowsOf(
  r: SeriesResult,
  h: number,
  quantiles: ReturnType<typeof conformalQuantiles>,
): string[] {
  const id = csvCell(r.meta.id);
  const p = r.model ? r.paths[r.model] : undefined;
  if (!p || r.error) return [`${id},,,,,,,${csvCell(`failed: ${r.error ?? 'no forecast'}`)}`];
  const dates = futureTimes(r.meta, h);
  const q = quantiles.get(r.meta.frequency);
  const useConformal = !p.bands && q && q.series >= CONFORMAL_MIN && r.meta.allScale > 0;
  return dates.map((d, k) => {
    const f = p.forecast[k] as number;
    let b: number[] = [];
    if (p.bands)
      b = [p.bands.lo80[k], p.bands.hi80[k], p.bands.lo95[k], p.bands.hi95[k]].map(Number);
    else if (useConformal) {
      const s = r.meta.allScale;
      const q80 = (q.q80[k] ?? Number.NaN) * s;
      const q95 = (q.q95[k] ?? Number.NaN) * s;
      b = [f - q80, f + q80, f - q95, f + q95];
    }
    return [id, d, num(f), num(b[0]), num(b[1]), num(b[2]), num(b[3]), csvCell(r.model ?? '')].join(
      ',',
    );
  });
}

export interface SeriesMetrics {
  smape: number | null;
  mase: number | null;
}

export function metricsOf(meta: SeriesMeta, p: MethodPaths | undefined): SeriesMetrics {
  if (!p?.test || meta.test.length === 0) return { smape: null, mase: null };
  const s = smape(meta.test, p.test);
  const m = mase(meta.test, p.test, meta.testScale);
  return { smape: Number.isFinite(s) ? s : null, mase: Number.isFinite(m) ? m : null };
}

export interface Aggregate {
  series: number;
  /** Mean over the series with a test part. */
  smape: number | null;
  mase: number | null;
  /** Per computed path: mean sMAPE / MASE over the series where every listed path has metrics, and the share of those series where it has the lowest sMAPE. */
  methods: Record<string, { smape: number; mase: number; winsSmape: number }>;
  compared: number;
}

const mean = (v: number[]): number | null =>
  v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;

export function aggregate(results: readonly SeriesResult[]): Aggregate {
  const ok = results.filter((r) => r.model !== null);
  const chosen = ok.map((r) => metricsOf(r.meta, r.model ? r.paths[r.model] : undefined));
  const names = new Set<string>();
  for (const r of ok) for (const k of Object.keys(r.paths)) names.add(k);
  const list = [...names].sort();
  const rows = ok
    .map((r) => list.map((k) => metricsOf(r.meta, r.paths[k as PathName])))
    .filter((ms) => ms.every((x) => x.smape !== null && x.mase !== null));
  const methods: Aggregate['methods'] = {};
  list.forEach((k, j) => {
    const wins = rows.filter((ms) => {
      const mine = ms[j]?.smape as number;
      return ms.every((x) => (x.smape as number) >= mine);
    }).length;
    methods[k] = {
      smape: mean(rows.map((ms) => ms[j]?.smape as number)) ?? Number.NaN,
      mase: mean(rows.map((ms) => ms[j]?.mase as number)) ?? Number.NaN,
      winsSmape: rows.length > 0 ? wins / rows.length : Number.NaN,
    };
  });
  return {
    series: results.length,
    smape: mean(chosen.flatMap((c) => (c.smape === null ? [] : [c.smape]))),
    mase: mean(chosen.flatMap((c) => (c.mase === null ? [] : [c.mase]))),
    methods,
    compared: rows.length,
  };
}
