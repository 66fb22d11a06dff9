// Rolling-origin backtest: each fold's forecasts (and 95% band) over the actual series, with a
// dashed line at every forecast origin.
import type { TimedValues } from './actualVsPredictedOption';
import {
  bandLayers,
  colour,
  colouredLine,
  dashedMarkLine,
  themeOf,
  timeChartOption,
  timedPoints,
  type ChartOption,
  type TimeChartStyle,
} from './runChartBase';

export interface BacktestFoldLine {
  index: number;
  times: ArrayLike<number>;
  predicted: ArrayLike<number | null>;
  interval95?: { lower: ArrayLike<number | null>; upper: ArrayLike<number | null> } | null;
}

export interface BacktestFoldsInput extends TimeChartStyle {
  actual: TimedValues;
  folds: readonly BacktestFoldLine[];
}

export function backtestFoldsOption(input: BacktestFoldsInput): ChartOption {
  const theme = themeOf(input);
  const series: ChartOption[] = [];
  input.folds.forEach((fold, i) => {
    if (!fold.interval95) return;
    const lower = timedPoints(fold.times, fold.interval95.lower);
    const upper = timedPoints(fold.times, fold.interval95.upper);
    const name = `Fold ${fold.index + 1} 95% interval`;
    const fill = { areaStyle: { color: colour(i), opacity: 0.12 } };
    series.push(...bandLayers(name, `fold ${fold.index} band`, lower, upper, fill));
  });
  const origins = input.folds
    .map((f) => f.times[0])
    .filter((t): t is number => t !== undefined)
    .map((t) => ({ xAxis: t }));
  series.push({
    ...colouredLine('Actual', theme.text, timedPoints(input.actual.times, input.actual.values)),
    markLine: dashedMarkLine(theme, origins),
  });
  input.folds.forEach((fold, i) => {
    const predicted = timedPoints(fold.times, fold.predicted);
    const line = colouredLine(`Fold ${fold.index + 1}`, colour(i), predicted, { width: 2 });
    series.push({ ...line, showSymbol: true, symbolSize: 4 });
  });
  const base = timeChartOption(input, true, series);
  // Band layers stay out of the legend; one scrolling line keeps the plot from being pushed down.
  const legendNames = series.map((s) => String(s.name)).filter((n) => !n.includes('95%'));
  return {
    ...base,
    legend: { ...(base.legend as ChartOption), type: 'scroll', data: legendNames },
  };
}
