// Collections in the app: the summary the sidebar lists (each series' length, frequency, problems
// and sparkline), one series in full for its chart, and a global-model run scored per series;
// long and wide files alike (collectionSource.ts).
//
// The run trains one network per frequency class on windows from every series of the class
// through globalModel.ts (the pretrained forecaster's global-training path, engine/forecasting/
// pretrain.ts) and evaluates it per series as a single run is evaluated: the last h values are the
// test part, and every method fitted on the values before them forecasts it — the global network,
// optionally a local network per series (the per-series pipeline), ETS, Theta, auto-ARIMA
// (engine/baselines) and the naive and seasonal naive forecasts — scored by sMAPE and MASE
// (metrics.ts). Forecasts past the end come from each method refitted on all values.
import type {
  CollectionFitSettings,
  CollectionIndex,
  CollectionLayout,
  CollectionMethod,
  CollectionRunBody,
  CollectionSeriesData,
  CollectionSeriesInfo,
  CollectionSeriesResult,
} from '../../shared/schemas/collection';
import { COLLECTION_METHODS, SPARKLINE_POINTS } from '../../shared/schemas/collection';
import type { FrequencyClass } from '../forecasting/frequency';
import type { EpochProgress } from '../model/train';
import { formatOut, futureTimes, metaOf, metricsOf, type SeriesMeta } from './batch';
import { globalPaths, trainGlobal, type TrainedGlobal } from './globalModel';
import {
  openSource,
  sourceIds,
  sourceRows,
  sourceSeries,
  type CollectionSource,
} from './collectionSource';
import type { LongSeries } from './longFormat';
import { runSeriesTask, type MethodPaths, type SeriesMethod } from './seriesTask';

/** A class needs this many series with at least 2h + 2 values for a global network in the app. */
export const APP_GLOBAL_MIN = 3;

/** Means of SPARKLINE_POINTS equal slices (the values themselves when there are fewer). */
export function sparkline(values: ArrayLike<number>): number[] {
  const n = values.length;
  if (n <= SPARKLINE_POINTS) return Array.from(values as ArrayLike<number>);
  return Array.from({ length: SPARKLINE_POINTS }, (_, k) => {
    const a = Math.floor((k * n) / SPARKLINE_POINTS);
    const b = Math.floor(((k + 1) * n) / SPARKLINE_POINTS);
    let s = 0;
    for (let i = a; i < b; i++) s += values[i] as number;
    return s / (b - a);
  });
}

const timeLabel = (s: LongSeries, i: number): string | null => {
  const t = s.times[i];
  return t === undefined ? null : formatOut(t, s.timeFormat);
};

export function summarise(s: LongSeries): CollectionSeriesInfo {
  const n = s.values.length;
  return {
    id: s.id,
    length: n,
    frequency: s.frequency.frequency,
    seasonalPeriod: Math.max(1, s.frequency.seasonalPeriod),
    firstTime: timeLabel(s, 0),
    lastTime: timeLabel(s, n - 1),
    sparkline: s.error ? [] : sparkline(s.values),
    problems: s.problems.slice(0, 20),
    error: s.error,
  };
}

export async function indexCollection(
  file: string,
  layout: CollectionLayout,
): Promise<{ index: CollectionSource; summary: CollectionIndex }> {
  const index = await openSource(file, layout);
  const series = sourceIds(index).map((id) => summarise(sourceSeries(index, id)));
  const { rows, badRows, leftOut } = sourceRows(index);
  return {
    index,
    summary: {
      rows,
      badRows: badRows.slice(0, 100),
      series,
      ...(layout.kind === 'wide' ? { leftOut: leftOut.slice(0, 1000) } : {}),
    },
  };
}

export function seriesData(index: CollectionSource, id: string): CollectionSeriesData {
  const s = sourceSeries(index, id);
  return {
    id,
    times: Array.from(s.times, (t) => formatOut(t, s.timeFormat)),
    values: Array.from(s.values, (v) => (Number.isFinite(v) ? v : null)),
    frequency: s.frequency.frequency,
    problems: s.problems.slice(0, 20),
    error: s.error,
  };
}

/** The naive (last value) and seasonal naive (value one season back) forecasts of h steps. */
export function naivePaths(
  values: Float64Array,
  m: number,
  h: number,
): Record<'naive' | 'snaive', number[]> {
  const n = values.length;
  const last = values[n - 1] as number;
  return {
    naive: Array.from({ length: h }, () => last),
    snaive: Array.from({ length: h }, (_, i) => values[n - m + (i % m)] as number),
  };
}

