// Residual (actual − predicted) against the prediction, with the zero line: structure here means
// the errors depend on the level the model predicts.
import { dashedMarkLine, finitePairs, scatterChartOption, themeOf } from './runChartBase';
import type { ChartOption, RunChartStyle } from './runChartBase';

export interface ResidualScatterInput extends RunChartStyle {
  predicted: ArrayLike<number>;
  actual: ArrayLike<number>;
}

export function residualScatterOption(input: ResidualScatterInput): ChartOption {
  const theme = themeOf(input);
  const points = finitePairs(input.predicted, input.actual).map(([p, a]) => [p, a - p]);
  const axes = { x: 'predicted', y: 'residual', yNameGap: 44 };
  return scatterChartOption(input, axes, [
    {
      name: 'residual',
      type: 'scatter',
      symbolSize: 5,
      data: points,
      markLine: dashedMarkLine(theme, [{ yAxis: 0 }]),
    },
  ]);
}
