// `--missing` on the training commands as a real CLI process (TypeScript sources under tsx) on the
// shared presidents.csv (120 quarters, 6 missing: 1945-01, 1948-07, 1948-10, 1952-07, 1972-07,
// 1972-10): the choice reaches the engine as the import dialog's choice for the target column, a
// refused missing value gets the flag to pass, and an unknown value lists the allowed ones.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDatasetsDir } from '../engine/testing/sharedData';
import { missingValueHint } from './missingFlag';

const dir = mkdtempSync(path.join(os.tmpdir(), 'missing-cli-'));
const main = path.resolve('src-main/cli/main.ts');
const presidents = path.join(sharedDatasetsDir, 'presidents.csv');
const small = ['--target', 'presidents', '--horizon', '1', '--epochs', '2', '--ensemble', '1'];

function cli(args: string[]): { code: number; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: path.resolve('.'),
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { code: r.status ?? -1, stderr: r.stderr };
}

interface Window {
  times: number[];
  actual: (number | null)[];
  baselinePredictions: Record<string, (number | null)[]>;
}
interface Run {
  dataset: { rows: number };
  split: { n: number; valStart: number; testStart: number };
  validation: Window;
  test: Window;
}

function fit(file: string, extra: string[]): { code: number; stderr: string; run: Run | null } {
  const out = path.join(dir, `run-${Math.random().toString(36).slice(2)}.json`);
  const r = cli(['fit', file, ...small, ...extra, '--out', out]);
  return { ...r, run: r.code === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as Run) : null };
}

/** The file's rows as [date, value or null], read here without the importer. */
const fileRows: [string, number | null][] = readFileSync(presidents, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [date = '', value = ''] = line.replace(/"/g, '').split(',');
    return [date, value === '' ? null : Number(value)];
  });
const valueAt = (date: string): number | null => fileRows.find(([d]) => d === date)?.[1] ?? null;
const utc = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

const engineRefusal =
  'presidents.csv row 2, column "presidents" (1945-01-01): a missing value cannot be used for training (6 such values in the column). Choose how to handle missing values in the import choices (fill or drop rows), then train again.';

