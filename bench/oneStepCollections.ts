// npm run bench:one-step-collections [-- --collections m1,tourism --periods quarterly,monthly --subset 40]
// A second, larger check of the one-step rule than the 13 R datasets of bench:one-step: on fixed
// subsets of M1 and tourism (evenly spaced series per period), the classical parts one step ahead
// through each series' test part (fitted on its training part, coefficients fixed, exact filters),
// and fixed combinations of them, against R's auto.arima fitted and filtered the same way. The
// networks are left out (they need a full run per series); this checks the classical rule alone.
// "Wins" = lower test MAE than R; ties (|Δ| ≤ 1e-4 relative: the same model, whose coefficients agree with R’s to about 1e-5) are counted apart.
// Not a test: nothing here fails on accuracy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classicalBaselines } from '../src-main/engine/baselines/classical';
import { readLongCsv } from '../src-main/engine/forecasting/collections';
import { medianOf } from '../src-main/engine/forecasting/ensemble';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const DATA = path.resolve(arg('data', path.join('..', 'shared', 'datasets')));
interface Reference {
  m: number;
  test: number[];
}
interface Series {
  id: string;
  m: number;
  train: Float64Array;
  test: Float64Array;
}

/** R's one-step forecasts of each series' test part: auto.arima on the training part, then fixed. */
function rOneStep(series: Series[], tmp: string): number[][] {
  const file = path.join(tmp, 'series.json');
  writeFileSync(
    file,
    JSON.stringify(
      series.map((s) => ({ m: s.m, train: Array.from(s.train), test: Array.from(s.test) })),
    ),
  );
  const code = `suppressMessages({library(forecast); library(jsonlite)})
s <- fromJSON("${file}", simplifyVector = FALSE)
for (x in s) { tr <- unlist(x$train); te <- unlist(x$test); m <- x$m
  fit <- auto.arima(ts(tr, frequency = m)); all <- ts(c(tr, te), frequency = m)
  f <- as.numeric(fitted(Arima(all, model = fit)))[(length(tr) + 1):(length(tr) + length(te))]
  cat(format(f, digits = 17), "\\n") }`;
  return execFileSync('Rscript', ['-e', code], { encoding: 'utf8', maxBuffer: 1 << 26 })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
}

const mae = (y: ArrayLike<number>, f: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += Math.abs((y[i] as number) - (f[i] as number));
  return s / y.length;
};

const RULES: Record<string, (p: Record<string, number>) => number> = {
  ARIMA: (p) => p.arima as number,
  ETS: (p) => p.ets as number,
  Theta: (p) => p.theta as number,
  'mean(ETS, ARIMA)': (p) => ((p.ets as number) + (p.arima as number)) / 2,
  'mean(ETS, Theta, ARIMA)': (p) =>
    ((p.ets as number) + (p.theta as number) + (p.arima as number)) / 3,
  'median(ETS, Theta, ARIMA)': (p) =>
    medianOf([p.ets as number, p.theta as number, p.arima as number]),
};

function main(): void {
  const collections = arg('collections', 'm1,tourism').split(',');
  const periods = arg('periods', 'quarterly,monthly').split(',');
  const subset = Number(arg('subset', '40'));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ss-one-step-collections-'));
  console.log(
    `One step ahead through the test parts, ${subset} series per period; R forecast in the same invocation.`,
  );
  console.log('| collection | period | series | rule | wins | ties | losses | mean MAE / R |');
  console.log('|---|---|---:|---|---:|---:|---:|---:|');
  for (const collection of collections) {
    const refs = JSON.parse(
      readFileSync(path.join(DATA, collection, `${collection}-reference.json`), 'utf8'),
    ) as Record<string, Reference>;
    for (const period of periods) {
      const all = readLongCsv(path.join(DATA, collection, `${collection}-${period}.csv`));
      const pick = Array.from(
        { length: Math.min(subset, all.length) },
        (_, i) =>
          all[Math.round((i * all.length) / Math.min(subset, all.length))] as (typeof all)[number],
      );
      const series: Series[] = pick.map((s) => {
        const ref = refs[s.id];
        if (!ref) throw new Error(`${s.id} has no reference`);
        return { id: s.id, m: ref.m, train: s.values, test: Float64Array.from(ref.test) };
      });
      const r = rOneStep(series, tmp);
      const tally = Object.fromEntries(
        Object.keys(RULES).map((k) => [k, { win: 0, tie: 0, loss: 0, ratio: 0 }]),
      );
      for (const [k, s] of series.entries()) {
        const fits = classicalBaselines(s.train, s.m, 1, { test: s.test });
        const paths: Record<string, number[]> = {};
        for (const method of ['ets', 'theta', 'arima'] as const) {
          const f = fits[method];
          paths[method] = f?.ok && f.oneStep ? f.oneStep : Array.from(s.test, () => Number.NaN);
        }
        const rPath = r[k] ?? [];
        const rMae = mae(s.test, rPath);
        for (const [name, rule] of Object.entries(RULES)) {
          const f = Array.from(s.test, (_, i) =>
            rule({
              ets: paths.ets?.[i] ?? NaN,
              theta: paths.theta?.[i] ?? NaN,
              arima: paths.arima?.[i] ?? NaN,
            }),
          );
          const ours = mae(s.test, f);
          const t = tally[name] as { win: number; tie: number; loss: number; ratio: number };
          if (Math.abs(ours - rMae) <= 1e-4 * rMae) t.tie++;
          else if (ours < rMae) t.win++;
          else t.loss++;
          t.ratio += (rMae > 0 ? ours / rMae : 1) / series.length;
        }
      }
      for (const [name, t] of Object.entries(tally))
        console.log(
          `| ${collection} | ${period} | ${series.length} | ${name} | ${t.win} | ${t.tie} | ${t.loss} | ${t.ratio.toFixed(3)} |`,
        );
    }
  }
}

main();
