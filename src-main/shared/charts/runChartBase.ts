// Pieces the charts share (frame, axes, lines, bands), so the app and the reports draw with one look.
import type { TimeFormat } from '../schemas/dataset';
import { lightTheme, palette, type ChartTheme } from './chartTheme';
import { isCalendarFormat } from './timeAxis';
import { dataDecimals, valueFormatter } from './valuePrecision';

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

/**
 * The start every series chart shares: no animation unless asked, a transparent background, the
 * theme's text colour, and an axis tooltip rounding values to the precision `values` were
 * recorded with.
 */
export function chartFrame(style: RunChartStyle, values: readonly (number | null)[]): ChartOption {
  return {
    animation: style.animation ?? false,
    backgroundColor: 'transparent',
    textStyle: { color: themeOf(style).text },
    tooltip: { trigger: 'axis', valueFormatter: valueFormatter(dataDecimals(values)) },
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

export interface TimeChartStyle extends RunChartStyle {
  timeFormat?: TimeFormat;
}

/** A run chart over time: the common frame, a time axis below, a value axis (by default unnamed). */
export function timeChartOption(
  style: TimeChartStyle,
  legend: boolean,
  series: ChartOption[],
  yAxis: ChartOption = valueAxis(themeOf(style)),
): ChartOption {
  const xAxis = timeAxis(themeOf(style), style.timeFormat);
  return { ...baseOption(style, legend), xAxis, yAxis, series };
}

/** [x, y] at each index where both are finite, over the shorter of the two arrays. */
export function finitePairs(xs: ArrayLike<number>, ys: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (Number.isFinite(x) && Number.isFinite(y)) out.push([x, y]);
  }
  return out;
}

/** A scatter of points over two named value axes (no vertical grid lines), tooltips per point. */
export function scatterChartOption(
  style: RunChartStyle,
  axes: { x: string; y: string; yNameGap: number },
  series: ChartOption[],
): ChartOption {
  const theme = themeOf(style);
  return {
    ...baseOption(style, false),
    tooltip: { trigger: 'item' },
    xAxis: valueAxis(theme, axes.x, { splitLine: { show: false } }),
    yAxis: valueAxis(theme, axes.y, { nameGap: axes.yNameGap }),
    series,
  };
}

export function colour(i: number): string {
  return palette[i % palette.length] as string;
}

/** The x axis of loss curves: whole epochs from 1, no grid lines across. */
const epochAxisExtra = { scale: false, min: 1, minInterval: 1, splitLine: { show: false } };

export function epochAxis(theme: ChartTheme): ChartOption {
  return valueAxis(theme, 'epoch', epochAxisExtra);
}

/** A category axis (lags, histogram bins) named below its labels. */
export function categoryAxis(
  theme: ChartTheme,
  name: string,
  data: readonly string[],
  nameGap: number,
): ChartOption {
  const axisLine = { lineStyle: { color: theme.axis } };
  return { type: 'category', data, name, nameLocation: 'middle', nameGap, axisLine };
}

export type TimedPoint = [number, number | null];

/** [time, value] points, non-finite values as gaps. */
export function timedPoints(
  times: ArrayLike<number>,
  values: ArrayLike<number | null>,
): TimedPoint[] {
  const point = (i: number): TimedPoint => [times[i] as number, finite(values[i])];
  return Array.from({ length: times.length }, (_, i) => point(i));
}

/**
 * A band as a stack of two line layers: an invisible floor at the lower bound, then a layer as
 * thick as the band (upper − lower, a gap where either bound is missing) that `fill` styles.
 * Both stay out of the tooltip; the floor is named `${name} floor`.
 */
export function bandLayers(
  name: string,
  stack: string,
  lower: TimedPoint[],
  upper: readonly TimedPoint[],
  fill: ChartOption,
): ChartOption[] {
  const thickness = lower.map(([t, lo], i): TimedPoint => {
    const hi = upper[i]?.[1] ?? null;
    return [t, lo === null || hi === null ? null : hi - lo];
  });
  const common = {
    type: 'line',
    showSymbol: false,
    symbol: 'none',
    silent: true,
    connectNulls: false,
    tooltip: { show: false },
    z: 1,
    stack,
    lineStyle: { opacity: 0 },
  };
  return [
    { ...common, name: `${name} floor`, data: lower },
    { ...common, name, data: thickness, ...fill },
  ];
}

/** Dashed guide lines in the axis colour (a zero line, forecast origins), silent. */
export function dashedMarkLine(
  theme: ChartTheme,
  data: readonly ChartOption[],
  label: ChartOption = { show: false },
): ChartOption {
  return {
    symbol: 'none',
    silent: true,
    lineStyle: { color: theme.axis, type: 'dashed' },
    label,
    data,
  };
}

/** A line in one colour, its tooltip marker in the same colour. */
export function colouredLine(
  name: string,
  color: string,
  data: unknown[],
  lineStyle: ChartOption = {},
): ChartOption {
  const style = { color };
  return {
    name,
    type: 'line',
    showSymbol: false,
    lineStyle: { ...style, width: 1.5, ...lineStyle },
    itemStyle: style,
    data,
  };
}
