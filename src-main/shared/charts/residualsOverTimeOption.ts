// Residuals in time order around a zero line: runs of one sign or a drifting level show what the
// model keeps missing.
import { dashedMarkLine, themeOf, timeChartOption, timedPoints, valueAxis } from './runChartBase';
import type { ChartOption, TimeChartStyle } from './runChartBase';

export interface ResidualsOverTimeInput extends TimeChartStyle {
  times: ArrayLike<number>;
  residuals: ArrayLike<number | null>;
}

export function residualsOverTimeOption(input: ResidualsOverTimeInput): ChartOption {
  const theme = themeOf(input);
  const data = timedPoints(input.times, input.residuals);
  const line = {
    name: 'residual',
    type: 'line',
    showSymbol: true,
    symbolSize: 4,
    lineStyle: { width: 1 },
    data,
    markLine: dashedMarkLine(theme, [{ yAxis: 0 }]),
  };
  return timeChartOption(input, false, [line], valueAxis(theme, 'residual', { nameGap: 44 }));
}
