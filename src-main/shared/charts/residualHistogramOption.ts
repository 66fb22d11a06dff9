// Residual histogram with the fitted normal density scaled to counts.
import { baseOption, categoryAxis, finite, themeOf, valueAxis } from './runChartBase';
import type { ChartOption, RunChartStyle } from './runChartBase';

export interface ResidualHistogramInput extends RunChartStyle {
  centres: ArrayLike<number>;
  counts: ArrayLike<number>;
  /** Normal fit at each centre in count units (n · width · φ). */
  normalCounts: ArrayLike<number>;
}

const label = (v: number): string => String(Number(v.toPrecision(3)));

export function residualHistogramOption(input: ResidualHistogramInput): ChartOption {
  const theme = themeOf(input);
  const n = input.centres.length;
  const centres = Array.from({ length: n }, (_, i) => input.centres[i] as number);
  return {
    ...baseOption(input, true),
    xAxis: categoryAxis(theme, 'residual', centres.map(label), 26),
    yAxis: valueAxis(theme, 'count', { scale: false, nameGap: 40 }),
    series: [
      {
        name: 'residuals',
        type: 'bar',
        barCategoryGap: '4%',
        data: Array.from({ length: n }, (_, i) => finite(input.counts[i])),
      },
      {
        name: 'normal fit',
        type: 'line',
        smooth: true,
        showSymbol: false,
        data: Array.from({ length: n }, (_, i) => finite(input.normalCounts[i])),
      },
    ],
  };
}
