// The command line on the sample data, end to end through the built CLI: fit writes a complete
// run JSON, compare and backtest work on it, and the PDF report holds every section and the run's
// metric values (checked with poppler's pdftotext and pdftoppm).
import { expect, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPORT_HEADINGS } from '../src-main/engine/reports/reportSections';
import { formatNumber } from '../src-main/engine/reports/reportFormat';

const cli = path.resolve('bin/series-studio.js');
const air = path.resolve('resources/datasets/AirPassengers.csv');
const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-e2e-'));

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `fit` on AirPassengers with the last 24 months as the test part, written to `out`. */
function fitAir(out: string, settings: string[]): ReturnType<typeof run> {
  return run([
    'fit',
    air,
    '--target',
    'AirPassengers',
    '--test-size',
    '24',
    ...settings,
    '--out',
    out,
  ]);
}

interface RunJson {
  config: { target: string; seed: number; lookback: number };
  backend: { backend: string };
  kernel: string;
  timings: { trainingSeconds: number };
  epochs: { loss: number }[];
  metrics: { rmse: number; mae: number };
  baselines: Record<string, { rmse: number }>;
  test: { times: number[]; predicted: number[]; actual: number[] };
}

test.describe.configure({ mode: 'serial' });

test.describe('series-studio CLI', () => {
  let runJson: RunJson;

  test('info and analyze describe the sample', () => {
    const info = run(['info', air]);
    expect(info.code, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({
      rows: 144,
      frequency: 'monthly',
      seasonalPeriod: 12,
    });
    const analyze = run(['analyze', air, '--json']);
    expect(analyze.code, analyze.stderr).toBe(0);
    const result = JSON.parse(analyze.stdout) as {
      columns: { adf: { pValue: number }; pacf: { ols: number[] } }[];
    };
    expect(result.columns[0]?.adf.pValue).toBeCloseTo(0.991880243437641, 6);
    expect(result.columns[0]?.pacf.ols.length).toBeGreaterThan(10);
  });

  test('fit writes config, backend, timings, losses, metrics, baselines and dated predictions', () => {
    const fit = fitAir('run.json', ['--epochs', '8', '--seed', '11']);
    expect(fit.code, fit.stderr).toBe(0);
    runJson = JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as RunJson;
    expect(runJson.config).toMatchObject({ target: 'AirPassengers', seed: 11 });
    expect(['tensorflow', 'wasm', 'cpu']).toContain(runJson.backend.backend);
    expect(runJson.kernel.length).toBeGreaterThan(0);
    expect(runJson.timings.trainingSeconds).toBeGreaterThan(0);
    expect(runJson.epochs.length).toBeGreaterThan(0);
    expect(runJson.metrics.rmse).toBeGreaterThan(0);
    expect(Object.keys(runJson.baselines)).toEqual(
      expect.arrayContaining(['naive', 'seasonalNaive', 'mean']),
    );
    expect(runJson.test.actual.length).toBe(runJson.test.predicted.length);
    expect(new Date(runJson.test.times[0] ?? 0).toISOString().slice(0, 4)).toBe('1959');
  });

  test('compare prints both tests for two runs', () => {
    const second = fitAir('run-gru.json', ['--epochs', '4', '--cell', 'gru']);
    expect(second.code, second.stderr).toBe(0);
    const compared = run(['compare', 'run.json', 'run-gru.json', '--loss', 'absolute']);
    expect(compared.code, compared.stderr).toBe(0);
    const result = JSON.parse(compared.stdout) as {
      dieboldMariano: { pValue: number; verdict: string };
      pairedTTest: { pValue: number };
    };
    expect(result.dieboldMariano.pValue).toBeGreaterThanOrEqual(0);
    expect(result.dieboldMariano.verdict.length).toBeGreaterThan(10);
  });

  test('backtest runs 4 folds of 12 months', () => {
    const bt = run([
      'backtest',
      air,
      '--target',
      'AirPassengers',
      '--folds',
      '4',
      '--horizon',
      '12',
      '--epochs',
      '5',
      '--out',
      'bt.json',
    ]);
    expect(bt.code, bt.stderr).toBe(0);
    const result = JSON.parse(readFileSync(path.join(dir, 'bt.json'), 'utf8')) as {
      folds: { testEnd: number }[];
    };
    expect(result.folds.map((f) => f.testEnd)).toEqual([108, 120, 132, 144]);
  });

  test('report writes a PDF with every section heading and the run metrics, all pages inked', () => {
    const report = run(['report', 'run.json', '--out', 'report.pdf']);
    expect(report.code, report.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'report.pdf'), '-'], {
      encoding: 'utf8',
    });
    for (const [key, heading] of Object.entries(REPORT_HEADINGS)) {
      if (key === 'comparison') continue; // needs two runs
      expect(text, heading).toContain(heading);
    }
    expect(text).toContain(formatNumber(runJson.metrics.rmse));
    expect(text).toContain(formatNumber(runJson.metrics.mae));
    execFileSync('pdftoppm', [
      '-r',
      '30',
      '-gray',
      path.join(dir, 'report.pdf'),
      path.join(dir, 'page'),
    ]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page'));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const bytes = readFileSync(path.join(dir, page));
      // PGM: three header lines, then one byte per pixel; count pixels that are not white.
      let offset = 0;
      for (let lines = 0; lines < 3; offset++) if (bytes[offset] === 0x0a) lines++;
      let inked = 0;
      for (let i = offset; i < bytes.length; i++) if ((bytes[i] ?? 255) < 200) inked++;
      expect(inked, page).toBeGreaterThan(200);
    }
    const html = run(['report', 'run.json', 'run-gru.json', '--out', 'report.html']);
    expect(html.code, html.stderr).toBe(0);
    const page = readFileSync(path.join(dir, 'report.html'), 'utf8');
    for (const heading of Object.values(REPORT_HEADINGS)) expect(page, heading).toContain(heading);
    expect(page).toContain(formatNumber(runJson.metrics.rmse));
  });
});
