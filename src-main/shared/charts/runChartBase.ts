// Pieces every run chart shares, so the app and the reports draw runs with one look.
import type { TimeFormat } from '../schemas/dataset';
import { lightTheme, palette, type ChartTheme } from './chartTheme';
import { isCalendarFormat } from './timeAxis';

export interface RunChartStyle {
  title?: string;
  theme?: ChartTheme;
  animation?: boolean;
}

export type ChartOption = Record<string, unknown>;

/** NaN and ±Infinity become gaps: ECharts would otherwise draw them as zero or break the scale. */
export const finite = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : v;

export function themeOf(style: RunChartStyle): ChartTheme {
  return style.theme ?? lightTheme;
}

export function baseOption(style: RunChartStyle, legend: boolean): ChartOption {
  const theme = themeOf(style);
  const hasTitle = Boolean(style.title);
  const top = (hasTitle ? 28 : 8) + (legend ? 28 : 0);
  return {
    animation: style.animation ?? false,
    color: palette,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    title: hasTitle
      ? {
          text: style.title,
          left: 'center',
          top: 4,
          textStyle: { color: theme.text, fontSize: 13 },
        }
      : undefined,
    tooltip: { trigger: 'axis' },
    legend: legend ? { top: hasTitle ? 24 : 0, textStyle: { color: theme.text } } : undefined,
    grid: { left: 64, right: 24, top: top + 8, bottom: 40 },
  };
}

export function valueAxis(
  theme: ChartTheme,
  name?: string,
  extra: Record<string, unknown> = {},
): ChartOption {
  return {
    type: 'value',
    scale: true,
    ...(name ? { name, nameLocation: 'middle', nameGap: 26 } : {}),
    // Not on the other axis' zero: an axis spanning 0 (years BC and AD) would draw a stray line.
    axisLine: { onZero: false, lineStyle: { color: theme.axis } },
    splitLine: { lineStyle: { color: theme.grid } },
    ...extra,
  };
}

/** Epoch-ms time axis for calendar formats, a plain number axis for row indices. */
export function timeAxis(theme: ChartTheme, format: TimeFormat | undefined): ChartOption {
  return {
    type: format === undefined || isCalendarFormat(format) ? 'time' : 'value',
    scale: true,
    // Not on the other axis' zero: an axis spanning 0 (years BC and AD) would draw a stray line.
    axisLine: { onZero: false, lineStyle: { color: theme.axis } },
    splitLine: { show: false },
  };
}

export function colour(i: number): string {
  return palette[i % palette.length] as string;
}
