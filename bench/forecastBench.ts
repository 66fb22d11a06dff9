// npm run bench:forecast [-- --collections m1,tourism --periods yearly,quarterly,monthly
//                          --subset 60 --options default,zeroShot,perSeries,cross --no-r
//                          --serial]
// Forecast quality on M1 and tourism (the M-competition protocol: h steps from the end of each
// training part, sMAPE and MASE against the test part of *-reference.json). A fixed subset per
// period: `subset` series evenly spaced over the collection's order (index round(i·N/subset)); 0 =
// all. Prints per period the mean sMAPE / MASE of the default pipeline and each option, our ETS,
// Theta, ARIMA, the combinations, R's references on the same series, and wall time per series
// beside R's ets + auto.arima (Rscript, when r-cran-forecast is installed). Ensemble members train
// on the engine's member threads, as in the studio (--serial: one after another). The speed goal's
// series is timed both ways, and against one thread with the kernels' helper thread.
// Honest evaluation: the shipped pretrained forecasters saw the training parts of M1 and tourism
// only; the cross-over rows use candidates pretrained on the other collection alone
// (`npm run pretrain` keeps them in $TMPDIR/series-studio-pretrain-candidates).
// Not a test: nothing here fails on accuracy or speed.
process.env.SERIES_STUDIO_KERNEL_THREADS ??= '0';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classicalBaselines } from '../src-main/engine/baselines/classical';
import { combineForecasts } from '../src-main/engine/baselines/combination';
import { readLongCsv } from '../src-main/engine/forecasting/collections';
import { createTrainingRuntime, engineRuntime } from '../src-main/engine/kernels/trainingRuntime';
import {
  configureMemberWorkers,
  engineMemberPool,
} from '../src-main/engine/forecasting/engineMemberPool';
import { memberWorkerBeside } from '../src-main/engine/process/memberWorkerEntry';
import { initBackend } from '../src-main/engine/model/backend';
import type { FitConfig } from '../src-main/engine/model/fitConfig';
import { runFit } from '../src-main/engine/model/runFit';

