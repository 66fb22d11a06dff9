// Preview of a transformed column (log, Box-Cox, differences). Pure; differences hover around zero,
// so a zero line is drawn whenever the values change sign.
import type { SeriesWindow } from '../schemas/dataset';
import { lightTheme, palette, type ChartTheme } from './chartTheme';
import { chartFrame, timeAxis, valueAxis } from './runChartBase';

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
  return {
    // Transformed values have no recorded precision: four significant digits.
    ...chartFrame(
      input,
      window.series.flatMap((s) => s.values),
    ),
    legend: { top: 0, textStyle: { color: theme.text } },
    grid: { left: 64, right: 24, top: 32, bottom: 32 },
    xAxis: timeAxis(theme, window.timeFormat),
    yAxis: valueAxis(theme),
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
