import { describe, expect, it } from 'vitest';
import type { CollectionSeriesResult } from '../schemas/collection';
import { darkTheme, lightTheme } from './chartTheme';
import { collectionForecastOption } from './collectionChartOption';

const path = (test: number[], forecast: number[]) => ({
  label: 'x',
  test,
  forecast,
  smape: null,
  mase: null,
});
const result: CollectionSeriesResult = {
  id: 'MRM1',
  length: 8,
  frequency: 'monthly',
  testTimes: ['2000-05', '2000-06'],
  futureTimes: ['2000-07', '2000-08'],
  historyTimes: ['2000-01', '2000-02', '2000-03', '2000-04'],
  history: [1, 2, 3, 4],
  actual: [5, 6],
  paths: { global: path([5.5, 6.5], [7, 8]), ets: path([5, 5], [6, 6]) },
  failures: {},
  error: null,
};

interface Line {
  name: string;
  lineStyle: { color: string };
  itemStyle: { color: string };
}

describe('a collection run series chart', () => {
  for (const theme of [lightTheme, darkTheme])
    it(`draws the test-part forecasts and the forecast past the end in colours of their own, matching their legend entries (${theme.background})`, () => {
      const lines = collectionForecastOption(result, ['global', 'ets'], theme).series as Line[];
      expect(lines.map((l) => l.name)).toEqual([
        'Actual',
        'Global network on the test part',
        'ETS on the test part',
        'Global network past the end',
      ]);
      // The legend draws each entry in its line's item colour.
      for (const l of lines) expect(l.itemStyle.color).toBe(l.lineStyle.color);
      const colours = lines.map((l) => l.lineStyle.color);
      expect(new Set(colours).size).toBe(4);
      expect(colours[0]).toBe(theme.text);
    });
});
