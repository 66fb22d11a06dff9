// ECharts options for collections (issue 17): one series of a collection, and one series'
// forecasts in a collection run (the last values, the test part, each method's forecast of it,
// and the global network's forecast past the end, in a colour of its own).
import type {
  CollectionMethod,
  CollectionSeriesData,
  CollectionSeriesResult,
} from '../schemas/collection';
import { palette, type ChartTheme } from './chartTheme';

export const METHOD_NAMES: Record<CollectionMethod, string> = {
  global: 'Global network',
  local: 'Local networks',
  ets: 'ETS',
  theta: 'Theta',
  arima: 'Auto-ARIMA',
  naive: 'Naive',
  snaive: 'Seasonal naive',
};

function base(theme: ChartTheme, times: readonly string[]): Record<string, unknown> {
  return {
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    grid: { left: 64, right: 24, top: 36, bottom: 56 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: times,
      axisLine: { lineStyle: { color: theme.axis } },
      axisLabel: { color: theme.axis },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLine: { lineStyle: { color: theme.axis } },
      axisLabel: { color: theme.axis },
      splitLine: { lineStyle: { color: theme.grid } },
    },
  };
}

export function collectionSeriesOption(
  data: CollectionSeriesData,
  theme: ChartTheme,
): Record<string, unknown> {
  return {
    ...base(theme, data.times),
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: [
      {
        name: data.id,
        type: 'line',
        data: data.values,
        showSymbol: false,
        lineStyle: { width: 1.6, color: palette[0] },
        itemStyle: { color: palette[0] },
      },
    ],
  };
}

/**
 * The colour of each method's forecast of the test part (the actual values are drawn in the text
 * colour), and of the global network's forecast past the end: a colour no method uses.
 */
const TEST_COLOURS: Record<CollectionMethod, string | undefined> = {
  global: palette[1],
  local: palette[2],
  ets: palette[3],
  theta: palette[4],
  arima: palette[5],
  naive: palette[5],
  snaive: palette[5],
};
const FUTURE_COLOUR = palette[0];

/** x: the history, the test part and the steps past the end; one line per shown method. */
export function collectionForecastOption(
  r: CollectionSeriesResult,
  methods: readonly CollectionMethod[],
  theme: ChartTheme,
): Record<string, unknown> {
  const times = [...r.historyTimes, ...r.testTimes, ...r.futureTimes];
  const nh = r.historyTimes.length;
  const nt = r.testTimes.length;
  const pad = (k: number) => Array.from({ length: k }, () => null);
  const lines: Record<string, unknown>[] = [
    {
      name: 'Actual',
      type: 'line',
      data: [...r.history, ...r.actual, ...pad(r.futureTimes.length)],
      showSymbol: false,
      lineStyle: { width: 2, color: theme.text },
      itemStyle: { color: theme.text },
    },
  ];
  methods.forEach((m) => {
    const p = r.paths[m];
    if (!p?.test) return;
    const color = TEST_COLOURS[m];
    lines.push({
      name: `${METHOD_NAMES[m]} on the test part`,
      type: 'line',
      // Joined to the last value before the test part, so the forecast reads as a continuation.
      data: [...pad(nh - 1), r.history[nh - 1] ?? null, ...p.test, ...pad(r.futureTimes.length)],
      showSymbol: nt <= 36,
      lineStyle: { width: 1.6, color, type: m === 'global' ? 'solid' : 'dashed' },
      itemStyle: { color },
    });
  });
  const global = r.paths.global;
  if (global && r.futureTimes.length > 0) {
    const last = nt > 0 ? r.actual[nt - 1] : r.history[nh - 1];
    lines.push({
      name: 'Global network past the end',
      type: 'line',
      data: [...pad(nh + nt - 1), last ?? null, ...global.forecast],
      showSymbol: false,
      lineStyle: { width: 2, color: FUTURE_COLOUR },
      itemStyle: { color: FUTURE_COLOUR },
      areaStyle: undefined,
    });
  }
  return {
    ...base(theme, times),
    legend: { top: 4, textStyle: { color: theme.text }, type: 'scroll' },
    series: lines,
  };
}
