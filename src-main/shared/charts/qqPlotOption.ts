// Normal Q-Q plot of standardised residuals against normal quantiles, with the y = x line that
// normal residuals would follow.
import {
  baseOption,
  themeOf,
  valueAxis,
  type ChartOption,
  type RunChartStyle,
} from './runChartBase';

export interface QqPlotInput extends RunChartStyle {
  theoretical: ArrayLike<number>;
  /** Sorted standardised residuals, same length as theoretical. */
  sample: ArrayLike<number>;
}

export function qqPlotOption(input: QqPlotInput): ChartOption {
  const theme = themeOf(input);
  const points: [number, number][] = [];
  let lo = Infinity;
  let hi = -Infinity;
  const n = Math.min(input.theoretical.length, input.sample.length);
  for (let i = 0; i < n; i++) {
    const t = input.theoretical[i] as number;
    const s = input.sample[i] as number;
    if (!Number.isFinite(t) || !Number.isFinite(s)) continue;
    points.push([t, s]);
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
  return {
    ...baseOption(input, false),
    tooltip: { trigger: 'item' },
    xAxis: valueAxis(theme, 'normal quantile', { splitLine: { show: false } }),
    yAxis: valueAxis(theme, 'standardised residual', { nameGap: 40 }),
    series: [
      { name: 'residuals', type: 'scatter', symbolSize: 5, data: points },
      {
        name: 'normal reference',
        type: 'line',
        showSymbol: false,
        silent: true,
        lineStyle: { color: theme.axis, type: 'dashed', width: 1 },
        data: reference,
      },
    ],
  };
}
