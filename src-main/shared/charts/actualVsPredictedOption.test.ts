import { describe, expect, it } from 'vitest';
import { actualVsPredictedOption } from './actualVsPredictedOption';
import { seriesNamed, seriesNames } from './runChart.testkit';

// Two windows with horizon 2: window 0 targets times 10, 11; window 1 targets 11, 12.
const test = { times: [10, 11, 11, 12], predicted: [1, 2, 3, 4], horizon: 2 };
const actual = { times: [9, 10, 11, 12], values: [0, 1.5, 2.5, 3.5] };

describe('actualVsPredictedOption', () => {
  it('draws the whole actual series and the chosen horizon step of the predictions', () => {
    const option = actualVsPredictedOption({ actual, test, timeFormat: 'index' });
    expect(seriesNamed(option, 'Actual').data).toEqual([
      [9, 0],
      [10, 1.5],
      [11, 2.5],
      [12, 3.5],
    ]);
    // step 0 takes entries 0 and 2: (10, 1) and (11, 3).
    expect(seriesNamed(option, 'Model').data).toEqual([
      [10, 1],
      [11, 3],
    ]);
    const step2 = actualVsPredictedOption({ actual, test, step: 1, modelName: 'LSTM' });
    // step 1 takes entries 1 and 3: (11, 2) and (12, 4).
    expect(seriesNamed(step2, 'LSTM').data).toEqual([
      [11, 2],
      [12, 4],
    ]);
    expect((option.xAxis as { type: string }).type).toBe('value');
    expect((step2.xAxis as { type: string }).type).toBe('time');
  });

  it('adds baselines, the interval band and the forecast only when given', () => {
    expect(seriesNames(actualVsPredictedOption({ actual, test }))).toEqual(['Actual', 'Model']);
    const option = actualVsPredictedOption({
      actual,
      test,
      baselines: [{ name: 'naive', values: [0, 0, 1.5, 1.5] }],
      interval: { level: 0.9, lower: [0.5, 1, 2, 3], upper: [1.5, 3, 4.5, 5] },
      forecast: { times: [13, 14], values: [5, 6] },
    });
    expect(seriesNamed(option, 'naive').data).toEqual([
      [10, 0],
      [11, 1.5],
    ]);
    expect(seriesNamed(option, 'Forecast').data).toEqual([
      [13, 5],
      [14, 6],
    ]);
    // Band at step 0: lower 0.5 and 2, upper 1.5 and 4.5 → thickness 1 and 2.5, stacked on lower.
    const lower = seriesNamed(option, '90% interval floor');
    const band = seriesNamed(option, '90% interval');
    expect(lower.data).toEqual([
      [10, 0.5],
      [11, 2],
    ]);
    expect(band.data).toEqual([
      [10, 1],
      [11, 2.5],
    ]);
    expect(lower.stack).toBe('interval');
    expect(band.stack).toBe('interval');
    // Names in words; the floor stays out of the legend.
    expect((option.legend as { data: string[] }).data).toEqual([
      '90% interval',
      'Actual',
      'Model',
      'naive',
      'Forecast',
    ]);
  });

  it('leaves a gap where an interval bound is infinite', () => {
    const option = actualVsPredictedOption({
      actual,
      test: { times: [10], predicted: [1], horizon: 1 },
      interval: { level: 0.95, lower: [-Infinity], upper: [Infinity] },
    });
    expect(seriesNamed(option, '95% interval').data).toEqual([[10, null]]);
  });
});
