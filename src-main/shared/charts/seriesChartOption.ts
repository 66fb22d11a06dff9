// The series line chart. Pure: the app renders it with ECharts in the DOM, reports render the very
// same option to SVG with ECharts' server-side renderer.
import type { SeriesWindow } from '../schemas/dataset';
import { lightTheme, palette, type ChartTheme } from './chartTheme';
import { isCalendarFormat } from './timeAxis';

export interface SeriesChartInput {
  window: SeriesWindow;
  title?: string;
  theme?: ChartTheme;
  /** Interactive zoom controls; reports leave them out. */
  zoom?: boolean;
  animation?: boolean;
}

export function seriesChartOption(input: SeriesChartInput): Record<string, unknown> {
  const theme = input.theme ?? lightTheme;
  const calendar = isCalendarFormat(input.window.timeFormat);
  const zoom = input.zoom ?? true;
  return {
    animation: input.animation ?? false,
    color: palette,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    title: input.title
      ? { text: input.title, left: 'center', textStyle: { color: theme.text, fontSize: 14 } }
      : undefined,
    tooltip: { trigger: 'axis' },
    legend: { top: input.title ? 24 : 0, textStyle: { color: theme.text } },
    grid: { left: 64, right: 24, top: input.title ? 56 : 32, bottom: zoom ? 72 : 36 },
    xAxis: {
      type: calendar ? 'time' : 'value',
      scale: true,
      axisLine: { lineStyle: { color: theme.axis } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLine: { lineStyle: { color: theme.axis } },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    dataZoom: zoom
      ? [
          { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
          { type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 24, bottom: 16 },
        ]
      : [],
    series: input.window.series.map((s) => ({
      name: s.name,
      type: 'line',
      showSymbol: false,
      connectNulls: false,
      sampling: undefined,
      lineStyle: { width: 1.5 },
      data: s.values.map((v, i) => [input.window.x[i], v]),
    })),
  };
}
