import { describe, expect, it } from 'vitest';
import type { SeriesWindow } from '../schemas/dataset';
import { transformPreviewOption } from './transformPreviewOption';

const window = (values: (number | null)[]): SeriesWindow => ({
  datasetId: 'ds_0123456789abcdef',
  timeFormat: 'year',
  x: values.map((_, i) => Date.UTC(2000 + i, 0, 1)),
  series: [{ name: 'y (diff)', values }],
  totalPoints: values.length,
  downsampled: false,
  method: 'all points',
});

interface Series {
  name: string;
  data: [number, number | null][];
  markLine?: { data: { yAxis: number }[] };
}

describe('transformPreviewOption', () => {
  it('plots the transformed values against their times, gaps kept as nulls', () => {
    const option = transformPreviewOption({ window: window([null, 2, -1, 3]) });
    const [s] = option.series as Series[];
    expect(s?.name).toBe('y (diff)');
    expect(s?.data).toEqual([
      [Date.UTC(2000, 0, 1), null],
      [Date.UTC(2001, 0, 1), 2],
      [Date.UTC(2002, 0, 1), -1],
      [Date.UTC(2003, 0, 1), 3],
    ]);
    expect((option.xAxis as { type: string }).type).toBe('time');
  });

  it('draws a zero line for values that change sign (differences), none for a log level', () => {
    const [diff] = transformPreviewOption({ window: window([null, 2, -1, 3]) }).series as Series[];
    expect(diff?.markLine?.data).toEqual([{ yAxis: 0 }]);
    // log(112) ≈ 4.72 and log(118) ≈ 4.77: all positive, no zero line.
    const [level] = transformPreviewOption({ window: window([4.72, 4.77]) }).series as Series[];
    expect(level?.markLine).toBeUndefined();
  });
});
