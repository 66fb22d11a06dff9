// Residuals in time order around a zero line: runs of one sign or a drifting level show what the
// model keeps missing.
import type { TimeFormat } from '../schemas/dataset';
import {
  baseOption,
  finite,
  themeOf,
  timeAxis,
  valueAxis,
  type ChartOption,
  type RunChartStyle,
} from './runChartBase';

export interface ResidualsOverTimeInput extends RunChartStyle {
  times: ArrayLike<number>;
  residuals: ArrayLike<number | null>;
  timeFormat?: TimeFormat;
}

export function residualsOverTimeOption(input: ResidualsOverTimeInput): ChartOption {
  const theme = themeOf(input);
  const data = Array.from({ length: input.times.length }, (_, i) => [
    input.times[i] as number,
    finite(input.residuals[i]),
  ]);
  return {
    ...baseOption(input, false),
    xAxis: timeAxis(theme, input.timeFormat),
    yAxis: valueAxis(theme, 'residual', { nameGap: 44 }),
    series: [
      {
        name: 'residual',
        type: 'line',
        showSymbol: true,
        symbolSize: 4,
        lineStyle: { width: 1 },
        data,
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: theme.axis, type: 'dashed' },
          label: { show: false },
          data: [{ yAxis: 0 }],
        },
      },
    ],
  };
}
