// ImportState given the client, the job runner, the current dataset and the studio's import:
// the sniff requests it makes, the options Import uses, and what closing the dialog cancels.
import { describe, expect, it } from 'vitest';
import type { CsvSniff, DatasetInfo } from '../../../src-main/shared/schemas/dataset';
import { contract } from '../../../src-main/shared/contract';
import type { FileSource } from '../../../src-main/shared/schemas/common';
import { ImportState } from './importState.svelte';
import { scriptedClient } from './scriptedTransport.testkit';
import { airPassengersInfo } from './studioFixtures.testkit';
import { StudioJobs } from './studioJobs.svelte';

const source: FileSource = { kind: 'path', path: '/data/AirPassengers.csv' };

function sniffOf(options: DatasetInfo['options']): CsvSniff {
  return contract['datasets:sniff'].response.parse({
    fileName: 'AirPassengers.csv',
    fileSize: 1746,
    sampledBytes: 1746,
    wholeFileSampled: true,
    options,
    encoding: { bom: false, invalidUtf8: null },
    columnNames: ['date', 'AirPassengers'],
    preview: [['1949-01', '112']],
    columns: [
      {
        name: 'date',
        kind: 'time',
        numericShare: 0,
        missing: 0,
        thousandsSeparator: null,
        timeFormat: 'year-month',
      },
      {
        name: 'AirPassengers',
        kind: 'numeric',
        numericShare: 1,
        missing: 0,
        thousandsSeparator: null,
        timeFormat: null,
      },
    ],
    timeCandidate: { column: 'date', format: 'year-month', reason: 'dates one month apart' },
    numericColumns: ['AirPassengers'],
    textColumns: [],
    notes: [],
  });
}

function setup(current: DatasetInfo | null = null) {
  const { client, transport } = scriptedClient();
  const jobs = new StudioJobs(client);
  const opened: unknown[][] = [];
  const importer = new ImportState({
    client,
    jobs,
    current: () => current,
    open: async (...args) => {
      opened.push(args);
      return airPassengersInfo();
    },
  });
  return { importer, transport, jobs, opened };
}

describe('ImportState', () => {
  it('sniffs with the overrides, and Import opens with the options the preview shows', async () => {
    const t = setup();
    const options = airPassengersInfo().options;
    t.transport.answer('datasets:sniff', (r) => ({
      ok: true,
      value: sniffOf({ ...options, ...r.overrides }),
    }));
    await t.importer.begin(source);
    await t.importer.setOverride('delimiter', ';');
    await t.importer.setOverride('timeColumn', null);
    expect(t.transport.requestsOf('datasets:sniff')).toEqual([
      { source, overrides: {} },
      { source, overrides: { delimiter: ';' } },
      // A new time column lets the sniffer guess its format again.
      { source, overrides: { delimiter: ';', timeColumn: null } },
    ]);
    expect([t.importer.isOverridden('delimiter'), t.importer.isOverridden('header')]).toEqual([
      true,
      false,
    ]);
    expect(await t.importer.confirm()).toBe(true);
    expect(t.opened).toEqual([
      [source, { ...options, delimiter: ';', timeColumn: null }, undefined],
    ]);
    expect([t.importer.isOpen, t.importer.sniff]).toEqual([false, null]);
  });

  it('the file already open with the same settings: Import just closes the dialog', async () => {
    const current = airPassengersInfo({ source });
    const t = setup(current);
    t.transport.answer('datasets:sniff', { ...sniffOf(current.options) });
    await t.importer.review();
    expect(t.transport.requestsOf('datasets:sniff')).toEqual([
      { source, overrides: current.options },
    ]);
    expect(await t.importer.confirm()).toBe(true);
    expect(t.opened).toEqual([]);
    expect(t.importer.isOpen).toBe(false);
  });

  it('a slower earlier sniff answering last is dropped: the preview shows the latest settings', async () => {
    const t = setup();
    const options = airPassengersInfo().options;
    t.transport.answer('datasets:sniff', sniffOf(options));
    await t.importer.begin(source);
    const comma = t.transport.hold('datasets:sniff');
    const semicolon = t.transport.hold('datasets:sniff');
    const first = t.importer.setOverride('delimiter', ',');
    const second = t.importer.setOverride('delimiter', ';');
    semicolon.answer({ ok: true, value: sniffOf({ ...options, delimiter: ';' }) });
    await second;
    comma.answer({ ok: true, value: sniffOf({ ...options, delimiter: ',' }) });
    await first;
    expect([t.importer.options?.delimiter, t.importer.sniffing]).toEqual([';', false]);
  });

  it('a failed re-sniff keeps the last preview beside the error', async () => {
    const t = setup();
    const options = airPassengersInfo().options;
    t.transport.answer('datasets:sniff', sniffOf(options));
    await t.importer.begin(source);
    t.transport.fail('datasets:sniff', { code: 'import-error', message: 'Not UTF-8.' });
    await t.importer.setOverride('encoding', 'latin1');
    expect([t.importer.error?.message, t.importer.options?.delimiter]).toEqual(['Not UTF-8.', ',']);
  });

  it('a sniff failure is shown and Import does nothing', async () => {
    const t = setup();
    t.transport.fail('datasets:sniff', {
      code: 'import-error',
      message: 'AirPassengers.csv is a binary file.',
    });
    await t.importer.begin(source);
    expect(t.importer.error?.message).toBe('AirPassengers.csv is a binary file.');
    expect([t.importer.sniffing, await t.importer.confirm()]).toEqual([false, false]);
    expect(t.opened).toEqual([]);
  });
});
