// Normal Q-Q plot of standardised residuals against normal quantiles, with the y = x line that
// normal residuals would follow.
import { finitePairs, scatterChartOption, themeOf } from './runChartBase';
import type { ChartOption, RunChartStyle } from './runChartBase';

export interface QqPlotInput extends RunChartStyle {
  theoretical: ArrayLike<number>;
  /** Sorted standardised residuals, same length as theoretical. */
  sample: ArrayLike<number>;
}

export function qqPlotOption(input: QqPlotInput): ChartOption {
  const theme = themeOf(input);
  const points = finitePairs(input.theoretical, input.sample);
  let lo = Infinity;
  let hi = -Infinity;
  for (const [t, s] of points) {
    lo = Math.min(lo, t, s);
    hi = Math.max(hi, t, s);
  }
  const reference =
    points.length > 0
      ? [
          [lo, lo],
          [hi, hi],
        ]
      : [];
  const axes = { x: 'normal quantile', y: 'standardised residual', yNameGap: 40 };
  return scatterChartOption(input, axes, [
    { name: 'residuals', type: 'scatter', symbolSize: 5, data: points },
    {
      name: 'normal reference',
      type: 'line',
      showSymbol: false,
      silent: true,
      lineStyle: { color: theme.axis, type: 'dashed', width: 1 },
      data: reference,
    },
  ]);
}
