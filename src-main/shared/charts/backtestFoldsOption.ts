// Rolling-origin backtest: each fold's forecasts (and 95% band) over the actual series, with a
// dashed line at every forecast origin.
import type { TimeFormat } from '../schemas/dataset';
import type { TimedValues } from './actualVsPredictedOption';
import {
  baseOption,
  colour,
  finite,
  themeOf,
  timeAxis,
  valueAxis,
  type ChartOption,
  type RunChartStyle,
} from './runChartBase';

export interface BacktestFoldLine {
  index: number;
  times: ArrayLike<number>;
  predicted: ArrayLike<number | null>;
  interval95?: { lower: ArrayLike<number | null>; upper: ArrayLike<number | null> } | null;
}

export interface BacktestFoldsInput extends RunChartStyle {
  actual: TimedValues;
  folds: readonly BacktestFoldLine[];
  timeFormat?: TimeFormat;
}

const pairs = (
  times: ArrayLike<number>,
  values: ArrayLike<number | null>,
): [number, number | null][] =>
  Array.from({ length: times.length }, (_, i) => [times[i] as number, finite(values[i])]);

export function backtestFoldsOption(input: BacktestFoldsInput): ChartOption {
  const theme = themeOf(input);
  const series: ChartOption[] = [];
  input.folds.forEach((fold, i) => {
    if (!fold.interval95) return;
    const lower = pairs(fold.times, fold.interval95.lower);
    const upper = pairs(fold.times, fold.interval95.upper);
    const width = lower.map(([t, lo], k): [number, number | null] => {
      const hi = upper[k]?.[1] ?? null;
      return [t, lo === null || hi === null ? null : hi - lo];
    });
    const common = {
      type: 'line',
      showSymbol: false,
      silent: true,
      tooltip: { show: false },
      stack: `fold ${fold.index} band`,
      lineStyle: { opacity: 0 },
      z: 1,
    };
    series.push({ ...common, name: `Fold ${fold.index + 1} 95% interval floor`, data: lower });
    series.push({
      ...common,
      name: `Fold ${fold.index + 1} 95% interval`,
      data: width,
      areaStyle: { color: colour(i), opacity: 0.12 },
    });
  });
  const origins = input.folds
    .map((f) => f.times[0])
    .filter((t): t is number => t !== undefined)
    .map((t) => ({ xAxis: t }));
  series.push({
    name: 'Actual',
    type: 'line',
    showSymbol: false,
    lineStyle: { color: theme.text, width: 1.5 },
    itemStyle: { color: theme.text },
    data: pairs(input.actual.times, input.actual.values),
    markLine: {
      symbol: 'none',
      silent: true,
      lineStyle: { color: theme.axis, type: 'dashed' },
      label: { show: false },
      data: origins,
    },
  });
  input.folds.forEach((fold, i) => {
    const style = { color: colour(i) };
    series.push({
      name: `Fold ${fold.index + 1}`,
      type: 'line',
      showSymbol: true,
      symbolSize: 4,
      lineStyle: { ...style, width: 2 },
      itemStyle: style,
      data: pairs(fold.times, fold.predicted),
    });
  });
  const base = baseOption(input, true);
  // Band layers stay out of the legend; one scrolling line keeps the plot from being pushed down.
  const legendNames = series.map((s) => String(s.name)).filter((n) => !n.includes('95%'));
  return {
    ...base,
    legend: { ...(base.legend as ChartOption), type: 'scroll', data: legendNames },
    xAxis: timeAxis(theme, input.timeFormat),
    yAxis: valueAxis(theme),
    series,
  };
}
