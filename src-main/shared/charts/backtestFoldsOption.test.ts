import { describe, expect, it } from 'vitest';
import { backtestFoldsOption } from './backtestFoldsOption';
import { seriesNamed, seriesNames } from './runChart.testkit';

describe('backtestFoldsOption', () => {
  const option = backtestFoldsOption({
    actual: { times: [1, 2, 3, 4, 5], values: [1, 2, 3, 4, 5] },
    folds: [
      {
        index: 0,
        times: [3, 4],
        predicted: [2.5, 3.5],
        interval95: { lower: [2, 3], upper: [3, 5] },
      },
      { index: 1, times: [5], predicted: [4.5], interval95: null },
    ],
  });

  it('draws one forecast line per fold, numbered from 1', () => {
    expect(seriesNamed(option, 'Fold 1').data).toEqual([
      [3, 2.5],
      [4, 3.5],
    ]);
    expect(seriesNamed(option, 'Fold 2').data).toEqual([[5, 4.5]]);
  });

  it('marks each origin at its first forecast time and stacks the 95% band', () => {
    expect(seriesNamed(option, 'Actual').markLine?.data).toEqual([{ xAxis: 3 }, { xAxis: 5 }]);
    // widths 3 − 2 = 1 and 5 − 3 = 2
    expect(seriesNamed(option, 'Fold 1 95% interval').data).toEqual([
      [3, 1],
      [4, 2],
    ]);
    expect(seriesNames(option)).not.toContain('fold 2 95%');
    expect((option.legend as { data: string[] }).data).toEqual(['Actual', 'Fold 1', 'Fold 2']);
  });
});