function naiveMethods(
  values: Float64Array,
  m: number,
  h: number,
): Partial<Record<'naive' | 'snaive', MethodPaths>> {
  const n = values.length;
  const withTest = n > h + 1;
  const all = naivePaths(values, m, h);
  const train = withTest ? naivePaths(values.subarray(0, n - h), m, h) : null;
  const out: Partial<Record<'naive' | 'snaive', MethodPaths>> = {
    naive: { label: 'naive', test: train?.naive ?? null, forecast: all.naive, bands: null },
  };
  // A seasonal naive forecast needs a season of values before the test part.
  if (m > 1 && n - (withTest ? h : 0) >= m)
    out.snaive = {
      label: `seasonal naive (m = ${m})`,
      test: train?.snaive ?? null,
      forecast: all.snaive,
      bands: null,
    };
  return out;
}

export interface MethodScore {
  smape: number | null;
  mase: number | null;
}

/**
 * Mean sMAPE and MASE per method over the series where every method that scored anywhere has
 * both scores, and the share of those series where the method has the lowest sMAPE (ties count
 * for each tied method).
 */
export function aggregateScores(
  perSeries: readonly Partial<Record<CollectionMethod, MethodScore>>[],
): { compared: number; methods: CollectionRunBody['aggregate'] } {
  const methods = COLLECTION_METHODS.filter((k) => perSeries.some((s) => s[k] !== undefined));
  const rows = perSeries.filter((s) =>
    methods.every((k) => s[k]?.smape != null && s[k]?.mase != null),
  );
  const mean = (xs: number[]): number | null =>
    xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    compared: rows.length,
    methods: methods.map((k) => {
      const smapes = rows.map((r) => r[k]?.smape as number);
      const wins = rows.filter((r) =>
        methods.every((o) => (r[o]?.smape as number) >= (r[k]?.smape as number)),
      ).length;
      return {
        method: k,
        smape: mean(smapes),
        mase: mean(rows.map((r) => r[k]?.mase as number)),
        wins: rows.length > 0 ? wins / rows.length : null,
      };
    }),
  };
}

export interface CollectionRunHooks {
  signal: AbortSignal;
  /** 0..1 of the whole run, and what is happening. */
  progress(fraction: number, message: string): void;
  onEpoch?(p: EpochProgress, fraction: number): void;
}