interface Reference {
  period: string;
  m: number;
  n: number;
  h: number;
  test: number[];
  scale: number;
  methods: Record<string, { smape: number; mase: number }>;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const DATA = path.resolve(arg('data', path.join('..', 'shared', 'datasets')));
const CANDIDATES = path.resolve(
  arg('candidates', path.join(os.tmpdir(), 'series-studio-pretrain-candidates')),
);
const SHIPPED = path.resolve('resources', 'pretrained');

const smape = (y: readonly number[], f: ArrayLike<number>): number =>
  y.reduce(
    (s, v, i) => s + (200 * Math.abs(v - (f[i] ?? NaN))) / (Math.abs(v) + Math.abs(f[i] ?? NaN)),
    0,
  ) / y.length;
const mase = (y: readonly number[], f: ArrayLike<number>, scale: number): number =>
  y.reduce((s, v, i) => s + Math.abs(v - (f[i] ?? NaN)), 0) / y.length / scale;

/** Options: label → fit settings and the pretrained root they use. */
function optionsFor(
  collection: string,
): Record<string, { settings: Partial<FitConfig>; root: string }> {
  const other = collection === 'm1' ? 'tourism' : 'm1';
  const cross = path.join(CANDIDATES, other);
  const none = { combination: 'none' as const };
  return {
    default: { settings: {}, root: SHIPPED },
    // The default with the parts averaged instead of their median (validation screen included).
    mean: { settings: { combination: 'mean' }, root: SHIPPED },
    single: { settings: { ...none, ensemble: 1 }, root: SHIPPED },
    zeroShot: { settings: { ...none, adaptation: 'zero-shot' }, root: SHIPPED },
    perSeries: { settings: { ...none, pretrained: 'none', ensemble: 1 }, root: SHIPPED },
    perSeriesEnsemble: { settings: { ...none, pretrained: 'none' }, root: SHIPPED },
    noSeasonal: { settings: { ...none, seasonality: 'none' }, root: SHIPPED },
    // Before this pipeline: one network on min-max scaled rows, no pretraining, no ensemble.
    classic: { settings: { normalisation: 'scaler', ensemble: 1, refitAll: false }, root: SHIPPED },
    evalModels: { settings: { ...none, refitAll: false }, root: SHIPPED },
    [`cross(${other}→${collection}) zero-shot`]: {
      settings: { ...none, adaptation: 'zero-shot' },
      root: cross,
    },
    [`cross(${other}→${collection}) adapted`]: { settings: none, root: cross },
  };
}

function rTiming(
  series: { values: Float64Array; m: number }[],
): { ets: number; arima: number } | string {
  try {
    execFileSync('Rscript', ['-e', 'suppressMessages(library(forecast))'], { stdio: 'ignore' });
  } catch {
    return 'R peer missing (Rscript with r-cran-forecast not installed)';
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ss-rbench-'));
  const csv = path.join(dir, 'series.csv');
  writeFileSync(
    csv,
    `id,m,value\n${series.flatMap((s, i) => Array.from(s.values, (v) => `${i},${s.m},${v}`)).join('\n')}\n`,
  );
  const code = `suppressMessages(library(forecast)); d <- read.csv("${csv}"); te <- 0; ta <- 0
for (i in unique(d$id)) { r <- d[d$id == i,]; x <- ts(r$value, frequency = r$m[1])
te <- te + system.time(ets(x))[["elapsed"]]; ta <- ta + system.time(auto.arima(x))[["elapsed"]] }
k <- length(unique(d$id)); cat(te / k, ta / k, "\\n")`;
  const out = execFileSync('Rscript', ['-e', code], { encoding: 'utf8' })
    .trim()
    .split(/\s+/)
    .map(Number);
  return { ets: out[0] ?? NaN, arima: out[1] ?? NaN };
}

async function main(): Promise<void> {
  const collections = arg('collections', 'm1,tourism').split(',');
  const periods = arg('periods', 'yearly,quarterly,monthly').split(',');
  const subset = Number(arg('subset', '60'));
  const wanted = arg('options', 'all');
  const useR = !process.argv.includes('--no-r');
  const backend = await initBackend();
  const kernel = await engineRuntime();
  if (!process.argv.includes('--serial'))
    configureMemberWorkers(
      memberWorkerBeside(new URL('../src-main/engine/process/engineMain.ts', import.meta.url).href),
    );
  const pool = engineMemberPool(kernel);
  const workers = pool ? await pool.whenReady() : 0;
  console.log(
    `backend ${backend.backend}, kernel ${kernel.name}, ${workers} member thread${workers === 1 ? '' : 's'} beside the main one, subset ${subset || 'all'} per period`,
  );
  const results: Record<string, unknown> = {};
  for (const collection of collections) {
    const refs = JSON.parse(
      readFileSync(path.join(DATA, collection, `${collection}-reference.json`), 'utf8'),
    ) as Record<string, Reference>;
    const options = Object.entries(optionsFor(collection)).filter(
      ([name]) =>
        wanted === 'all' ||
        wanted.split(',').some((w) => name === w || (w === 'cross' && name.startsWith('cross'))),
    );
    for (const period of periods) {
      const all = readLongCsv(path.join(DATA, collection, `${collection}-${period}.csv`));
      const pick =
        subset > 0 && subset < all.length
          ? Array.from(
              { length: subset },
              (_, i) => all[Math.round((i * all.length) / subset)] as (typeof all)[number],
            )
          : all;
      const scores: Record<string, { smape: number[]; mase: number[]; seconds: number[] }> = {};
      const add = (name: string, s: number, ms: number, seconds = NaN): void => {
        const e = (scores[name] ??= { smape: [], mase: [], seconds: [] });
        e.smape.push(s);
        e.mase.push(ms);
        e.seconds.push(seconds);
      };
      const rSeries: { values: Float64Array; m: number }[] = [];
      for (const [k, s] of pick.entries()) {
        const ref = refs[s.id];
        if (!ref) throw new Error(`${s.id} has no reference`);
        const { h, m, test, scale } = ref;
        rSeries.push({ values: s.values, m });
        const dataset = {
          name: s.id,
          time: Float64Array.from(s.values, (_, i) => i),
          timeFormat: 'index',
          columns: { value: s.values },
          seasonalPeriod: m,
        };
        const paths: Record<string, ArrayLike<number>> = {};
        for (const [name, opt] of options) {
          if (name.startsWith('cross') && !existsSync(opt.root)) continue;
          process.env.SERIES_STUDIO_PRETRAINED_DIR = opt.root;
          const t0 = performance.now();
          let run: Awaited<ReturnType<typeof runFit>>;
          try {
            run = await runFit(dataset, { target: 'value', horizon: h, ...opt.settings });
          } catch {
            // A failed fit (e.g. "no training windows" on the classic path) counts as a failure.
            add(name, NaN, NaN, (performance.now() - t0) / 1000);
            continue;
          }
          const seconds = (performance.now() - t0) / 1000;
          paths[name] = run.forecast.values;
          add(
            name,
            smape(test, run.forecast.values),
            mase(test, run.forecast.values, scale),
            seconds,
          );
          const c = run.forecaster?.combination;
          if (name === 'default' && c) {
            // The default run's parts: the network ensemble alone, and ETS / Theta on all rows.
            paths.networks = c.network.forecast;
            add(
              'networks alone (default ensemble)',
              smape(test, c.network.forecast),
              mase(test, c.network.forecast, scale),
            );
            for (const peer of c.peers) {
              paths[peer.method] = peer.forecast;
              add(
                `ours ${peer.method}`,
                smape(test, peer.forecast),
                mase(test, peer.forecast, scale),
              );
            }
          }
        }
        const t0 = performance.now();
        const arima = classicalBaselines(s.values, m, h, { methods: ['arima'] }).arima;
        const arimaSeconds = (performance.now() - t0) / 1000;
        if (arima?.ok) {
          paths.arima = arima.forecast;
          add(
            'ours arima',
            smape(test, arima.forecast),
            mase(test, arima.forecast, scale),
            arimaSeconds,
          );
        } else add('ours arima', NaN, NaN);
        if (paths.networks && paths.ets && paths.theta) {
          const c = combineForecasts([paths.networks, paths.ets, paths.theta], 'mean', h);
          add('mean(networks, ETS, Theta)', smape(test, c), mase(test, c, scale));
          const ct = combineForecasts([paths.ets, paths.theta, paths.arima ?? []], 'median', h);
          add('median(ETS, Theta, ARIMA)', smape(test, ct), mase(test, ct, scale));
        }
        for (const [name, r] of Object.entries(ref.methods)) add(`R ${name}`, r.smape, r.mase);
        if ((k + 1) % 10 === 0) console.log(`  ${collection} ${period}: ${k + 1}/${pick.length}`);
      }
      const mean = (v: number[]): number =>
        v.filter(Number.isFinite).reduce((a, b) => a + b, 0) /
        Math.max(1, v.filter(Number.isFinite).length);
      const thetaR = mean(scores['R theta']?.smape ?? []);
      console.log(`\n${collection} ${period} (${pick.length} series)`);
      console.log('| method | sMAPE | MASE | s / series | failures |');
      console.log('|---|---:|---:|---:|---:|');
      const table: Record<
        string,
        { smape: number; mase: number; secondsPerSeries: number; failures: number }
      > = {};
      for (const [name, e] of Object.entries(scores)) {
        const row = {
          smape: mean(e.smape),
          mase: mean(e.mase),
          secondsPerSeries: mean(e.seconds),
          failures: e.smape.filter((v) => !Number.isFinite(v)).length,
        };
        table[name] = row;
        console.log(
          `| ${name} | ${row.smape.toFixed(2)} | ${row.mase.toFixed(3)} | ${Number.isFinite(row.secondsPerSeries) ? row.secondsPerSeries.toFixed(2) : ''} | ${row.failures} |`,
        );
      }
      console.log(
        `default − R theta sMAPE: ${((table.default?.smape ?? NaN) - thetaR).toFixed(2)}`,
      );
      const r = useR ? rTiming(rSeries) : 'R timing skipped (--no-r)';
      if (typeof r === 'string') console.log(r);
      else
        console.log(
          `R per series: ets ${r.ets.toFixed(3)} s + auto.arima ${r.arima.toFixed(3)} s = ${(r.ets + r.arima).toFixed(3)} s`,
        );
      results[`${collection} ${period}`] = { series: pick.length, table, r };
    }
  }
  if (process.argv.includes('--speed') || wanted === 'all') {
    // The speed goal: one 240-point monthly series (the first 240 values of the first tourism monthly
    // series that long), h = 24.
    const monthly = readLongCsv(path.join(DATA, 'tourism', 'tourism-monthly.csv')).find(
      (s) => s.values.length >= 240,
    );
    if (monthly) {
      const values = monthly.values.slice(0, 240);
      process.env.SERIES_STUDIO_PRETRAINED_DIR = SHIPPED;
      const dataset = {
        name: monthly.id,
        time: Float64Array.from(values, (_, i) => i),
        timeFormat: 'index',
        columns: { value: values },
        seasonalPeriod: 12,
      };
      // The kernels with their helper thread, as the studio trained members before member threads.
      const helper = await createTrainingRuntime({
        ...process.env,
        SERIES_STUDIO_KERNEL_THREADS: undefined,
      });
      const ways = {
        parallel: { members: pool },
        'one thread': { members: null },
        'one thread + kernel helper thread': { members: null, runtime: helper },
      };
      // The default ensemble, then two heavier ones where members are a larger share of the fit.
      const configs: Record<string, Partial<FitConfig>> = {
        'default ensemble': {},
        'ensemble of 10': { ensemble: 10 },
        'per-series members (no pretraining)': { pretrained: 'none' },
      };
      const median = (v: number[]): number => [...v].sort((a, b) => a - b)[1] ?? NaN;
      const seconds: Record<string, Record<string, number[]>> = {};
      for (const [config, settings] of Object.entries(configs)) {
        const fit = { target: 'value', horizon: 24, ...settings };
        const times: Record<string, number[]> = (seconds[config] = {});
        // One untimed fit first (compilation, first allocations), then 3 of each way, interleaved.
        await runFit(dataset, fit, {}, { members: pool });
        for (let rep = 0; rep < 3; rep++)
          for (const [name, options] of Object.entries(ways)) {
            const t0 = performance.now();
            await runFit(dataset, fit, {}, options);
            (times[name] ??= []).push((performance.now() - t0) / 1000);
          }
        console.log(
          `240-point series, ${config} (median of 3): ${Object.entries(times)
            .map(([name, v]) => `${name} ${median(v).toFixed(2)} s`)
            .join(', ')}`,
        );
      }
      const ours = median(seconds['default ensemble']?.parallel ?? []);
      const r = useR ? rTiming([{ values, m: 12 }]) : 'skipped';
      console.log(
        `\n240-point tourism monthly series "${monthly.id}", h = 24: default ensemble ${ours.toFixed(2)} s; R ${typeof r === 'string' ? r : `ets ${r.ets.toFixed(2)} s + auto.arima ${r.arima.toFixed(2)} s = ${(r.ets + r.arima).toFixed(2)} s`}`,
      );
      results.speed240 = { ours, seconds, r };
    }
  }
  mkdirSync(path.join('bench', 'results'), { recursive: true });
  const file = path.join(
    'bench',
    'results',
    `forecast-${collections.join('-')}-${periods.join('-')}.json`,
  );
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), subset, results }, null, 2)}\n`,
  );
  console.log(`\nwrote ${file}`);
  await pool?.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
