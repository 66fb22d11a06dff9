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
import { detectLongFormat } from './longFormat';
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
    transport.answer('collections:series', {
      id: 'MRM1',
      times: [],
      values: [],
      frequency: 'monthly',
      problems: [],
      error: null,
    });
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