function abortError(): Error {
  const e = new Error('Cancelled.');
  e.name = 'AbortError';
  return e;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function resultOf(
  s: LongSeries,
  meta: SeriesMeta,
  h: number,
  paths: Partial<Record<CollectionMethod, MethodPaths>>,
  failures: Partial<Record<CollectionMethod, string>>,
): CollectionSeriesResult {
  const n = s.values.length;
  const withTest = meta.test.length > 0;
  const testStart = withTest ? n - h : n;
  const historyStart = Math.max(0, testStart - 3 * h);
  const out: CollectionSeriesResult = {
    id: s.id,
    length: n,
    frequency: s.frequency.frequency,
    testTimes: withTest
      ? Array.from(s.times.subarray(testStart), (t) => formatOut(t, s.timeFormat))
      : [],
    futureTimes: s.error || n === 0 ? [] : futureTimes(meta, h),
    historyTimes: Array.from(s.times.subarray(historyStart, testStart), (t) =>
      formatOut(t, s.timeFormat),
    ),
    history: Array.from(s.values.subarray(historyStart, testStart)),
    actual: meta.test,
    paths: {},
    failures,
    error: s.error,
  };
  for (const k of COLLECTION_METHODS) {
    const p = paths[k];
    if (!p) continue;
    const score = metricsOf(meta, p);
    out.paths[k] = { label: p.label, test: p.test, forecast: p.forecast, ...score };
  }
  return out;
}

export async function fitCollection(
  index: CollectionSource,
  settings: CollectionFitSettings,
  hooks: CollectionRunHooks,
): Promise<CollectionRunBody> {
  const h = settings.horizon;
  const all = sourceIds(index).map((id) => sourceSeries(index, id));
  const metas = all.map((s) => metaOf(s, h));
  const byClass = new Map<FrequencyClass, LongSeries[]>();
  all.forEach((s, i) => {
    const meta = metas[i] as SeriesMeta;
    if (s.error || !meta.frequencyClass || meta.n < 2 * h + 2) return;
    let list = byClass.get(meta.frequencyClass);
    if (!list) byClass.set(meta.frequencyClass, (list = []));
    list.push(s);
  });
  const trainable = [...byClass].filter(([, list]) => list.length >= APP_GLOBAL_MIN);
  // Progress: training takes the first half, the per-series methods the second.
  const trainShare = trainable.length > 0 ? 0.5 : 0;
  const globals = new Map<FrequencyClass, TrainedGlobal>();
  try {
    for (const [k, [cls, list]] of trainable.entries()) {
      if (hooks.signal.aborted) throw abortError();
      hooks.progress(
        (trainShare * k) / trainable.length,
        `Training the global ${settings.cell.toUpperCase()} on ${list.length} ${cls} series…`,
      );
      // Epochs of the evaluation network and its seeds' refits, then of each seed on all values.
      let epochsSeen = 0;
      const budget = settings.epochs * (1 + 2 * settings.ensemble);
      const g = await trainGlobal(
        list.map((s) => ({ id: s.id, values: s.values })),
        cls,
        h,
        settings.ensemble,
        () => {},
        {
          cell: settings.cell,
          epochs: settings.epochs,
          hooks: {
            signal: hooks.signal,
            onEpoch: (p) => {
              epochsSeen++;
              const within = Math.min(1, epochsSeen / budget);
              hooks.onEpoch?.(p, (trainShare * (k + within)) / trainable.length);
            },
          },
        },
      );
      globals.set(cls, g);
      if (hooks.signal.aborted) throw abortError();
    }
    const first = trainable[0];
    const firstGlobal = first ? globals.get(first[0]) : undefined;
    const why = (cls: FrequencyClass | null, n: number): string =>
      cls === null
        ? 'no global network for this frequency (yearly, quarterly and monthly series only)'
        : n < 2 * h + 2
          ? `too short for the global network (${n} values; it needs at least 2h + 2 = ${2 * h + 2})`
          : `too few ${cls} series for a global network (${byClass.get(cls)?.length ?? 0}; it needs ${APP_GLOBAL_MIN})`;
    const results: CollectionSeriesResult[] = [];
    const scores: Partial<Record<CollectionMethod, MethodScore>>[] = [];
    for (const [i, s] of all.entries()) {
      if (hooks.signal.aborted) throw abortError();
      hooks.progress(
        trainShare + ((1 - trainShare) * i) / all.length,
        `Scoring series ${s.id} (${i + 1} of ${all.length})…`,
      );
      const meta = metas[i] as SeriesMeta;
      const paths: Partial<Record<CollectionMethod, MethodPaths>> = {};
      const failures: Partial<Record<CollectionMethod, string>> = {};
      if (!s.error && s.values.length > 1) {
        const g = meta.frequencyClass ? globals.get(meta.frequencyClass) : undefined;
        if (g && meta.n >= 2 * h + 2) {
          const gp = globalPaths(g, s.values);
          paths.global = {
            label: `global ${settings.cell.toUpperCase()} (${settings.ensemble === 1 ? 'one seed' : `median of ${settings.ensemble} seeds`})`,
            test: gp.test ? Array.from(gp.test) : null,
            forecast: Array.from(gp.forecast),
            bands: null,
          };
        } else failures.global = why(meta.frequencyClass, meta.n);
        const methods: SeriesMethod[] = [
          'ets',
          'theta',
          ...(settings.arima ? (['arima'] as const) : []),
          ...(settings.local ? (['local'] as const) : []),
        ];
        try {
          const out = await runSeriesTask({
            id: s.id,
            values: s.values,
            m: meta.m,
            h,
            methods,
            ensemble: 1,
          });
          Object.assign(paths, out.paths);
          Object.assign(failures, out.failures);
        } catch (e) {
          for (const k of methods) failures[k] = message(e);
        }
        Object.assign(paths, naiveMethods(s.values, meta.m, h));
      }
      const r = resultOf(s, meta, h, paths, failures);
      results.push(r);
      scores.push(
        Object.fromEntries(
          Object.entries(r.paths).map(([k, p]) => [k, { smape: p.smape, mase: p.mase }]),
        ),
      );
    }
    hooks.progress(1, 'Done.');
    const agg = aggregateScores(scores);
    const info = firstGlobal?.info;
    return {
      global: {
        frequencyClass: info?.frequencyClass ?? null,
        seriesTrained: [...globals.values()].reduce((a, g) => a + g.info.seriesTrained, 0),
        windows: [...globals.values()].reduce((a, g) => a + g.info.windows, 0),
        epochs: info?.epochs ?? 0,
        seconds: [...globals.values()].reduce((a, g) => a + g.info.seconds, 0),
        note:
          trainable.length > 0
            ? null
            : `No global network: no frequency class has ${APP_GLOBAL_MIN} series with at least 2h + 2 = ${2 * h + 2} values.`,
      },
      compared: agg.compared,
      seriesCount: all.length,
      aggregate: agg.methods,
      series: results,
    };
  } finally {
    for (const g of globals.values()) g.dispose();
  }
}
