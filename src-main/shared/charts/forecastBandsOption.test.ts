import { describe, expect, it } from 'vitest';
import { forecastBandsOption } from './forecastBandsOption';
import { seriesNamed, seriesNames } from './runChart.testkit';

// Two windows of horizon 2 at times [1, 2] and [2, 3].
const test = { times: [1, 2, 2, 3], predicted: [10, 11, 12, 13], horizon: 2 };
const actual = { times: [1, 2, 3], values: [10, 12, 14] };
// An 80% band inside a 95% one.
const nestedBands = [
  { level: 0.8, lower: [9, 10, 11, 12], upper: [11, 12, 13, 14] },
  { level: 0.95, lower: [8, 9, 10, 11], upper: [12, 13, 14, 15] },
];

describe('forecastBandsOption', () => {
  it('stacks each band as a floor plus a layer as thick as the band, widest first', () => {
    const option = forecastBandsOption({ actual, test, bands: nestedBands });
    expect(seriesNames(option).slice(0, 4)).toEqual([
      '95% interval floor',
      '95% interval',
      '80% interval floor',
      '80% interval',
    ]);
    // Step 0 keeps indices 0 and 2 (times 1 and 2); 95% width = 12 − 8 = 4 and 14 − 10 = 4.
    expect(seriesNamed(option, '95% interval floor').data).toEqual([
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
    expect(seriesNamed(option, 'Model').data).toEqual([
      [2, 11],
      [3, 13],
    ]);
    expect(seriesNames(option)).toContain('Forecast');
  });
});

describe('forecastBandsOption legend and colours', () => {
  it('leaves the band floors out of the legend and gives the model the first palette colour', () => {
    const option = forecastBandsOption({
      actual,
      test,
      bands: [{ level: 0.95, lower: [8, 9, 10, 11], upper: [12, 13, 14, 15] }],
    });
    const legend = option.legend as { data: unknown[] };
    // The only band: the theme's band colour (47, 111, 222) at 0.13 over white, as one opaque
    // colour: 255 − 208·0.13 = 227.96, 255 − 144·0.13 = 236.28, 255 − 33·0.13 = 250.71.
    expect(legend.data).toEqual([
      { name: '95% interval', icon: 'rect', itemStyle: { color: 'rgb(228, 236, 251)' } },
      'Actual',
      'Model',
    ]);
    // palette[0] is '#2f6fde' (chartTheme.ts)
    expect(seriesNamed(option, 'Model').lineStyle?.color).toBe('#2f6fde');
  });

  it('gives nested bands opaque fills, the legend the very same colours', () => {
    const option = forecastBandsOption({ actual, test, bands: nestedBands });
    const legend = option.legend as { data: { name?: string; itemStyle?: { color: string } }[] };
    // 95%: 0.13 → rgb(228, 236, 251); 80%: 1 − 0.87·0.8 = 0.304 → 255 − 208·0.304 = 191.77,
    // 255 − 144·0.304 = 211.22, 255 − 33·0.304 = 244.97.
    expect(legend.data[0]?.itemStyle?.color).toBe('rgb(228, 236, 251)');
    expect(legend.data[1]?.itemStyle?.color).toBe('rgb(192, 211, 245)');
    const fill80 = seriesNamed(option, '80% interval') as { areaStyle?: { color: string } };
    expect(fill80.areaStyle?.color).toBe('rgb(192, 211, 245)');
  });

  it('draws other methods and the ensemble members beside the forecast, named in words', () => {
    const option = forecastBandsOption({
      actual,
      test,
      forecast: { times: [4, 5], values: [15, 16] },
      forecastName: 'Model forecast',
      peers: [
        { name: 'ETS(M,Ad,M) forecast', values: [14, 15] },
        { name: 'Theta forecast', values: [15.5, null] },
      ],
      members: {
        name: 'Ensemble members (3)',
        paths: [
          [14, 15],
          [15, 16],
          [16, 18],
        ],
      },
    });
    expect(seriesNamed(option, 'ETS(M,Ad,M) forecast').data).toEqual([
      [4, 14],
      [5, 15],
    ]);
    expect(seriesNamed(option, 'Theta forecast').data).toEqual([
      [4, 15.5],
      [5, null],
    ]);
    const members = seriesNames(option).filter((n) => n === 'Ensemble members (3)');
    expect(members).toHaveLength(3);
    expect((option.legend as { data: unknown[] }).data).toEqual([
      'Actual',
      'Model',
      'Model forecast',
      'Ensemble members (3)',
      'ETS(M,Ad,M) forecast',
      'Theta forecast',
    ]);
    // Model, forecast, then the peers take the next palette colours: #17a398, #f3a712.
    expect(seriesNamed(option, 'ETS(M,Ad,M) forecast').lineStyle?.color).toBe('#17a398');
    expect(seriesNamed(option, 'Theta forecast').lineStyle?.color).toBe('#f3a712');
  });

  it('starts the time axis where asked', () => {
    const option = forecastBandsOption({ actual, test, xMin: 2 });
    expect((option.xAxis as { min?: number }).min).toBe(2);
    // Visible from time 2: actual 12, 14 and model step 0 at time 2: 12 → span 12..14, 5% pad 0.1.
    expect(option.yAxis).toMatchObject({ min: 11.9, max: 14.1 });
    expect((forecastBandsOption({ actual, test }).xAxis as { min?: number }).min).toBeUndefined();
  });

  it('leaves peers and members out without a forecast', () => {
    const option = forecastBandsOption({
      actual,
      test,
      peers: [{ name: 'Theta forecast', values: [1] }],
      members: { name: 'Ensemble members (1)', paths: [[1]] },
    });
    expect(seriesNames(option)).toEqual(['Actual', 'Model']);
  });
});
