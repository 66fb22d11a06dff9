import { describe, expect, it } from 'vitest';
import { seriesNamed, seriesNames } from './runChart.testkit';
import { trainingCurvesOption } from './trainingCurvesOption';

const epochs = [
  { epoch: 0, loss: 0.5, valLoss: 0.6 },
  { epoch: 1, loss: 0.3, valLoss: 0.4 },
  { epoch: 2, loss: 0.2, valLoss: 0.45 },
];

describe('trainingCurvesOption', () => {
  it('plots loss and validation loss against 1-based epochs', () => {
    const option = trainingCurvesOption({ epochs, bestEpoch: 1 });
    expect(seriesNamed(option, 'loss').data).toEqual([
      [1, 0.5],
      [2, 0.3],
      [3, 0.2],
    ]);
    expect(seriesNamed(option, 'validation loss').data).toEqual([
      [1, 0.6],
      [2, 0.4],
      [3, 0.45],
    ]);
  });

  it('marks the best epoch on the validation curve (epoch index 1 → shown as 2, val loss 0.4)', () => {
    const val = seriesNamed(trainingCurvesOption({ epochs, bestEpoch: 1 }), 'validation loss');
    expect(val.markPoint?.data[0]?.coord).toEqual([2, 0.4]);
    expect(val.markLine?.data[0]).toEqual({ xAxis: 2 });
  });

  it('marks the training curve when there is no validation part, and turns NaN into gaps', () => {
    const noVal = [
      { epoch: 0, loss: 1, valLoss: null },
      { epoch: 1, loss: Number.NaN, valLoss: null },
    ];
    const option = trainingCurvesOption({ epochs: noVal, bestEpoch: 0 });
    expect(seriesNames(option)).toEqual(['loss']);
    const loss = seriesNamed(option, 'loss');
    expect(loss.data).toEqual([
      [1, 1],
      [2, null],
    ]);
    expect(loss.markPoint?.data[0]?.coord).toEqual([1, 1]);
  });

  it('has no marker when no epoch was kept', () => {
    const option = trainingCurvesOption({ epochs, bestEpoch: null });
    expect(seriesNamed(option, 'validation loss').markPoint).toBeUndefined();
  });

  it('is plain JSON (the report and the IPC boundary rely on it)', () => {
    const option = trainingCurvesOption({ epochs, bestEpoch: 2, title: 'Training' });
    expect(JSON.parse(JSON.stringify(option))).toEqual(JSON.parse(JSON.stringify(option)));
    expect(JSON.stringify(option)).not.toContain('function');
  });
});
