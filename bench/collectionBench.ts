// npm run bench:collection [-- --workers 2 --model auto --ensemble 3 --collections m1,tourism --no-r]
// Batch forecasts of a collection of ~1,000 monthly series through the real CLI
// (`series-studio forecast`, its worker pool on `workers` cores), beside R running forecast::ets +
// forecast::auto.arima over the same series on as many cores (bench/collectionBench.R).
// The collection: the monthly training parts of M1 (617 series, 48–126 points, h = 18) and of
// tourism (366 series, 67–309 points, h = 24) — 983 series, each collection run with its own h.
// Accuracy: the forecasts past the end of each training part against the test parts of
// *-reference.json (M-competition protocol: sMAPE, MASE with the reference's scale), beside the
// reference's R numbers on the same series; and, from the CLI's summary, the per-method means of
// its own held-out test (the last h points of each training part), global network vs local
// ETS and Theta vs their combination.
// Not a test: nothing here fails on accuracy or speed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Reference {
  period: string;
  h: number;
  test: number[];
  scale: number;
  methods: Record<string, { smape: number; mase: number }>;
}

interface Summary {
  seconds: number;
  series: { total: number; forecast: number; failed: number };
  aggregate: {
    all: {
      smape: number | null;
      mase: number | null;
      compared: number;
      methods: Record<string, { smape: number; mase: number; winsSmape: number }>;
    };
  };
  global: { seriesTrained: number; windows: number; epochs: number; seconds: number }[];
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const data = path.resolve('..', 'shared', 'datasets');
const HORIZON: Record<string, number> = { m1: 18, tourism: 24 };
const workers = arg('workers', '2');
const model = arg('model', 'auto');
const ensemble = arg('ensemble', '3');
const collections = arg('collections', 'm1,tourism').split(',');
const withR = !process.argv.includes('--no-r');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'collection-bench-'));

const smape = (y: number[], f: number[]) =>
  y.reduce(
    (s, v, i) => s + (200 * Math.abs(v - (f[i] ?? NaN))) / (Math.abs(v) + Math.abs(f[i] ?? NaN)),
    0,
  ) / y.length;
const mase = (y: number[], f: number[], scale: number) =>
  y.reduce((s, v, i) => s + Math.abs(v - (f[i] ?? NaN)), 0) / y.length / scale;
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const fmt = (v: number | null | undefined, d = 2) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d);

function cliCommand(): { cmd: string; args: string[] } {
  const built = path.resolve('out', 'main', 'cli.js');
  return existsSync(built)
    ? { cmd: process.execPath, args: [path.resolve('bin', 'series-studio.js')] }
    : { cmd: process.execPath, args: ['--import', 'tsx', path.resolve('src-main/cli/main.ts')] };
}

