import { describe, expect, it } from 'vitest';
import { lagImportanceOption } from './lagImportanceOption';
import { seriesNamed } from './runChart.testkit';
import { sensitivityHeatmapOption } from './sensitivityHeatmapOption';

// 2 windows × lookback 3 × 2 features, effect[(w·3 + p)·2 + f].
// window 0: p0 (f0 1, f1 −1), p1 (2, 0), p2 (3, 0.5); window 1: p0 (−4, 1), p1 (0, 0), p2 (1, 0.5).
const effect = [1, -1, 2, 0, 3, 0.5, -4, 1, 0, 0, 1, 0.5];
const shape = { windows: 2, lookback: 3, features: 2 };
type Cell = { value: [number, number, number]; name: string };

describe('sensitivityHeatmapOption', () => {
  it('lays windows × lags out with oldest lag first and a symmetric colour scale', () => {
    const option = sensitivityHeatmapOption({
      effect,
      shape,
      view: 'windows-lags',
      featureNames: ['passengers', 'temp'],
      windowTimes: [Date.UTC(1950, 0, 1), Date.UTC(1950, 1, 1)],
      timeFormat: 'year-month',
    });
    expect((option.xAxis as { data: string[] }).data).toEqual(['t−3', 't−2', 't−1']);
    expect((option.yAxis as { data: string[] }).data).toEqual(['1950-01', '1950-02']);
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true);
    const data = seriesNamed(option, 'Δ').data as Cell[];
    expect(data.map((c) => c.value)).toEqual([
      [0, 0, 1],
      [1, 0, 2],
      [2, 0, 3],
      [0, 1, -4],
      [1, 1, 0],
      [2, 1, 1],
    ]);
    // Largest |Δ| for feature 0 is 4.
    expect(option.visualMap).toMatchObject({ min: -4, max: 4 });
    expect(data[3]?.name).toBe('window 1950-02 · lag t−3 · passengers · Δ -4');
  });

  it('shows another feature on request', () => {
    const option = sensitivityHeatmapOption({ effect, shape, view: 'windows-lags', feature: 1 });
    const data = seriesNamed(option, 'Δ').data as Cell[];
    expect(data.map((c) => c.value[2])).toEqual([-1, 0, 0.5, 1, 0, 0.5]);
    expect(data[0]?.name).toBe('window #0 · lag t−3 · feature 1 · Δ -1');
  });

  it('averages the signed effect over windows for features × lags', () => {
    const option = sensitivityHeatmapOption({ effect, shape, view: 'features-lags' });
    const data = seriesNamed(option, 'Δ').data as Cell[];
    // f0: (1 − 4)/2 = −1.5, (2 + 0)/2 = 1, (3 + 1)/2 = 2; f1: 0, 0, 0.5.
    expect(data.map((c) => c.value)).toEqual([
      [0, 0, -1.5],
      [1, 0, 1],
      [2, 0, 2],
      [0, 1, 0],
      [1, 1, 0],
      [2, 1, 0.5],
    ]);
    expect(option.visualMap).toMatchObject({ min: -2, max: 2 });
  });
});

describe('lagImportanceOption', () => {
  it('draws one bar per lag, oldest first', () => {
    const option = lagImportanceOption({ meanAbsPerLag: new Float64Array([0.1, 0.2, 0.7]) });
    expect((option.xAxis as { data: string[] }).data).toEqual(['t−3', 't−2', 't−1']);
    expect(seriesNamed(option, 'mean |Δ|').data).toEqual([0.1, 0.2, 0.7]);
  });
});
