// `series-studio forecast <csv> --id-column id --time-column date --target value --horizon H`:
// batch forecasts of a long-format collection over a pool of worker processes. With
// `--layout wide` the file has one row per time and every numeric column is a series named after
// it (engine/collections/wideFormat.ts); its numeric columns are held in memory, 8 bytes a cell.
//
// 1. Index the file (one streaming pass: byte ranges per id, engine/collections/longFormat.ts;
//    or the wide file's columns read once).
// 2. Read each series once to learn its length, frequency and problems (kept: O(h) per series).
// 3. Start one global-training task per frequency class that needs a global model (trained on
//    every series of the class in the file, whatever the shard, so shards agree), then stream the
//    per-series tasks (classical methods, local networks) to the free workers; each worker reads
//    nothing itself except the global task, which reads its class's series from the file.
// 4. Assemble, per series: the test metrics (last h rows held out, methods fitted on the rest)
//    and the forecast past the end (methods refitted on all rows); write the rows in file order
//    and the summary JSON.
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StudioFailure } from '../shared/result';
import {
  aggregate,
  assemble,
  conformalQuantiles,
  FORECAST_HEADER,
  metaOf,
  methodsFor,
  metricsOf,
  MODELS,
  rowsOf,
  type BatchModel,
  type SeriesMeta,
  type SeriesResult,
} from '../engine/collections/batch';
import {
  GLOBAL_MIN_SERIES,
  type GlobalInfo,
  type GlobalPaths,
} from '../engine/collections/globalModel';
import {
  openSource,
  sourceIds,
  sourceRows,
  sourceSeries,
  sourceSubset,
} from '../engine/collections/collectionSource';
import { inShard, parseShard, type Shard } from '../engine/collections/shard';
import type { SeriesTaskOutput } from '../engine/collections/seriesTask';
import type { FrequencyClass } from '../engine/forecasting/frequency';
import { assertKnown, isOneOf, numberOption, parseArgs, stringOption } from './args';
import { cliPaths } from './cliEngine';
import type { CliCommand } from './commands';
import { ForecastPool } from './forecastPool';
import type { GlobalTaskOutput } from './forecastWorker';
import { runWorker } from './forecastWorker';
import { ProgressBar } from './progressBar';

const USAGE =
  'usage: series-studio forecast <csv> --id-column id --time-column date --target value --horizon H ' +
  '[--layout long|wide (wide: one numeric column per series; no --id-column, --target or --features)] ' +
  '[--features a,b] [--model auto|global|local|ets|theta|arima|combination] [--ensemble K] [--workers N] ' +
  '[--shard i/n] [--summary summary.json] [--quiet] --out forecasts.csv';

export const LAYOUTS = ['long', 'wide'] as const;

export interface ForecastOptions {
  file: string;
  layout: (typeof LAYOUTS)[number];
  idColumn: string;
  timeColumn: string;
  target: string;
  features: string[];
  horizon: number;
  model: BatchModel;
  ensemble: number;
  workers: number;
  shard: Shard | null;
  out: string;
  summary: string;
  quiet: boolean;
}

function optionsFrom(argv: string[]): ForecastOptions {
  try {
    return parseOptions(argv);
  } catch (e) {
    if (e instanceof StudioFailure) throw e;
    throw new StudioFailure('invalid-request', `${message(e)}\n${USAGE}`);
  }
}

