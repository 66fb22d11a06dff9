// `series-studio report` on runs trained on two datasets: a section per dataset, each run's pages
// after its own dataset's summary and tests, and no machine paths or code names (pdftotext).
import { expect, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cli = path.resolve('bin/series-studio.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'report-cli-'));

function run(args: string[]): { code: number; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: r.status ?? -1, stderr: r.stderr };
}

function fit(csv: string, target: string, out: string): void {
  const file = path.resolve('resources/datasets', csv);
  const r = run(['fit', file, '--target', target, '--epochs', '4', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
}

test('a report of runs on two datasets has a section per dataset, each with its own data', () => {
  fit('AirPassengers.csv', 'AirPassengers', 'air.json');
  fit('Nile.csv', 'Nile', 'nile.json');
  const report = run(['report', 'air.json', 'nile.json', '--out', 'two.pdf']);
  expect(report.code, report.stderr).toBe(0);
  const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'two.pdf'), '-'], {
    encoding: 'utf8',
  });
  const split = text.indexOf('Dataset: Nile.csv');
  expect(text.indexOf('Dataset: AirPassengers.csv')).toBeLessThan(split);
  const air = text.slice(0, split);
  const nile = text.slice(split);
  // AirPassengers: 144 monthly rows; Nile: 100 yearly rows, its own column and run.
  expect(air).toMatch(/Rows\s+144\b/);
  expect(air).toContain('Column AirPassengers, n = ');
  expect(air).toMatch(/Target\s+AirPassengers\b/);
  expect(nile).toMatch(/Rows\s+100\b/);
  expect(nile).toContain('Column Nile, n = ');
  expect(nile).toMatch(/Target\s+Nile\b/);
  expect(nile).not.toContain('AirPassengers');
  expect(nile).not.toMatch(/Rows\s+144\b/);
  // The verdict names the best baseline in words; the backend in words, no paths or code names.
  expect(text).toMatch(/(beats|No significant difference from|loses to) .+, the best baseline/);
  expect(text).toContain('WebAssembly');
  expect(text).not.toMatch(
    /node_modules|\/tmp\/|\/out\/main|tfjs-node|seasonalNaive|interval lower/,
  );
});
