import { describe, expect, it } from 'vitest';
import type { StlResult } from '../schemas/analysis';
import { stlChartOption } from './stlChartOption';

// observed = trend + seasonal + resid at every point, as STL guarantees.
const stl: StlResult = {
  column: 'y',
  period: 2,
  x: [0, 1, 2, 3],
  observed: [11, 9, 13, 11],
  trend: [10, 10.5, 11.5, 12],
  seasonal: [1, -1, 1, -1],
  resid: [0, -0.5, 0.5, 0],
  note: 'STL',
};

interface Series {
  name: string;
  type: string;
  xAxisIndex: number;
  yAxisIndex: number;
  data: [number, number | null][];
}

describe('stlChartOption', () => {
  it('draws observed, trend, seasonal and remainder in four stacked grids', () => {
    const option = stlChartOption({ stl, timeFormat: 'index' });
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['Observed', 'Trend', 'Seasonal', 'Remainder']);
    expect(series.map((s) => s.xAxisIndex)).toEqual([0, 1, 2, 3]);
    expect(series.map((s) => s.yAxisIndex)).toEqual([0, 1, 2, 3]);
    expect((option.grid as unknown[]).length).toBe(4);
    expect(series[3]?.type).toBe('scatter');
  });

  it('pairs each component with its time and keeps the decomposition additive', () => {
    const series = stlChartOption({ stl, timeFormat: 'index' }).series as Series[];
    const [obs, trend, seasonal, resid] = series.map((s) => s.data);
    expect(trend?.[2]).toEqual([2, 11.5]);
    for (let i = 0; i < 4; i++) {
      const sum = (trend?.[i]?.[1] ?? 0) + (seasonal?.[i]?.[1] ?? 0) + (resid?.[i]?.[1] ?? 0);
      expect(sum).toBeCloseTo(obs?.[i]?.[1] ?? NaN, 12);
    }
  });

  it('uses a time axis for calendar data and shows dates only under the last panel', () => {
    const option = stlChartOption({ stl, timeFormat: 'iso-date' });
    const axes = option.xAxis as { type: string; axisLabel: { show: boolean } }[];
    expect(axes.map((a) => a.type)).toEqual(['time', 'time', 'time', 'time']);
    expect(axes.map((a) => a.axisLabel.show)).toEqual([false, false, false, true]);
    expect(
      (stlChartOption({ stl, timeFormat: 'index' }).xAxis as { type: string }[])[0]?.type,
    ).toBe('value');
  });
});