function parseOptions(argv: string[]): ForecastOptions {
  const args = parseArgs(argv, new Set(['quiet']));
  assertKnown(args, [
    'layout',
    'id-column',
    'time-column',
    'target',
    'features',
    'horizon',
    'model',
    'ensemble',
    'workers',
    'shard',
    'out',
    'summary',
    'quiet',
  ]);
  const file = args.positional[0];
  const out = stringOption(args, 'out');
  const horizon = numberOption(args, 'horizon');
  if (!file || !out || horizon === undefined) throw new StudioFailure('invalid-request', USAGE);
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new StudioFailure('invalid-request', '--horizon must be a whole number ≥ 1');
  const layout = stringOption(args, 'layout') ?? 'long';
  if (!isOneOf(LAYOUTS, layout))
    throw new StudioFailure('invalid-request', `--layout must be one of ${LAYOUTS.join(', ')}`);
  if (layout === 'wide')
    for (const name of ['id-column', 'target', 'features'])
      if (stringOption(args, name) !== undefined)
        throw new StudioFailure(
          'invalid-request',
          `--${name} is for the long layout: with --layout wide every numeric column is a series`,
        );
  const model = stringOption(args, 'model') ?? 'auto';
  if (!isOneOf(MODELS, model))
    throw new StudioFailure('invalid-request', `--model must be one of ${MODELS.join(', ')}`);
  const ensemble = numberOption(args, 'ensemble') ?? 3;
  const workers = numberOption(args, 'workers') ?? os.availableParallelism();
  for (const [name, v] of [
    ['ensemble', ensemble],
    ['workers', workers],
  ] as const)
    if (!Number.isInteger(v) || v < 1)
      throw new StudioFailure('invalid-request', `--${name} must be a whole number ≥ 1`);
  const shardText = stringOption(args, 'shard');
  let shard: Shard | null = null;
  try {
    shard = shardText === undefined ? null : parseShard(shardText);
  } catch (e) {
    throw new StudioFailure('invalid-request', e instanceof Error ? e.message : String(e));
  }
  const features = (stringOption(args, 'features') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    file: path.resolve(file),
    layout,
    idColumn: stringOption(args, 'id-column') ?? 'id',
    timeColumn: stringOption(args, 'time-column') ?? 'date',
    target: stringOption(args, 'target') ?? 'value',
    features,
    horizon,
    model,
    ensemble,
    workers,
    shard,
    out: path.resolve(out),
    summary: path.resolve(
      stringOption(args, 'summary') ?? out.replace(/(\.csv)?$/i, '.summary.json'),
    ),
    quiet: args.options.has('quiet'),
  };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function writeAtomically(
  file: string,
  write: (w: (s: string) => void) => void,
): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const stream = createWriteStream(tmp);
  write((s) => stream.write(s));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.end(() => resolve());
  });
  await rename(tmp, file);
}

