import { describe, expect, it } from 'vitest';
import { forecastBandsOption } from './forecastBandsOption';
import { seriesNamed, seriesNames } from './runChartTestUtil';

// Two windows of horizon 2 at times [1, 2] and [2, 3].
const test = { times: [1, 2, 2, 3], predicted: [10, 11, 12, 13], horizon: 2 };
const actual = { times: [1, 2, 3], values: [10, 12, 14] };

describe('forecastBandsOption', () => {
  it('stacks each band as a floor plus a layer as thick as the band, widest first', () => {
    const option = forecastBandsOption({
      actual,
      test,
      bands: [
        { level: 0.8, lower: [9, 10, 11, 12], upper: [11, 12, 13, 14] },
        { level: 0.95, lower: [8, 9, 10, 11], upper: [12, 13, 14, 15] },
      ],
    });
    expect(seriesNames(option).slice(0, 4)).toEqual([
      '95% interval lower',
      '95% interval',
      '80% interval lower',
      '80% interval',
    ]);
    // Step 0 keeps indices 0 and 2 (times 1 and 2); 95% width = 12 − 8 = 4 and 14 − 10 = 4.
    expect(seriesNamed(option, '95% interval lower').data).toEqual([
      [1, 8],
      [2, 10],
    ]);
    expect(seriesNamed(option, '95% interval').data).toEqual([
      [1, 4],
      [2, 4],
    ]);
    expect(seriesNamed(option, '80% interval').stack).toBe('test 0.8');
  });

  it('draws forecast bands over every forecast time and keeps the model lines', () => {
    const option = forecastBandsOption({
      actual,
      test,
      step: 1,
      forecast: { times: [4, 5], values: [15, 16] },
      forecastBands: [{ level: 0.95, lower: [13, null], upper: [17, 18] }],
    });
    // 17 − 13 = 4; a missing bound leaves a gap. The future band shares the legend name.
    const future = (option.series as { name: string; stack?: string; data: unknown }[]).find(
      (s) => s.stack === 'future 0.95' && s.name === '95% interval',
    );
    expect(future?.data).toEqual([
      [4, 4],
      [5, null],
    ]);
    // Step 1 keeps indices 1 and 3: (2, 11) and (3, 13).
    expect(seriesNamed(option, 'model').data).toEqual([
      [2, 11],
      [3, 13],
    ]);
    expect(seriesNames(option)).toContain('forecast');
  });
});

describe('forecastBandsOption legend and colours', () => {
  it('leaves the band floors out of the legend and gives the model the first palette colour', () => {
    const option = forecastBandsOption({
      actual,
      test,
      bands: [{ level: 0.95, lower: [8, 9, 10, 11], upper: [12, 13, 14, 15] }],
    });
    const legend = option.legend as { data: string[] };
    expect(legend.data).toEqual(['95% interval', 'actual', 'model']);
    // palette[0] is '#2f6fde' (chartTheme.ts)
    expect(seriesNamed(option, 'model').lineStyle?.color).toBe('#2f6fde');
  });
});
