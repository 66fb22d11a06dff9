// npm run bench:one-step [-- --data ../shared/datasets]
// The forecasting issue's second goal, on the R datasets in ../shared/datasets: one step ahead,
// does the default pipeline beat R's auto.arima on at least half of the series?
// Each numeric column of each top-level CSV is one series (EuStockMarkets gives four). Ours is
// exactly what an analyst runs: `series-studio fit <csv> --target C --horizon 1`, scored on its
// test part (rolling one-step forecasts, the run's own split). R's auto.arima (forecast package) is
// fitted on every row before that test part (the rows our run trains and validates on), then
// filtered over the test part with its coefficients fixed (`Arima(x, model = fit)`), which gives
// its one-step forecasts of the same rows. A series "won" has the lower test MAE; RMSE is shown too.
// Not a test: nothing here fails on accuracy.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const DATA = path.resolve(arg('data', path.join('..', 'shared', 'datasets')));
const CLI = path.resolve('bin', 'series-studio.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ss-one-step-'));

interface Run {
  dataset: { seasonalPeriod: number };
  split: { testStart: number; n: number };
  test: { targetStarts: number[]; predicted: number[]; actual: number[] };
  verdict?: { ranking: { name: string; label: string; value: number }[] } | null;
}

/** The numeric columns of a CSV with a header (the first column is time). */
function numericColumns(file: string): string[] {
  const header = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
  return header
    .split(',')
    .slice(1)
    .map((c) => c.replace(/^"|"$/g, ''));
}

function rAvailable(): string | null {
  const r = spawnSync('Rscript', ['-e', 'suppressMessages(library(forecast))'], {
    stdio: 'ignore',
  });
  return r.status === 0
    ? null
    : 'R peer missing: install r-base-core and r-cran-forecast (apt-get install -y r-cran-forecast)';
}

/** R's one-step forecasts of rows testStart… (auto.arima on the rows before, coefficients fixed). */
function rOneStep(values: (number | null)[], m: number, testStart: number): number[] {
  const csv = path.join(tmp, 'series.csv');
  writeFileSync(csv, `value\n${values.map((v) => (v === null ? 'NA' : String(v))).join('\n')}\n`);
  const code = `suppressMessages(library(forecast)); v <- read.csv("${csv}")$value
x <- ts(v, frequency = ${m}); fit <- auto.arima(ts(v[1:${testStart}], frequency = ${m}))
f <- fitted(Arima(x, model = fit)); cat(format(as.numeric(f[(${testStart} + 1):length(v)]), digits = 17), sep = "\\n")`;
  return execFileSync('Rscript', ['-e', code], { encoding: 'utf8' })
    .trim()
    .split(/\s+/)
    .map(Number);
}

function readColumn(file: string, column: string): (number | null)[] {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const header = (lines[0] ?? '').split(',').map((c) => c.replace(/^"|"$/g, ''));
  const k = header.indexOf(column);
  return lines.slice(1).map((line) => {
    const cell = (line.split(',')[k] ?? '').replace(/^"|"$/g, '');
    return cell === '' || cell === 'NA' ? null : Number(cell);
  });
}

const mae = (e: number[]): number => e.reduce((s, v) => s + Math.abs(v), 0) / e.length;
const rmse = (e: number[]): number => Math.sqrt(e.reduce((s, v) => s + v * v, 0) / e.length);

function main(): void {
  const missingR = rAvailable();
  const files = readdirSync(DATA)
    .filter((f) => f.endsWith('.csv'))
    .sort();
  const rows: string[] = [];
  let wins = 0;
  let compared = 0;
  for (const name of files) {
    const file = path.join(DATA, name);
    for (const column of numericColumns(file)) {
      const out = path.join(tmp, `${name.replace(/\.csv$/, '')}-${column}.run.json`);
      const fit = spawnSync(
        process.execPath,
        [CLI, 'fit', file, '--target', column, '--horizon', '1', '--out', out],
        { encoding: 'utf8' },
      );
      if (fit.status !== 0) {
        rows.push(`| ${name} ${column} | fit failed: ${fit.stderr.trim().split('\n').pop()} |`);
        continue;
      }
      const run = JSON.parse(readFileSync(out, 'utf8')) as Run;
      const { testStart } = run.split;
      const values = readColumn(file, column);
      const ourArima = run.verdict?.ranking.find((r) => r.name === 'arima');
      const r = missingR ? null : rOneStep(values, run.dataset.seasonalPeriod, testStart);
      // Kept beside the run for offline study: R's one-step forecasts of the test rows.
      if (r) writeFileSync(out.replace(/\.run\.json$/, '.r.json'), JSON.stringify(r));
      // Row t's one-step forecasts, for the run's test rows (targetStarts); missing actuals skipped.
      const pairs = run.test.targetStarts.flatMap((t, i) => {
        const y = values[t];
        const p = run.test.predicted[i];
        const f = r ? r[t - testStart] : NaN;
        return y === null || y === undefined || p === undefined || f === undefined
          ? []
          : [{ ours: y - p, r: y - f }];
      });
      const ours = pairs.map((q) => q.ours);
      let rCells = missingR ?? '';
      if (r) {
        const oursMae = mae(ours);
        const rMae = mae(pairs.map((q) => q.r));
        compared++;
        if (oursMae < rMae) wins++;
        rCells = `${rMae.toPrecision(4)} | ${rmse(pairs.map((q) => q.r)).toPrecision(4)} | ${oursMae < rMae ? '**ours**' : 'R'}`;
      }
      rows.push(
        `| ${name.replace(/\.csv$/, '')} ${column} | ${run.split.n} | ${run.dataset.seasonalPeriod} | ${pairs.length} | ${mae(ours).toPrecision(4)} | ${rmse(ours).toPrecision(4)} | ${ourArima ? ourArima.value.toPrecision(4) : '—'} | ${rCells} |`,
      );
      console.error(`${name} ${column}: done`);
    }
  }
  console.log(
    '| series | n | m | test rows | ours MAE | ours RMSE | our ARIMA RMSE | R auto.arima MAE | R auto.arima RMSE | lower MAE |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const row of rows) console.log(row);
  console.log(
    missingR
      ? `\n${missingR}`
      : `\nOurs beats R's auto.arima one step ahead (lower test MAE) on ${wins} of ${compared} series.`,
  );
  console.log(`Run records and R's forecasts: ${tmp}`);
}

main();