export async function runForecast(o: ForecastOptions): Promise<{ failed: number; total: number }> {
  const started = performance.now();
  const h = o.horizon;
  const index = await openSource(
    o.file,
    o.layout === 'wide'
      ? { kind: 'wide', timeColumn: o.timeColumn }
      : { idColumn: o.idColumn, timeColumn: o.timeColumn, target: o.target },
    o.features,
  );
  const allIds = sourceIds(index);
  const ids = allIds.filter((id) => inShard(id, o.shard));

  // Pass over every series: metadata of this shard's, class members (of the whole file).
  const metas = new Map<string, SeriesMeta>();
  const classMembers = new Map<FrequencyClass, string[]>();
  for (const id of allIds) {
    const s = sourceSeries(index, id);
    const meta = metaOf(s, h);
    if (inShard(id, o.shard)) metas.set(id, meta);
    if (!meta.error && meta.frequencyClass && meta.n >= 2 * h + 2) {
      let list = classMembers.get(meta.frequencyClass);
      if (!list) classMembers.set(meta.frequencyClass, (list = []));
      list.push(id);
    }
  }
  const needsGlobal = o.model === 'global' || o.model === 'combination' || o.model === 'auto';
  const globalWhy = (cls: FrequencyClass | null): string | null => {
    if (!needsGlobal) return null;
    if (cls === null)
      return 'no global model for this frequency (only yearly, quarterly and monthly classes)';
    const count = classMembers.get(cls)?.length ?? 0;
    return count >= GLOBAL_MIN_SERIES
      ? null
      : `no global ${cls} model: ${count} series of the class with at least 2h + 2 rows, fewer than ${GLOBAL_MIN_SERIES}`;
  };

  const paths = cliPaths();
  const pool = new ForecastPool({
    workers: o.workers,
    entry: process.argv[1] ?? '',
    execArgv: process.execArgv,
    env: { SERIES_STUDIO_KERNEL_THREADS: '0', SERIES_STUDIO_KERNELS_DIR: paths.kernelsDir },
  });
  const bar = new ProgressBar(ids.length, process.stderr, o.quiet);
  let done = 0;
  let failed = 0;
  const outputs = new Map<string, SeriesTaskOutput | null>();
  const globals = new Map<FrequencyClass, Promise<GlobalTaskOutput | Error>>();
  const shardClasses = new Set<FrequencyClass>();
  for (const meta of metas.values()) {
    const wants =
      needsGlobal && !meta.error && meta.frequencyClass && globalWhy(meta.frequencyClass) === null;
    if (wants && meta.frequencyClass) shardClasses.add(meta.frequencyClass);
  }
  // Each series is done when its parts are (its per-series task, its global forecast); the bar
  // counts finished parts as fractions of a series.
  const plans = new Map<string, ReturnType<typeof methodsFor> & { parts: number }>();
  for (const id of ids) {
    const meta = metas.get(id) as SeriesMeta;
    const usesGlobal =
      !meta.error && meta.frequencyClass !== null && shardClasses.has(meta.frequencyClass);
    const plan = methodsFor(o.model, meta.frequencyClass, usesGlobal);
    const parts = meta.error
      ? 0
      : (plan.methods.length > 0 ? 1 : 0) + (usesGlobal && plan.global ? 1 : 0);
    plans.set(id, { ...plan, parts });
    if (meta.error) failed++;
    if (parts === 0) done++;
  }
  const finishPart = (id: string): void => {
    done += 1 / Math.max(1, plans.get(id)?.parts ?? 1);
    bar.update(done, failed);
  };
  try {
    for (const cls of shardClasses) {
      const members = classMembers.get(cls) ?? [];
      const forecastIds = [...metas.values()]
        .filter((m) => m.frequencyClass === cls && !m.error)
        .map((m) => m.id);
      bar.setStage(`training the global ${cls} model on ${members.length} series`);
      const task = await pool.start<GlobalTaskOutput>({
        kind: 'global',
        input: {
          index: sourceSubset(index, [...new Set([...members, ...forecastIds])]),
          ids: members,
          forecastIds,
          frequencyClass: cls,
          h,
          ensemble: o.ensemble,
        },
      });
      globals.set(
        cls,
        task.done.then(
          (v) => {
            bar.setStage('');
            for (const id of forecastIds) finishPart(id);
            return v;
          },
          (e: unknown) => {
            bar.setStage('');
            for (const id of forecastIds) finishPart(id);
            return new Error(message(e));
          },
        ),
      );
    }
    bar.update(done, failed, true);
    const seriesTasks: Promise<void>[] = [];
    for (const id of ids) {
      const meta = metas.get(id) as SeriesMeta;
      const plan = plans.get(id) as ReturnType<typeof methodsFor> & { parts: number };
      if (meta.error || plan.parts === 0) continue;
      if (plan.methods.length === 0) {
        outputs.set(id, null);
        continue;
      }
      const s = sourceSeries(index, id);
      const task = await pool.start<SeriesTaskOutput>({
        kind: 'series',
        input: { id, values: s.values, m: meta.m, h, methods: plan.methods, ensemble: o.ensemble },
      });
      seriesTasks.push(
        task.done.then(
          (v) => {
            outputs.set(id, v);
            finishPart(id);
          },
          (e: unknown) => {
            const why = message(e);
            outputs.set(id, {
              id,
              paths: {},
              failures: Object.fromEntries(plan.methods.map((k) => [k, why])),
            });
            finishPart(id);
          },
        ),
      );
    }
    await Promise.all(seriesTasks);
    const globalOut = new Map<FrequencyClass, GlobalTaskOutput | Error>();
    for (const [cls, p] of globals) globalOut.set(cls, await p);
    bar.setStage('');

    const results: SeriesResult[] = ids.map((id) => {
      const meta = metas.get(id) as SeriesMeta;
      const cls = meta.frequencyClass;
      const g = cls ? globalOut.get(cls) : undefined;
      let gPaths: GlobalPaths | null = null;
      let why = needsGlobal ? globalWhy(cls) : null;
      if (g instanceof Error) why = `global model failed: ${g.message}`;
      else if (g) {
        gPaths = g.paths.get(id) ?? null;
        if (!gPaths) why = 'no global forecast for this series';
      }
      return assemble(meta, o.model, outputs.get(id) ?? null, gPaths, why);
    });
    failed = results.filter((r) => r.error !== null).length;
    bar.finish(Math.round(done), failed);
    const quantiles = conformalQuantiles(results);
    await writeAtomically(o.out, (w) => {
      w(`${FORECAST_HEADER}\n`);
      for (const r of results) for (const line of rowsOf(r, h, quantiles)) w(`${line}\n`);
    });
    const globalInfos: GlobalInfo[] = [...globalOut.values()].flatMap((g) =>
      g instanceof Error ? [] : [g.info],
    );
    const byFrequency = new Map<string, SeriesResult[]>();
    for (const r of results) {
      const list = byFrequency.get(r.meta.frequency) ?? [];
      list.push(r);
      byFrequency.set(r.meta.frequency, list);
    }
    const summary = {
      format: 'series-studio-forecast-summary',
      version: 1,
      file: path.basename(o.file),
      settings: {
        layout: o.layout,
        ...(o.layout === 'wide'
          ? { timeColumn: o.timeColumn }
          : {
              idColumn: o.idColumn,
              timeColumn: o.timeColumn,
              target: o.target,
              features: o.features,
            }),
        horizon: h,
        model: o.model,
        ensemble: o.ensemble,
        workers: pool.size,
        shard: o.shard ? `${o.shard.index}/${o.shard.count}` : null,
      },
      evaluation:
        'Test metrics: the last h rows of each series are held out, every method is fitted on the rows before them and forecasts those h rows (sMAPE, MASE with the in-sample seasonal-naive scale). The forecasts written to the CSV come from the methods refitted on all rows.',
      ...(({ rows, badRows, leftOut }) => ({
        rows,
        badRows,
        ...(o.layout === 'wide' ? { leftOut } : {}),
      }))(sourceRows(index)),
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      series: {
        total: results.length,
        forecast: results.length - failed,
        failed,
      },
      aggregate: {
        all: aggregate(results),
        byFrequency: Object.fromEntries([...byFrequency].map(([k, list]) => [k, aggregate(list)])),
      },
      intervals: Object.fromEntries(
        [...quantiles].map(([k, q]) => [
          k,
          {
            method: 'split-conformal across the collection (scaled absolute test errors)',
            series: q.series,
          },
        ]),
      ),
      global: globalInfos,
      perSeries: results.map((r) => ({
        id: r.meta.id,
        rows: r.meta.n,
        frequency: r.meta.frequency,
        seasonalPeriod: r.meta.m,
        model: r.model,
        label: r.label,
        error: r.error,
        problems: r.meta.problems.map((p) => p.message),
        metrics: metricsOf(r.meta, r.model ? r.paths[r.model] : undefined),
        methods: Object.fromEntries(
          Object.entries(r.paths).map(([k, p]) => [k, { label: p.label, ...metricsOf(r.meta, p) }]),
        ),
        failures: r.failures,
      })),
    };
    await writeAtomically(o.summary, (w) => w(`${JSON.stringify(summary, null, 2)}\n`));
    if (!o.quiet) {
      const a = summary.aggregate.all;
      process.stderr.write(
        `${results.length - failed} of ${results.length} series forecast (${failed} failed) in ${ProgressBar.duration(summary.seconds)}` +
          `${a.smape !== null ? ` · test sMAPE ${a.smape.toFixed(2)}, MASE ${(a.mase ?? Number.NaN).toFixed(3)}` : ''} · wrote ${o.out} and ${o.summary}\n`,
      );
    }
    return { failed, total: results.length };
  } finally {
    await pool.close();
  }
}

export const forecastCommand: CliCommand = {
  summary:
    'forecast <csv> --id-column id --time-column date --target value --horizon H --out f.csv — batch forecasts of a long-format (or, with --layout wide, a wide) collection on every core',
  async run(argv) {
    if (argv.includes('--worker')) {
      await runWorker();
      return;
    }
    await runForecast(optionsFrom(argv));
  },
};
