// Preview of a transformed column (log, Box-Cox, differences). Pure; differences hover around zero,
// so a zero line is drawn whenever the values change sign.
import type { SeriesWindow } from '../schemas/dataset';
import { lightTheme, palette, type ChartTheme } from './chartTheme';
import { isCalendarFormat } from './timeAxis';
import { dataDecimals, valueFormatter } from './valuePrecision';

export interface TransformPreviewInput {
  window: SeriesWindow;
  theme?: ChartTheme;
  animation?: boolean;
}

function crossesZero(values: readonly (number | null)[]): boolean {
  let negative = false;
  let positive = false;
  for (const v of values) {
    if (v === null) continue;
    if (v < 0) negative = true;
    else if (v > 0) positive = true;
  }
  return negative && positive;
}

export function transformPreviewOption(input: TransformPreviewInput): Record<string, unknown> {
  const theme = input.theme ?? lightTheme;
  const { window } = input;
  const calendar = isCalendarFormat(window.timeFormat);
  return {
    animation: input.animation ?? false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    // Transformed values have no recorded precision: four significant digits.
    tooltip: {
      trigger: 'axis',
      valueFormatter: valueFormatter(dataDecimals(window.series.flatMap((s) => s.values))),
    },
    legend: { top: 0, textStyle: { color: theme.text } },
    grid: { left: 64, right: 24, top: 32, bottom: 32 },
    xAxis: {
      type: calendar ? 'time' : 'value',
      scale: true,
      axisLine: { onZero: false, lineStyle: { color: theme.axis } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLine: { onZero: false, lineStyle: { color: theme.axis } },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: window.series.map((s, i) => ({
      name: s.name,
      type: 'line',
      showSymbol: false,
      connectNulls: false,
      lineStyle: { width: 1.25 },
      color: palette[(i + 2) % palette.length],
      data: s.values.map((v, j) => [window.x[j], v]),
      markLine: crossesZero(s.values)
        ? {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { color: theme.axis, type: 'dashed', width: 1 },
            data: [{ yAxis: 0 }],
          }
        : undefined,
    })),
  };
}
