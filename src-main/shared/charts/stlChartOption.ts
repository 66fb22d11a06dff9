// STL decomposition as four stacked small charts sharing one time axis: observed, trend, seasonal,
// remainder. Pure, so reports can render the same option to SVG.
import type { StlResult } from '../schemas/analysis';
import type { TimeFormat } from '../schemas/dataset';
import { lightTheme, palette, type ChartTheme } from './chartTheme';
import { chartFrame, timeAxis, valueAxis } from './runChartBase';

export interface StlChartInput {
  stl: StlResult;
  timeFormat: TimeFormat;
  theme?: ChartTheme;
  animation?: boolean;
}

export const stlPanels = [
  { key: 'observed', label: 'Observed' },
  { key: 'trend', label: 'Trend' },
  { key: 'seasonal', label: 'Seasonal' },
  { key: 'resid', label: 'Remainder' },
] as const;

/** Vertical layout in percent of the chart height: four equal bands with room for labels. */
const TOP = 4;
const BAND = 23.5;
const HEIGHT = 17;

export function stlChartOption(input: StlChartInput): Record<string, unknown> {
  const theme = input.theme ?? lightTheme;
  const x = input.stl.x;
  const indices = stlPanels.map((_, i) => i);
  return {
    // Components round to the precision the series was recorded with.
    ...chartFrame(input, Array.from(input.stl.observed)),
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    title: stlPanels.map((p, i) => ({
      text: p.label,
      left: 8,
      top: `${TOP + i * BAND - 3.5}%`,
      textStyle: { color: theme.axis, fontSize: 11, fontWeight: 'normal' },
    })),
    grid: indices.map((i) => ({
      left: 64,
      right: 16,
      top: `${TOP + i * BAND}%`,
      height: `${HEIGHT}%`,
    })),
    xAxis: indices.map((i) => ({
      gridIndex: i,
      ...timeAxis(theme, input.timeFormat),
      axisLabel: { show: i === stlPanels.length - 1 },
      axisTick: { show: i === stlPanels.length - 1 },
    })),
    yAxis: indices.map((i) => ({
      gridIndex: i,
      ...valueAxis(theme, undefined, { splitNumber: 2 }),
    })),
    series: stlPanels.map((p, i) => {
      const values = input.stl[p.key];
      const data = values.map((v, j) => [x[j], v]);
      return p.key === 'resid'
        ? {
            name: p.label,
            type: 'scatter',
            xAxisIndex: i,
            yAxisIndex: i,
            symbolSize: 3,
            itemStyle: { color: palette[i] },
            data,
          }
        : {
            name: p.label,
            type: 'line',
            xAxisIndex: i,
            yAxisIndex: i,
            showSymbol: false,
            lineStyle: { width: 1.25, color: palette[i] },
            itemStyle: { color: palette[i] },
            data,
          };
    }),
  };
}
