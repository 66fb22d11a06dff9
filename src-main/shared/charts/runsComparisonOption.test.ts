import { describe, expect, it } from 'vitest';
import { seriesNamed, seriesNames } from './runChart.testkit';
import { runsComparisonOption } from './runsComparisonOption';

const a = {
  name: 'A',
  epochs: [{ epoch: 0, loss: 1, valLoss: 2 }],
  predictions: { times: [5, 6], values: [1, 2] },
};
const b = {
  name: 'B',
  epochs: [
    { epoch: 0, loss: 3, valLoss: null },
    { epoch: 1, loss: 2, valLoss: null },
  ],
};

describe('runsComparisonOption', () => {
  it('overlays loss curves per run, validation only where recorded', () => {
    const option = runsComparisonOption({ mode: 'loss', runs: [a, b] });
    expect(seriesNames(option)).toEqual(['A loss', 'A validation loss', 'B loss']);
    expect(seriesNamed(option, 'B loss').data).toEqual([
      [1, 3],
      [2, 2],
    ]);
    expect(seriesNamed(option, 'A validation loss').data).toEqual([[1, 2]]);
    // One colour per run for both of its curves.
    expect(seriesNamed(option, 'A loss').lineStyle?.color).toBe(
      seriesNamed(option, 'A validation loss').lineStyle?.color,
    );
    expect(seriesNamed(option, 'A loss').lineStyle?.color).not.toBe(
      seriesNamed(option, 'B loss').lineStyle?.color,
    );
  });

  it('overlays predictions over the actual series, skipping runs without any', () => {
    const option = runsComparisonOption({
      mode: 'predictions',
      runs: [a, b],
      actual: { times: [4, 5, 6], values: [0, 1.5, 2.5] },
      timeFormat: 'index',
    });
    expect(seriesNames(option)).toEqual(['Actual', 'A']);
    expect(seriesNamed(option, 'A').data).toEqual([
      [5, 1],
      [6, 2],
    ]);
    expect(seriesNamed(option, 'Actual').data).toEqual([
      [4, 0],
      [5, 1.5],
      [6, 2.5],
    ]);
  });
});
