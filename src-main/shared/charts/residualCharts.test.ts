import { describe, expect, it } from 'vitest';
import { palette } from './chartTheme';
import { qqPlotOption } from './qqPlotOption';
import { residualAcfOption } from './residualAcfOption';
import { residualHistogramOption } from './residualHistogramOption';
import { residualScatterOption } from './residualScatterOption';
import { seriesNamed } from './runChart.testkit';

describe('residualHistogramOption', () => {
  it('puts counts in bars and the normal fit in a line over the same bins', () => {
    const option = residualHistogramOption({
      centres: new Float64Array([-1.5, -0.5, 0.5, 1.5]),
      counts: new Float64Array([1, 3, 4, 2]),
      normalCounts: new Float64Array([1.2, 3.1, 3.6, 2.1]),
    });
    expect((option.xAxis as { data: string[] }).data).toEqual(['-1.5', '-0.5', '0.5', '1.5']);
    expect(seriesNamed(option, 'residuals').data).toEqual([1, 3, 4, 2]);
    expect(seriesNamed(option, 'normal fit').data).toEqual([1.2, 3.1, 3.6, 2.1]);
  });
});

describe('residualScatterOption', () => {
  it('plots actual − predicted against predicted and skips missing pairs', () => {
    const option = residualScatterOption({
      predicted: [10, 20, Number.NaN, 40],
      actual: [12, 17, 5, 40],
    });
    // residuals: 12 − 10 = 2, 17 − 20 = −3, (NaN dropped), 40 − 40 = 0.
    expect(seriesNamed(option, 'residual').data).toEqual([
      [10, 2],
      [20, -3],
      [40, 0],
    ]);
    expect(seriesNamed(option, 'residual').markLine?.data).toEqual([{ yAxis: 0 }]);
  });
});

describe('qqPlotOption', () => {
  it('pairs normal quantiles with sample quantiles and spans the y = x line over both', () => {
    // n = 2: Φ⁻¹(0.25) = −0.6745, Φ⁻¹(0.75) = 0.6745; standardised sample of two points is ±0.7071.
    const option = qqPlotOption({ theoretical: [-0.6745, 0.6745], sample: [-0.7071, 0.7071] });
    expect(seriesNamed(option, 'residuals').data).toEqual([
      [-0.6745, -0.7071],
      [0.6745, 0.7071],
    ]);
    expect(seriesNamed(option, 'normal reference').data).toEqual([
      [-0.7071, -0.7071],
      [0.7071, 0.7071],
    ]);
  });
});

describe('residualAcfOption', () => {
  it('shows lags 1..k and the ±1.96/√n band (n = 100 → 0.196)', () => {
    const option = residualAcfOption({ values: [1, 0.3, -0.1], band: 1.959964 / 10 });
    expect(seriesNamed(option, 'correlation').data).toEqual([
      { value: 0.3, itemStyle: { color: palette[0] } },
      { value: -0.1, itemStyle: expect.any(Object) as unknown },
    ]);
    expect(seriesNamed(option, 'band upper').data).toEqual([0.1959964, 0.1959964]);
    expect((option.title as { subtext: string }).subtext).toContain('1.96/√n');
  });
});
