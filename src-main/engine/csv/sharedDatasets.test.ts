// Every reference dataset imports with the time format, frequency and seasonal period its README
// states, and with the same values as the independent simple reader in testing/sharedData.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSimpleCsv, sharedDatasetsDir } from '../testing/sharedData';
import { applyImportChoices } from './applyImportChoices';
import { findProblems } from './findProblems';
import { importCsv } from './importCsv';
import { inferFrequency } from './inferFrequency';
import { sniffCsv } from './sniffCsv';
import type { Frequency, TimeFormat } from './types';

// Rows, frequency and first column come from /work/shared/datasets/README.md.
const CASES: [string, number, TimeFormat, Frequency, number][] = [
  ['AirPassengers.csv', 144, 'iso-date', 'monthly', 12],
  ['co2.csv', 468, 'iso-date', 'monthly', 12],
  ['ldeaths.csv', 72, 'iso-date', 'monthly', 12],
  ['USAccDeaths.csv', 72, 'iso-date', 'monthly', 12],
  ['UKgas.csv', 108, 'iso-date', 'quarterly', 4],
  ['presidents.csv', 120, 'iso-date', 'quarterly', 4],
  ['Nile.csv', 100, 'year', 'yearly', 1],
  ['lynx.csv', 114, 'year', 'yearly', 1],
  ['LakeHuron.csv', 98, 'year', 'yearly', 1],
  ['WWWusage.csv', 100, 'index', 'index', 1],
  ['EuStockMarkets.csv', 1860, 'decimal-year', 'business-daily', 5],
];

describe('shared datasets', () => {
  it.each(CASES)(
    '%s: %i rows, %s, %s (period %i)',
    async (file, rows, format, frequency, period) => {
      const filePath = path.join(sharedDatasetsDir, file);
      const sniff = await sniffCsv(filePath);
      const table = await importCsv(filePath, sniff.options);
      expect(table.rowCount).toBe(rows);
      expect(table.time.format).toBe(format);
      const info = inferFrequency(table.time.values, table.time.format);
      expect(info.frequency).toBe(frequency);
      expect(info.seasonalPeriod).toBe(period);
      expect(info.confidence).toBe(1);
      const reference = readSimpleCsv(file);
      const [timeName, ...valueNames] = Object.keys(reference);
      expect(table.time.column).toBe(timeName);
      expect(table.columns.map((c) => c.name)).toEqual(valueNames);
      for (const c of table.columns) expect(Array.from(c.values)).toEqual(reference[c.name]);
    },
  );

  it('EuStockMarkets has the four index columns and starts at 1991.496154', async () => {
    const filePath = path.join(sharedDatasetsDir, 'EuStockMarkets.csv');
    const table = await importCsv(filePath, (await sniffCsv(filePath)).options);
    expect(table.columns.map((c) => c.name)).toEqual(['DAX', 'SMI', 'CAC', 'FTSE']);
    // 1991 has 365 days: 0.496154 × 365 d after 1991-01-01.
    expect(table.time.values[0]).toBeCloseTo(Date.UTC(1991, 0, 1) + 0.496154 * 365 * 86_400_000, 0);
  });

  it('presidents: its six missing quarters are reported, first 1945-01-01 (row 2)', async () => {
    const filePath = path.join(sharedDatasetsDir, 'presidents.csv');
    const table = await importCsv(filePath, (await sniffCsv(filePath)).options);
    expect(table.columns[0]?.missing).toBe(6);
    const problems = findProblems(table, inferFrequency(table.time.values, table.time.format));
    expect(problems).toHaveLength(1);
    // Empty cells in the file at 1945-01-01, 1948-07-01, 1948-10-01, 1952-07-01, 1972-07-01, 1972-10-01.
    expect(problems[0]).toMatchObject({
      kind: 'missing-values',
      column: 'presidents',
      count: 6,
      positions: [2, 16, 17, 32, 112, 113],
    });
    const frequency = inferFrequency(table.time.values, table.time.format);
    const { appliedChoices } = applyImportChoices(
      table,
      { missing: { presidents: 'linear-interpolation' } },
      frequency,
    );
    // Five are interior; 1945-01-01 is the first quarter, with nothing before it.
    expect(appliedChoices).toEqual([
      'presidents: 5 missing value(s) filled by linear interpolation; 1 left missing at the start or end, with no value on one side',
    ]);
  });

  it('WWWusage keeps its minute numbers 1..100 as the index', async () => {
    const filePath = path.join(sharedDatasetsDir, 'WWWusage.csv');
    const table = await importCsv(filePath, (await sniffCsv(filePath)).options);
    expect(table.time.column).toBe('minute');
    expect(Array.from(table.time.values)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});
