import { describe, expect, it } from 'vitest';
import { residualsOverTimeOption } from './residualsOverTimeOption';
import { seriesNamed } from './runChart.testkit';

describe('residualsOverTimeOption', () => {
  it('pairs times with residuals, turns NaN into gaps and draws the zero line', () => {
    const option = residualsOverTimeOption({ times: [1, 2, 3], residuals: [0.5, Number.NaN, -1] });
    const s = seriesNamed(option, 'residual');
    expect(s.data).toEqual([
      [1, 0.5],
      [2, null],
      [3, -1],
    ]);
    expect(s.markLine?.data).toEqual([{ yAxis: 0 }]);
  });
});