describe('series-studio fit|backtest|search --missing', () => {
  it('reads the file as the test expects: 120 rows, 6 missing, the neighbours of the gaps', () => {
    expect(fileRows).toHaveLength(120);
    expect(fileRows.filter(([, v]) => v === null).map(([d]) => d)).toEqual([
      '1945-01-01',
      '1948-07-01',
      '1948-10-01',
      '1952-07-01',
      '1972-07-01',
      '1972-10-01',
    ]);
    expect(
      ['1948-04-01', '1949-01-01', '1952-04-01', '1952-10-01', '1972-04-01', '1973-01-01'].map(
        valueAt,
      ),
    ).toEqual([39, 69, 32, 32, 61, 68]);
  });

  it('without --missing, fails with the engine message and the flag to pass', () => {
    const r = fit(presidents, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `series-studio fit: ${engineRefusal}\nFrom the command line: pass --missing drop-rows (the first value is missing, and forward-fill or linear-interpolation cannot fill a value with none before it).\n`,
    );
  });

  it('refuses an unknown --missing value with the allowed ones, before opening the file', () => {
    const r = fit(presidents, ['--missing', 'zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'series-studio fit: Invalid model flags: missing: --missing is one of drop-rows, forward-fill, linear-interpolation\n',
    );
  });

  it('--missing drop-rows trains on the 114 rows with a value', () => {
    const r = fit(presidents, ['--missing', 'drop-rows']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('presidents: 6 row(s) with a missing value dropped');
    const run = r.run as Run;
    const kept = fileRows.flatMap(([, v]) => (v === null ? [] : [v]));
    expect(kept).toHaveLength(114);
    expect(run.dataset.rows).toBe(114);
    expect(run.split.n).toBe(114);
    // The mean baseline is the training part's mean: the first valStart values that have one.
    expect(run.test.baselinePredictions.mean?.[0]).toBeCloseTo(
      mean(kept.slice(0, run.split.valStart)),
      10,
    );
    expect(run.test.actual).toEqual(kept.slice(run.split.testStart));
  });

  it('--missing linear-interpolation cannot fill the first quarter (no value before it): says to drop rows', () => {
    const r = fit(presidents, ['--missing', 'linear-interpolation']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'presidents: 5 missing value(s) filled by linear interpolation; 1 left missing at the start or end, with no value on one side',
    );
    expect(r.stderr).toContain(
      'series-studio fit: presidents.csv row 2, column "presidents" (1945-01-01): a missing value cannot be used for training. Choose how to handle missing values in the import choices (fill or drop rows), then train again.\n' +
        'From the command line: --missing linear-interpolation cannot fill a value with no value before it or after it (at the start or end of the column); pass --missing drop-rows instead.\n',
    );
  });

  it('--missing linear-interpolation fills the inner gaps from their neighbours (the file from 1945-04)', () => {
    // presidents.csv without its first quarter (the one value interpolation cannot fill): 119 rows.
    const lines = readFileSync(presidents, 'utf8').trim().split('\n');
    const file = path.join(dir, 'presidents.csv');
    writeFileSync(file, `${[lines[0], ...lines.slice(2)].join('\n')}\n`);
    const refused = fit(file, []);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'series-studio fit: presidents.csv row 15, column "presidents" (1948-07-01): a missing value cannot be used for training (5 such values in the column). Choose how to handle missing values in the import choices (fill or drop rows), then train again.\n' +
        'From the command line: pass --missing linear-interpolation (or forward-fill, drop-rows).\n',
    );
    const r = fit(file, ['--missing', 'linear-interpolation']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('presidents: 5 missing value(s) filled by linear interpolation');
    const run = r.run as Run;
    expect(run.dataset.rows).toBe(119);
    expect(run.split.n).toBe(119);
    // Expected series: the file's values, each gap by hand from the neighbours read above.
    const filled: Record<string, number> = {
      '1948-07-01': 39 + (69 - 39) / 3, // 49
      '1948-10-01': 39 + (2 * (69 - 39)) / 3, // 59
      '1952-07-01': (32 + 32) / 2, // one gap: the mean of its neighbours
      '1972-07-01': 61 + (68 - 61) / 3,
      '1972-10-01': 61 + (2 * (68 - 61)) / 3,
    };
    const expected = fileRows.slice(1).map(([d, v]) => v ?? (filled[d] as number));
    expect(expected.every(Number.isFinite)).toBe(true);
    // The training part has no missing value: its mean (the mean baseline) is the filled one.
    const trainMean = mean(expected.slice(0, run.split.valStart));
    expect(run.test.baselinePredictions.mean?.[0]).toBeCloseTo(trainMean, 10);
    // The held-out parts are the filled series too, 1972's two gaps among them.
    const seen = [...run.validation.times, ...run.test.times];
    const actual = [...run.validation.actual, ...run.test.actual];
    expect(actual).toEqual(expected.slice(run.split.valStart));
    expect(actual[seen.indexOf(utc('1972-07-01'))]).toBeCloseTo(61 + 7 / 3, 10);
    expect(actual[seen.indexOf(utc('1972-10-01'))]).toBeCloseTo(61 + 14 / 3, 10);
  });

  it('backtest and search take --missing too', () => {
    const bt = path.join(dir, 'bt.json');
    const backtest = (...extra: string[]) =>
      cli([
        'backtest',
        presidents,
        ...small,
        '--folds',
        '2',
        '--refit',
        'none',
        ...extra,
        '--out',
        bt,
      ]);
    const b = backtest();
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(
      `series-studio backtest: ${engineRefusal}\nFrom the command line: pass --missing drop-rows`,
    );
    const b2 = backtest('--missing', 'drop-rows');
    expect(b2.code, b2.stderr).toBe(0);
    expect((JSON.parse(readFileSync(bt, 'utf8')) as { folds: unknown[] }).folds).toHaveLength(2);

    const grid = path.join(dir, 'grid.json');
    writeFileSync(grid, JSON.stringify({ grid: { units: [8] } }));
    const runs = path.join(dir, 'runs.json');
    const s = cli(['search', presidents, ...small, '--grid', grid, '--out', runs]);
    expect(s.code).toBe(0);
    expect(s.stderr).toContain(`trial 1/1 failed: ${engineRefusal}\nFrom the command line:`);
    const s2 = cli([
      'search',
      presidents,
      ...small,
      '--grid',
      grid,
      '--missing',
      'drop-rows',
      '--out',
      runs,
    ]);
    expect(s2.code, s2.stderr).toBe(0);
    const result = JSON.parse(readFileSync(runs, 'utf8')) as {
      runs: Run[];
      search: { bestRunId: string | null };
    };
    expect(result.search.bestRunId).not.toBeNull();
    expect(result.runs[0]?.dataset.rows).toBe(114);
  }, 120_000);

  it('hints by what was passed: a feature column, a fill that left a value, drop-rows', () => {
    const refusal = (column: string, index: number) => ({
      message: `f.csv row 9, column "${column}" (2000-01-01): a missing value cannot be used for training. Choose…`,
      details: { column, row: 9, index, value: 'missing' },
    });
    expect(missingValueHint(refusal('price', 7), 'sales', undefined)).toBe(
      'From the command line: --missing applies to the target column only; "price" is a feature column (--features), so leave it out or fix its missing values in the file.',
    );
    expect(missingValueHint(refusal('sales', 7), 'sales', 'forward-fill')).toBe(
      'From the command line: --missing forward-fill cannot fill a value with no value before it (at the start of the column); pass --missing drop-rows instead.',
    );
    expect(missingValueHint(refusal('sales', 7), 'sales', 'drop-rows')).toBeNull();
    expect(
      missingValueHint(
        {
          message: 'f.csv: an infinite value cannot be used for training',
          details: { column: 'sales', row: 9, index: 7, value: 'infinite' },
        },
        'sales',
        undefined,
      ),
    ).toBeNull();
  });
});
