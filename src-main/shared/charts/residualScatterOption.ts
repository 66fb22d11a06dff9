// Residual (actual − predicted) against the prediction, with the zero line: structure here means
// the errors depend on the level the model predicts.
import {
  baseOption,
  dashedMarkLine,
  themeOf,
  valueAxis,
  type ChartOption,
  type RunChartStyle,
} from './runChartBase';

export interface ResidualScatterInput extends RunChartStyle {
  predicted: ArrayLike<number>;
  actual: ArrayLike<number>;
}

export function residualScatterOption(input: ResidualScatterInput): ChartOption {
  const theme = themeOf(input);
  const points: [number, number][] = [];
  const n = Math.min(input.predicted.length, input.actual.length);
  for (let i = 0; i < n; i++) {
    const p = input.predicted[i] as number;
    const a = input.actual[i] as number;
    if (Number.isFinite(p) && Number.isFinite(a)) points.push([p, a - p]);
  }
  return {
    ...baseOption(input, false),
    tooltip: { trigger: 'item' },
    xAxis: valueAxis(theme, 'predicted', { splitLine: { show: false } }),
    yAxis: valueAxis(theme, 'residual', { nameGap: 44 }),
    series: [
      {
        name: 'residual',
        type: 'scatter',
        symbolSize: 5,
        data: points,
        markLine: dashedMarkLine(theme, [{ yAxis: 0 }]),
      },
    ],
  };
}
