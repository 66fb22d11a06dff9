import { describe, expect, it } from 'vitest';
import { inferFrequency } from '../csv/inferFrequency';
import {
  aggregate,
  assemble,
  conformalQuantiles,
  futureTimes,
  metaOf,
  methodsFor,
  rowsOf,
  type SeriesResult,
} from './batch';

const monthly = (id: string, values: number[]) => {
  const times = Float64Array.from(values, (_, t) => Date.UTC(2020, t, 1));
  return metaOf(
    {
      id,
      values: Float64Array.from(values),
      times,
      frequency: inferFrequency(times, 'iso-date'),
      timeFormat: 'iso-date',
      problems: [],
      error: null,
    },
    2,
  );
};

describe('batch assembly', () => {
  it('plans the methods each model needs', () => {
    expect(methodsFor('auto', 'monthly', true)).toEqual({
      methods: ['ets', 'theta'],
      global: true,
    });
    expect(methodsFor('auto', 'monthly', false)).toEqual({
      methods: ['ets', 'theta', 'local'],
      global: false,
    });
    expect(methodsFor('auto', null, false)).toEqual({ methods: ['ets', 'theta'], global: false });
    expect(methodsFor('global', 'yearly', true)).toEqual({ methods: [], global: true });
    expect(methodsFor('arima', 'yearly', true)).toEqual({ methods: ['arima'], global: false });
  });

  it('keeps the last h values as the test part and dates the forecast past the end', () => {
    const meta = monthly('a', [1, 2, 4, 7, 11, 16]);
    expect(meta.test).toEqual([11, 16]);
    expect(meta.testScale).toBe(2); // mean |Δ| of 1, 2, 4, 7 (n ≤ m, so lag 1)
    expect(meta.allScale).toBe(3);
    expect(futureTimes(meta, 3)).toEqual(['2020-07-01', '2020-08-01', '2020-09-01']);
  });

  it('combines global, ETS and Theta by the median and scores the test paths', () => {
    const meta = monthly('a', [10, 10, 10, 10, 10, 10]);
    const r = assemble(
      meta,
      'combination',
      {
        id: 'a',
        paths: {
          ets: { label: 'ETS(A,N,N)', test: [9, 12], forecast: [1, 2], bands: null },
          theta: { label: 'Theta', test: [11, 14], forecast: [3, 8], bands: null },
        },
        failures: {},
      },
      { test: Float64Array.from([10, 10]), forecast: Float64Array.from([2, 5]) },
      null,
    );
    expect(r.model).toBe('combination');
    expect(r.paths.combination?.test).toEqual([10, 12]);
    expect(r.paths.combination?.forecast).toEqual([2, 5]);
    expect(r.label).toBe('median of global network, ETS(A,N,N), Theta');
  });

  it('gives a failed series one row saying why', () => {
    const meta = { ...monthly('x,1', [1, 2, 3, 4]), error: 'no rows' };
    const r = assemble(meta, 'ets', null, null, null);
    expect(rowsOf(r, 2, new Map())).toEqual(['"x,1",,,,,,,failed: no rows']);
  });

  it('calibrates intervals on the scaled test errors across the collection', () => {
    const results: SeriesResult[] = Array.from({ length: 20 }, (_, i) => {
      // Test errors |y − f| / scale = i / 10 at both steps (scale 1: steps of 1).
      const meta = monthly(`s${i}`, [1, 2, 3, 4, 5 + i / 10, 6 + i / 10]);
      return assemble(
        meta,
        'global',
        null,
        { test: Float64Array.from([5, 6]), forecast: Float64Array.from([7, 8]) },
        null,
      );
    });
    const q = conformalQuantiles(results).get('monthly');
    // ceil(21·0.8) = 17th and ceil(21·0.95) = 20th smallest of 0, 0.1, …, 1.9.
    expect(q?.series).toBe(20);
    expect(q?.q80.map((v) => Number(v.toFixed(10)))).toEqual([1.6, 1.6]);
    expect(q?.q95.map((v) => Number(v.toFixed(10)))).toEqual([1.9, 1.9]);
    const first = results[0] as SeriesResult;
    // all-rows scale of 1, 2, 3, 4, 5, 6 is 1.
    expect(rowsOf(first, 2, conformalQuantiles(results))[0]).toBe(
      's0,2020-07-01,7,5.4,8.6,5.1,8.9,global',
    );
    const agg = aggregate(results);
    expect(agg.series).toBe(20);
    let expected = 0;
    for (let i = 0; i < 20; i++)
      expected += ((200 * i) / 10 / (10 + i / 10) + (200 * i) / 10 / (12 + i / 10)) / 2 / 20;
    expect(agg.smape).toBeCloseTo(expected, 12);
    expect(agg.mase).toBeCloseTo(0.95, 12);
  });
});
