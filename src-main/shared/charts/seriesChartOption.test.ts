import { describe, expect, it } from 'vitest';
import type { SeriesWindow } from '../schemas/dataset';
import { seriesChartOption } from './seriesChartOption';

type Series = {
  name: string;
  data: [number, number | null][];
  tooltip: { valueFormatter: (v: unknown, i: number) => string };
};
type Axis = { axisLine: { onZero: boolean }; name?: string };

const window = (series: SeriesWindow['series'], x: number[]): SeriesWindow => ({
  datasetId: 'ds_1',
  timeFormat: 'index',
  x,
  series,
  totalPoints: x.length,
  downsampled: false,
  method: 'all points',
});

describe('seriesChartOption', () => {
  it('an index axis spanning year 0 draws no axis line at 0', () => {
    const option = seriesChartOption({
      window: window([{ name: 'level', values: [3, -1, 2] }], [-100, 0, 100]),
    });
    expect((option.xAxis as Axis).axisLine.onZero).toBe(false);
    expect((option.yAxis as Axis).axisLine.onZero).toBe(false);
  });

  it('tooltips give the value as recorded, rounded to its precision', () => {
    const option = seriesChartOption({
      window: window([{ name: 'x', values: [57.68036781448685, 12.5, null] }], [1, 2, 3]),
    });
    const [s] = option.series as Series[];
    expect(s?.tooltip.valueFormatter(57.68036781448685, 0)).toBe('57.68');
    expect(s?.tooltip.valueFormatter(null, 2)).toBe('–');
  });

  it('standardised, each column is drawn as z-scores and the tooltip keeps the recorded value', () => {
    const option = seriesChartOption({
      window: window(
        [
          { name: 'small', values: [1, 2, 3] },
          { name: 'large', values: [1000, 2000, 3000] },
        ],
        [1, 2, 3],
      ),
      standardise: true,
    });
    const [small, large] = option.series as Series[];
    expect(small?.data).toEqual([
      [1, -1],
      [2, 0],
      [3, 1],
    ]);
    expect(large?.data).toEqual(small?.data);
    expect(large?.tooltip.valueFormatter(1, 2)).toBe('3,000 (1.00 sd)');
    expect((option.yAxis as Axis).name).toBe('standardised (sd from the mean)');
  });

  it('a single column is never standardised', () => {
    const option = seriesChartOption({
      window: window([{ name: 'x', values: [1, 2, 3] }], [1, 2, 3]),
      standardise: true,
    });
    expect((option.series as Series[])[0]?.data).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });
});
