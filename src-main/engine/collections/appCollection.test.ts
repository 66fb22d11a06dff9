import { describe, expect, it } from 'vitest';
import { scratchFiles } from '../csv/scratchFiles.testkit';
import {
  aggregateScores,
  fitCollection,
  indexCollection,
  naivePaths,
  seriesData,
  sparkline,
} from './appCollection';

const file = scratchFiles('app-collection-');
const month = (k: number) =>
  `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
const layout = { idColumn: 'id', timeColumn: 'date', target: 'value' };

/** a: 10 + k; b: 20 + 2k; c: 30 + k + (k mod 12), k = 0..29 monthly; d: a conflicting duplicate. */
function collectionFile(): string {
  const rows = ['id,date,value'];
  for (let k = 0; k < 30; k++) rows.push(`a,${month(k)},${10 + k}`);
  for (let k = 0; k < 30; k++) rows.push(`b,${month(k)},${20 + 2 * k}`);
  for (let k = 0; k < 30; k++) rows.push(`c,${month(k)},${30 + k + (k % 12)}`);
  rows.push(`d,${month(0)},1`, `d,${month(1)},2`, `d,${month(1)},3`);
  return file('sales.csv', rows.join('\n'));
}

describe('collection summary', () => {
  it('sparkline: means of 48 equal slices, or the values themselves', () => {
    const values = Array.from({ length: 96 }, (_, i) => i + 1);
    expect(sparkline(values)).toEqual(Array.from({ length: 48 }, (_, k) => 2 * k + 1.5));
    expect(sparkline([3, 1, 2])).toEqual([3, 1, 2]);
  });

  it('lists every series with its own length, frequency, times and problems', async () => {
    const { summary, index } = await indexCollection(collectionFile(), layout);
    expect(summary.rows).toBe(93);
    const listed = summary.series.map((s) => [s.id, s.length, s.frequency, s.seasonalPeriod]);
    expect(listed.slice(0, 3)).toEqual([
      ['a', 30, 'monthly', 12],
      ['b', 30, 'monthly', 12],
      ['c', 30, 'monthly', 12],
    ]);
    // d cannot be read (its error is below): its id and no values, whatever its frequency says.
    expect(listed.slice(3).map((row) => row.slice(0, 2))).toEqual([['d', 0]]);
    const a = summary.series[0];
    expect([a?.firstTime, a?.lastTime]).toEqual(['2000-01-01', '2002-06-01']);
    expect(a?.sparkline).toEqual(Array.from({ length: 30 }, (_, k) => 10 + k));
    const d = summary.series[3];
    expect(d?.error).toBe(
      '1 time has conflicting rows: 2000-02-01: sales.csv row 93 (2) and row 94 (3)',
    );
    expect(d?.sparkline).toEqual([]);
    const b = seriesData(index, 'b');
    expect(b.values.slice(0, 3)).toEqual([20, 22, 24]);
    expect(b.times.slice(-1)).toEqual(['2002-06-01']);
  });

  it('names the file and the missing column', async () => {
    await expect(
      indexCollection(collectionFile(), { ...layout, idColumn: 'store' }),
    ).rejects.toThrow('sales.csv has no id column "store" (columns: id, date, value)');
  });
});

describe('naive forecasts', () => {
  it('repeat the last value, and the last season', () => {
    const values = Float64Array.from({ length: 14 }, (_, i) => i + 1);
    expect(naivePaths(values, 4, 6)).toEqual({
      naive: [14, 14, 14, 14, 14, 14],
      snaive: [11, 12, 13, 14, 11, 12],
    });
  });
});

describe('aggregate', () => {
  it('means over series every method scored, and the share each wins (ties count for both)', () => {
    const agg = aggregateScores([
      { global: { smape: 10, mase: 1 }, ets: { smape: 20, mase: 2 } },
      { global: { smape: 30, mase: 3 }, ets: { smape: 30, mase: 1 } },
      { global: { smape: 50, mase: 0.5 }, ets: { smape: 10, mase: 0.5 } },
      // Not compared: ETS has no MASE here.
      { global: { smape: 1, mase: 1 }, ets: { smape: 1, mase: null } },
    ]);
    expect(agg.compared).toBe(3);
    expect(agg.methods).toEqual([
      { method: 'global', smape: 30, mase: 1.5, wins: 2 / 3 },
      { method: 'ets', smape: 20, mase: 3.5 / 3, wins: 2 / 3 },
    ]);
  });
});

describe('global-model run', () => {
  it('trains one network over the collection and scores every series like a single run', async () => {
    const { index } = await indexCollection(collectionFile(), layout);
    const fractions: number[] = [];
    const run = await fitCollection(
      index,
      { horizon: 3, cell: 'gru', epochs: 2, ensemble: 1, local: false, arima: false },
      { signal: new AbortController().signal, progress: (f) => fractions.push(f) },
    );
    expect(run.seriesCount).toBe(4);
    expect(run.global).toMatchObject({
      frequencyClass: 'monthly',
      seriesTrained: 3,
      epochs: 2,
      note: null,
    });
    const [a, b, c, d] = run.series;
    // a = 10 + k: the test part is 37, 38, 39; the naive forecast from the first 27 values is 36.
    expect(a?.actual).toEqual([37, 38, 39]);
    expect(a?.testTimes).toEqual(['2002-04-01', '2002-05-01', '2002-06-01']);
    expect(a?.futureTimes).toEqual(['2002-07-01', '2002-08-01', '2002-09-01']);
    expect(a?.history).toEqual(Array.from({ length: 9 }, (_, i) => 28 + i));
    expect(a?.paths.naive?.test).toEqual([36, 36, 36]);
    expect(a?.paths.naive?.forecast).toEqual([39, 39, 39]);
    // MASE scale: |x_t − x_{t−12}| = 12 on the first 27 values.
    expect(a?.paths.naive?.mase).toBeCloseTo((1 + 2 + 3) / 3 / 12, 12);
    expect(a?.paths.naive?.smape).toBeCloseTo((200 * (1 / 73 + 2 / 74 + 3 / 75)) / 3, 12);
    // Seasonal naive: the values 12 months earlier, 25, 26, 27: every error 12.
    expect(a?.paths.snaive?.test).toEqual([25, 26, 27]);
    expect(a?.paths.snaive?.mase).toBeCloseTo(1, 12);
    expect(a?.paths.snaive?.smape).toBeCloseTo((200 * (12 / 62 + 12 / 64 + 12 / 66)) / 3, 12);
    // b = 20 + 2k: test 74, 76, 78 against the naive 72; scale 24.
    expect(b?.paths.naive?.mase).toBeCloseTo((2 + 4 + 6) / 3 / 24, 12);
    for (const s of [a, b, c]) {
      expect(Object.keys(s?.paths ?? {}).sort()).toEqual([
        'ets',
        'global',
        'naive',
        'snaive',
        'theta',
      ]);
      expect(s?.paths.global?.test).toHaveLength(3);
      expect(s?.paths.global?.forecast).toHaveLength(3);
      expect(s?.paths.global?.label).toBe('global GRU (one seed)');
    }
    expect(d?.error).toBe(
      '1 time has conflicting rows: 2000-02-01: sales.csv row 93 (2) and row 94 (3)',
    );
    expect(d?.paths).toEqual({});
    expect(run.compared).toBe(3);
    expect(run.aggregate.map((m) => m.method)).toEqual([
      'global',
      'ets',
      'theta',
      'naive',
      'snaive',
    ]);
    const naive = run.aggregate.find((m) => m.method === 'naive');
    const c3 = c?.paths.naive?.smape as number;
    expect(naive?.smape).toBeCloseTo(
      ((a?.paths.naive?.smape as number) + (b?.paths.naive?.smape as number) + c3) / 3,
      12,
    );
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
  }, 300_000);

  it('stops with AbortError when cancelled', async () => {
    const { index } = await indexCollection(collectionFile(), layout);
    const ctl = new AbortController();
    ctl.abort();
    await expect(
      fitCollection(
        index,
        { horizon: 3, cell: 'lstm', epochs: 1, ensemble: 1, local: false, arima: false },
        { signal: ctl.signal, progress: () => {} },
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