/** Forecast columns of a CSV by id: (id, forecast) columns chosen by name. */
function readForecasts(file: string, idCol: string, valueCols: string[]): Map<string, number[][]> {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const header = (lines[0] ?? '').split(',').map((s) => s.replace(/"/g, ''));
  const ic = header.indexOf(idCol);
  const vcs = valueCols.map((c) => header.indexOf(c));
  const out = new Map<string, number[][]>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const id = (cells[ic] ?? '').replace(/"/g, '');
    const row = out.get(id) ?? valueCols.map(() => []);
    vcs.forEach((c, j) => row[j]?.push(Number(cells[c] === '' ? NaN : cells[c])));
    out.set(id, row);
  }
  return out;
}

function score(
  refs: Record<string, Reference>,
  forecasts: Map<string, number[][]>,
  col: number,
): { smape: number; mase: number; missing: number } {
  const s: number[] = [];
  const m: number[] = [];
  let missing = 0;
  for (const [id, ref] of Object.entries(refs)) {
    const f = forecasts.get(id)?.[col];
    if (!f || f.length < ref.h || f.some((v) => !Number.isFinite(v))) {
      missing++;
      continue;
    }
    s.push(smape(ref.test, f));
    m.push(mase(ref.test, f, ref.scale));
  }
  return { smape: mean(s), mase: mean(m), missing };
}

const cli = cliCommand();
console.log(
  `collection bench: model ${model}, ensemble ${ensemble}, ${workers} workers, ${os.availableParallelism()} cores, load average ${os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')}`,
);
let ourSeconds = 0;
let rSeconds = 0;
let ourCpu = 0;
let rCpu = 0;
let seriesCount = 0;
const rows: string[] = [];
const holdout: string[] = [];
for (const name of collections) {
  const file = path.join(data, name, `${name}-monthly.csv`);
  const h = HORIZON[name] ?? 12;
  const refsAll = JSON.parse(
    readFileSync(path.join(data, name, `${name}-reference.json`), 'utf8'),
  ) as Record<string, Reference>;
  const refs = Object.fromEntries(
    Object.entries(refsAll).filter(([, r]) => r.period === 'monthly'),
  );
  seriesCount += Object.keys(refs).length;
  const out = path.join(tmp, `${name}.csv`);
  const started = performance.now();
  // CPU seconds of the CLI and its workers (GNU time counts the children a process reaped).
  const cpuFile = path.join(tmp, `${name}-cpu.txt`);
  const gnuTime = existsSync('/usr/bin/time');
  const r = spawnSync(
    gnuTime ? '/usr/bin/time' : cli.cmd,
    [
      ...(gnuTime ? ['-f', '%U %S', '-o', cpuFile, cli.cmd] : []),
      ...cli.args,
      'forecast',
      file,
      '--id-column',
      'id',
      '--time-column',
      'date',
      '--target',
      'value',
      '--horizon',
      String(h),
      '--model',
      model,
      '--ensemble',
      ensemble,
      '--workers',
      workers,
      '--out',
      out,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`series-studio forecast exited with ${r.status}`);
  ourSeconds += seconds;
  const cpu = gnuTime
    ? readFileSync(cpuFile, 'utf8')
        .trim()
        .split('\n')
        .pop()
        ?.split(' ')
        .reduce((a, b) => a + Number(b), 0)
    : undefined;
  ourCpu += cpu ?? NaN;
  const ours = score(refs, readForecasts(out, 'id', ['forecast']), 0);
  const summary = JSON.parse(
    readFileSync(out.replace(/\.csv$/, '.summary.json'), 'utf8'),
  ) as Summary;
  let rLine = '';
  if (withR) {
    const rOut = path.join(tmp, `${name}-r.csv`);
    const [rs = NaN, rc = NaN] = execFileSync(
      'Rscript',
      [path.resolve('bench/collectionBench.R'), file, String(h), '12', workers, rOut],
      { encoding: 'utf8' },
    )
      .trim()
      .split(' ')
      .map(Number);
    rSeconds += rs;
    rCpu += rc;
    const rf = readForecasts(rOut, 'id', ['ets', 'arima']);
    const re = score(refs, rf, 0);
    const ra = score(refs, rf, 1);
    rLine = ` · R ets ${fmt(re.smape)} / ${fmt(re.mase, 3)}, auto.arima ${fmt(ra.smape)} / ${fmt(ra.mase, 3)} (this run, ${rs.toFixed(1)} s, ${rc.toFixed(1)} CPU s)`;
  }
  const refMean = (method: string, k: 'smape' | 'mase') =>
    mean(Object.values(refs).map((r) => r.methods[method]?.[k] ?? NaN));
  rows.push(
    `| ${name} monthly | ${Object.keys(refs).length} | ${h} | ${fmt(ours.smape)} / ${fmt(ours.mase, 3)} | ` +
      ['ets', 'auto.arima', 'theta', 'naive2']
        .map((mth) => `${fmt(refMean(mth, 'smape'))} / ${fmt(refMean(mth, 'mase'), 3)}`)
        .join(' | ') +
      ` | ${seconds.toFixed(1)} s |`,
  );
  console.log(
    `${name}: ${summary.series.forecast}/${summary.series.total} forecast, ${ours.missing} without a forecast, ${seconds.toFixed(1)} s (${fmt(cpu, 1)} CPU s); sMAPE/MASE ${fmt(ours.smape)} / ${fmt(ours.mase, 3)}${rLine}`,
  );
  const a = summary.aggregate.all;
  holdout.push(
    `| ${name} monthly | ${a.compared} | ` +
      ['global', 'ets', 'theta', 'combination']
        .map((k) => {
          const v = a.methods[k];
          return v ? `${fmt(v.smape)} / ${fmt(v.mase, 3)} (${fmt(100 * v.winsSmape, 0)}%)` : '–';
        })
        .join(' | ') +
      ` | ${summary.global.map((g) => `${g.seriesTrained} series, ${g.windows} windows, ${g.epochs} epochs, ${g.seconds.toFixed(0)} s`).join('; ')} |`,
  );
}
console.log(
  `\ntotal: ${seriesCount} series in ${ourSeconds.toFixed(1)} s, ${fmt(ourCpu, 1)} CPU s (${workers} workers)` +
    (withR
      ? `; R ets + auto.arima ${rSeconds.toFixed(1)} s, ${fmt(rCpu, 1)} CPU s (${workers} cores)`
      : ''),
);
console.log(
  '\nForecast past the end of the training parts vs the test parts (mean sMAPE / MASE):\n' +
    '| collection | series | h | series-studio ' +
    model +
    ' | R ets | R auto.arima | R thetaf | naive2 | time |\n|---|---|---|---|---|---|---|---|---|\n' +
    rows.join('\n'),
);
console.log(
  '\nHeld-out test inside the CLI (last h points of each training part; mean sMAPE / MASE, share of series with the lowest sMAPE):\n' +
    '| collection | series | global network | ETS (local) | Theta (local) | combination | global training |\n|---|---|---|---|---|---|---|\n' +
    holdout.join('\n'),
);
