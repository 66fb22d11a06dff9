// ACF and PACF bar charts with their confidence band as a shaded area. Pure, like the series chart,
// so a report can render the same option to SVG.
import type { AnalysisResult } from '../schemas/analysis';
import { lightTheme, palette, type ChartTheme } from './chartTheme';

export interface CorrelogramInput {
  /** Correlations for lags 0..nlags; lag 0 is always 1 and is left out so the scale stays useful. */
  values: readonly (number | null)[];
  /** Half-width of the band: one number for every lag, or one per lag (index = lag). */
  band: number | readonly (number | null)[];
  title?: string;
  /** Method and band label, shown under the title (the app shows it as text instead). */
  caption?: string;
  theme?: ChartTheme;
  animation?: boolean;
}

export interface CorrelogramStyle {
  theme?: ChartTheme;
  /** Leave the title and caption out, for hosts that print them as text. */
  captions?: boolean;
  animation?: boolean;
}

const round = (v: number): number => Number(v.toPrecision(12));

export function correlogramOption(input: CorrelogramInput): Record<string, unknown> {
  const theme = input.theme ?? lightTheme;
  const lags: number[] = [];
  const bars: { value: number | null; itemStyle: { color: string } }[] = [];
  const lower: (number | null)[] = [];
  const width: (number | null)[] = [];
  const upper: (number | null)[] = [];
  for (let lag = 1; lag < input.values.length; lag++) {
    const value = input.values[lag] ?? null;
    const half = typeof input.band === 'number' ? input.band : (input.band[lag] ?? null);
    const outside = value !== null && half !== null && Math.abs(value) > half;
    lags.push(lag);
    bars.push({ value, itemStyle: { color: outside ? (palette[0] as string) : theme.muted } });
    lower.push(half === null ? null : round(-half));
    width.push(half === null ? null : round(2 * half));
    upper.push(half === null ? null : round(half));
  }
  const hasTitle = Boolean(input.title);
  const top = hasTitle ? (input.caption ? 56 : 36) : 16;
  const bandLine = { color: theme.axis, width: 1, type: 'dashed' };
  return {
    animation: input.animation ?? false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    title: hasTitle
      ? {
          text: input.title,
          subtext: input.caption,
          left: 'center',
          textStyle: { color: theme.text, fontSize: 13 },
          subtextStyle: { color: theme.axis, fontSize: 11 },
        }
      : undefined,
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top, bottom: 32 },
    xAxis: {
      type: 'category',
      data: lags,
      name: 'lag',
      nameLocation: 'middle',
      nameGap: 22,
      axisLine: { lineStyle: { color: theme.axis } },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      min: -1,
      max: 1,
      axisLine: { lineStyle: { color: theme.axis } },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [
      // The band is drawn as a stack: an invisible floor at −half, then a filled layer 2·half thick.
      {
        name: 'band lower',
        type: 'line',
        stack: 'band',
        // Stack across signs: the floor is negative and the layer positive.
        stackStrategy: 'all',
        data: lower,
        symbol: 'none',
        lineStyle: bandLine,
        tooltip: { show: false },
        silent: true,
        z: 1,
      },
      {
        name: 'band',
        type: 'line',
        stack: 'band',
        stackStrategy: 'all',
        data: width,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: theme.band },
        tooltip: { show: false },
        silent: true,
        z: 1,
      },
      {
        name: 'band upper',
        type: 'line',
        data: upper,
        symbol: 'none',
        lineStyle: bandLine,
        tooltip: { show: false },
        silent: true,
        z: 1,
      },
      { name: 'correlation', type: 'bar', data: bars, barMaxWidth: 10, z: 2 },
    ],
  };
}

/** A correlogram of one analysis result, its title and caption unless the host prints them. */
function styledCorrelogram(
  values: readonly (number | null)[],
  band: CorrelogramInput['band'],
  captions: { title: string; caption: string },
  style: CorrelogramStyle,
): Record<string, unknown> {
  return correlogramOption({
    values,
    band,
    ...((style.captions ?? true) ? captions : {}),
    ...(style.theme ? { theme: style.theme } : {}),
    ...(style.animation === undefined ? {} : { animation: style.animation }),
  });
}

export function acfChartOption(
  acf: AnalysisResult['acf'],
  style: CorrelogramStyle = {},
): Record<string, unknown> {
  const captions = { title: 'Autocorrelation (ACF)', caption: acf.method };
  return styledCorrelogram(acf.values, acf.band, captions, style);
}

export function pacfChartOption(
  pacf: AnalysisResult['pacf'],
  style: CorrelogramStyle = {},
): Record<string, unknown> {
  const captions = { title: 'Partial autocorrelation (PACF)', caption: pacf.label };
  return styledCorrelogram(pacf.values, pacf.band, captions, style);
}
