// The series line chart. Pure: the app renders it with ECharts in the DOM, reports render the very
// same option to SVG with ECharts' server-side renderer.
import type { SeriesWindow } from '../schemas/dataset';
import { lightTheme, palette, type ChartTheme } from './chartTheme';
import { timeAxis, valueAxis } from './runChartBase';
import { dataDecimals, formatValue } from './valuePrecision';

export interface SeriesChartInput {
  window: SeriesWindow;
  title?: string;
  theme?: ChartTheme;
  /** Interactive zoom controls; reports leave them out. */
  zoom?: boolean;
  animation?: boolean;
  /**
   * Several columns on very different scales: each drawn as z-scores ((value − mean) / sd of the
   * window) on one axis, the tooltip still giving the recorded value.
   */
  standardise?: boolean;
}

/** Mean and standard deviation of the finite values (sd 1 when constant or empty). */
function moments(values: readonly (number | null)[]): { mean: number; sd: number } {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    n += 1;
    sum += v;
  }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (const v of values) if (v !== null && Number.isFinite(v)) ss += (v - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  return { mean, sd: sd > 0 ? sd : 1 };
}

export function seriesChartOption(input: SeriesChartInput): Record<string, unknown> {
  const theme = input.theme ?? lightTheme;
  const zoom = input.zoom ?? true;
  const standardise = (input.standardise ?? false) && input.window.series.length > 1;
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
    xAxis: timeAxis(theme, input.window.timeFormat),
    yAxis: standardise
      ? valueAxis(theme, 'standardised (sd from the mean)', { nameGap: 40 })
      : valueAxis(theme),
    dataZoom: zoom
      ? [
          { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
          { type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 24, bottom: 16 },
        ]
      : [],
    series: input.window.series.map((s) => {
      const decimals = dataDecimals(s.values);
      const { mean, sd } = moments(s.values);
      return {
        name: s.name,
        type: 'line',
        showSymbol: false,
        connectNulls: false,
        sampling: undefined,
        lineStyle: { width: 1.5 },
        // The tooltip gives the value as recorded (and, standardised, how far from the mean).
        tooltip: {
          valueFormatter: (_v: unknown, i: number) => {
            const v = s.values[i] ?? null;
            const text = formatValue(v, decimals);
            return standardise && v !== null
              ? `${text} (${formatValue((v - mean) / sd, 2)} sd)`
              : text;
          },
        },
        data: s.values.map((v, i) => [
          input.window.x[i],
          standardise && v !== null ? (v - mean) / sd : v,
        ]),
      };
    }),
  };
}
