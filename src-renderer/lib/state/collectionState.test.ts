// CollectionState over a real StudioClient and job runner on a scripted transport: the channel
// calls it makes, and what it shows after each answer.
import { describe, expect, it } from 'vitest';
import type {
  CollectionInfo,
  CollectionRun,
  CollectionSeriesInfo,
} from '../../../src-main/shared/schemas/collection';
import type { CsvSniff } from '../../../src-main/shared/schemas/dataset';
import { CollectionState, DEFAULT_FIT } from './collectionState.svelte';
import { detectLongFormat, wideColumns } from './longFormat';
import { scriptedClient } from './scriptedTransport.testkit';
import { StudioJobs } from './studioJobs.svelte';

const layout = { idColumn: 'series', timeColumn: 'month', target: 'sales' };
const series = (id: string): CollectionSeriesInfo => ({
  id,
  length: 3,
  frequency: 'monthly',
  seasonalPeriod: 12,
  firstTime: '2000-01-01',
  lastTime: '2000-03-01',
  sparkline: [1, 2, 3],
  problems: [],
  error: null,
});
const info: CollectionInfo = {
  collectionId: 'col_0123456789abcdef',
  name: 'stores.csv',
  layout,
  rows: 9,
  badRows: [],
  series: [series('MRM1'), series('MRM12'), series('north-2')],
};
const run: CollectionRun = {
  runId: 'crun_abcdef',
  collectionId: info.collectionId,
  collectionName: 'stores.csv',
  createdAt: '2026-12-02T00:00:00.000Z',
  settings: DEFAULT_FIT,
  global: {
    frequencyClass: 'monthly',
    seriesTrained: 3,
    windows: 10,
    epochs: 2,
    seconds: 1,
    note: null,
  },
  compared: 0,
  seriesCount: 3,
  aggregate: [],
  series: [],
};

/** A series' data with no values (what a state test needs of a collections:series answer). */
const emptySeries = (id: string) => ({
  id,
  times: [],
  values: [],
  frequency: 'monthly',
  problems: [],
  error: null,
});

function setup() {
  const { client, transport } = scriptedClient();
  const reports: string[] = [];
  const state = new CollectionState({
    client,
    jobs: new StudioJobs(client),
    report: (s) => reports.push(s),
  });
  return { state, transport, reports };
}

describe('CollectionState', () => {
  it('a preview leaves the session alone; opening adds the collection and shows its first series', async () => {
    const { state, transport, reports } = setup();
    transport.answer('collections:open', info);
    transport.answer('collections:series', {
      id: 'MRM1',
      times: ['2000-01-01'],
      values: [1],
      frequency: 'monthly',
      problems: [],
      error: null,
    });
    const source = { kind: 'upload', uploadId: 'up_0123456789abcdef' } as const;
    await state.propose(source, layout);
    expect(state.proposal).toEqual(info);
    expect(state.collections).toEqual([]);
    expect(await state.open(source, layout)).toBe(true);
    expect(state.collections).toEqual([info]);
    expect(state.proposal).toBeNull();
    expect([state.active?.collectionId, state.seriesId, state.view]).toEqual([
      info.collectionId,
      'MRM1',
      'series',
    ]);
    const opens = transport.requestsOf('collections:open');
    expect(opens.map((r) => [r.preview, r.layout])).toEqual([
      [true, layout],
      [undefined, layout],
    ]);
    expect(transport.requestsOf('collections:series')).toEqual([
      { collectionId: info.collectionId, id: 'MRM1' },
    ]);
    expect(reports).toEqual(['Opened stores.csv: 3 series keyed by series']);
  });

  it('filters series by id, in any case', async () => {
    const { state, transport } = setup();
    transport.answer('collections:state', { collections: [info], runs: [] });
    await state.refresh();
    state.setFilter(' mrm1 ');
    expect(state.filtered(info).map((s) => s.id)).toEqual(['MRM1', 'MRM12']);
    state.setFilter('NORTH');
    expect(state.filtered(info).map((s) => s.id)).toEqual(['north-2']);
  });

  it('a fit sends the settings, keeps the run and shows it; a failure shows the error', async () => {
    const { state, transport } = setup();
    transport.answer('collections:state', { collections: [info], runs: [] });
    transport.answer('collections:series', emptySeries('MRM1'));
    await state.refresh();
    state.select(info.collectionId, 'MRM1');
    state.setSettings({ epochs: 3, local: true });
    transport.answer('collections:fit', run);
    await state.fit();
    expect(transport.requestsOf('collections:fit').map((r) => r.settings)).toEqual([
      { ...DEFAULT_FIT, epochs: 3, local: true },
    ]);
    expect([state.view, state.run?.runId, state.training]).toEqual(['runs', 'crun_abcdef', false]);
    const error = { code: 'internal' as const, message: 'out of memory' };
    transport.fail('collections:fit', error);
    await state.fit();
    expect(state.error).toEqual(error);
    expect(state.runs.map((r) => r.runId)).toEqual(['crun_abcdef']);
  });

  it('a series picked in the sidebar is the one the run view shows; another collection shows its own runs', async () => {
    const { state, transport } = setup();
    const result = (id: string) => ({
      id,
      length: 3,
      frequency: 'monthly',
      testTimes: [],
      futureTimes: [],
      historyTimes: [],
      history: [],
      actual: [],
      paths: {},
      failures: {},
      error: null,
    });
    const other: CollectionInfo = { ...info, collectionId: 'col_fedcba9876543210', name: 'b.csv' };
    transport.answer('collections:state', {
      collections: [info, other],
      runs: [{ ...run, series: [result('MRM1'), result('MRM12')] }],
    });
    transport.answer('collections:series', emptySeries('MRM12'));
    await state.refresh();
    state.select(info.collectionId, 'MRM12');
    expect([state.view, state.seriesId, state.run?.runId, state.runSeriesId]).toEqual([
      'series',
      'MRM12',
      'crun_abcdef',
      'MRM12',
    ]);
    state.browse('MRM1');
    expect([state.runSeriesId, state.seriesId, state.view]).toEqual(['MRM1', 'MRM1', 'series']);
    // A series the run does not have: the run view starts at its first series.
    state.select(info.collectionId, 'north-2');
    expect(state.runSeriesId).toBe('MRM1');
    state.selectRun('crun_abcdef');
    state.select(other.collectionId, 'MRM12');
    expect([state.active?.name, state.run, state.runSeriesId]).toEqual(['b.csv', null, null]);
  });

  it('opens a wide file as a collection of its columns and says so', async () => {
    const { state, transport, reports } = setup();
    const wide = { kind: 'wide', timeColumn: 'month' } as const;
    transport.answer('collections:open', {
      ...info,
      name: 'lines.csv',
      layout: wide,
      leftOut: [{ column: 'region', reason: 'text such as "north" (row 2)' }],
    });
    transport.answer('collections:series', emptySeries('MRM1'));
    const source = { kind: 'upload', uploadId: 'up_0123456789abcdef' } as const;
    expect(await state.open(source, wide)).toBe(true);
    expect(transport.requestsOf('collections:open').map((r) => r.layout)).toEqual([wide]);
    expect(reports).toEqual(['Opened lines.csv: 3 series, one per column']);
    expect([state.active?.name, state.seriesId]).toEqual(['lines.csv', 'MRM1']);
  });
});

const sniff = (
  names: string[],
  kinds: CsvSniff['columns'][number]['kind'][],
  rows: string[][],
  time: string | null,
): CsvSniff => ({
  fileName: 'x.csv',
  fileSize: 1,
  sampledBytes: 1,
  wholeFileSampled: true,
  options: {} as CsvSniff['options'],
  encoding: { bom: false, invalidUtf8: null },
  columnNames: names,
  preview: rows,
  columns: names.map((name, i) => ({
    name,
    kind: kinds[i] ?? 'text',
    numericShare: kinds[i] === 'numeric' ? 1 : 0,
    missing: 0,
    thousandsSeparator: null,
    timeFormat: null,
  })),
  timeCandidate: time ? { column: time, format: 'iso-date', reason: '' } : null,
  numericColumns: names.filter((_, i) => kinds[i] === 'numeric'),
  textColumns: names.filter((_, i) => kinds[i] === 'text'),
  notes: [],
});

describe('detectLongFormat', () => {
  it('finds the id column with repeated values, the time column and the first numeric target', () => {
    const s = sniff(
      ['month', 'series', 'sales', 'price'],
      ['time', 'text', 'numeric', 'numeric'],
      [
        ['2000-01-01', 'a', '1', '5'],
        ['2000-02-01', 'a', '2', '5'],
        ['2000-01-01', 'b', '3', '6'],
      ],
      'month',
    );
    expect(detectLongFormat(s)).toEqual({
      idColumn: 'series',
      timeColumn: 'month',
      target: 'sales',
      features: ['price'],
    });
  });

  it('a wide file (no repeated id) is not long format; a whole-number id counts when times repeat', () => {
    const wide = sniff(
      ['month', 'a', 'b'],
      ['time', 'numeric', 'numeric'],
      [
        ['2000-01-01', '1', '2'],
        ['2000-02-01', '1', '3'],
      ],
      'month',
    );
    expect(detectLongFormat(wide)).toBeNull();
    expect(wideColumns(wide)).toEqual({ timeColumn: 'month', columns: ['a', 'b'] });
    const numericIds = sniff(
      ['store', 'month', 'units'],
      ['numeric', 'time', 'numeric'],
      [
        ['1', '2000-01-01', '10'],
        ['2', '2000-01-01', '11'],
        ['1', '2000-02-01', '12'],
      ],
      'month',
    );
    expect(detectLongFormat(numericIds)).toEqual({
      idColumn: 'store',
      timeColumn: 'month',
      target: 'units',
      features: [],
    });
  });
});

describe('wideColumns', () => {
  it('needs a time column and two numeric columns besides it', () => {
    const rows = [['2000-01-01', '1', 'x']];
    expect(
      wideColumns(sniff(['month', 'a', 'note'], ['time', 'numeric', 'text'], rows, 'month')),
    ).toBeNull();
    expect(
      wideColumns(sniff(['year', 'a', 'b'], ['numeric', 'numeric', 'numeric'], rows, null)),
    ).toBeNull();
    // A numeric time column (years) is the time, not a series.
    expect(
      wideColumns(sniff(['year', 'a', 'b'], ['numeric', 'numeric', 'numeric'], rows, 'year')),
    ).toEqual({ timeColumn: 'year', columns: ['a', 'b'] });
  });
});
