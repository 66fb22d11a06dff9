// Several runs on one chart: their loss curves, or their test predictions over the actual series.
import type { TimeFormat } from '../schemas/dataset';
import type { TimedValues } from './actualVsPredictedOption';
import type { EpochPoint } from './trainingCurvesOption';
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

export interface ComparedRun {
  name: string;
  epochs?: readonly EpochPoint[];
  /** Test predictions at one horizon step (one value per time). */
  predictions?: TimedValues;
}

export interface RunsComparisonInput extends RunChartStyle {
  mode: 'loss' | 'predictions';
  runs: readonly ComparedRun[];
  actual?: TimedValues;
  timeFormat?: TimeFormat;
}

const pairs = (s: TimedValues): [number, number | null][] =>
  Array.from({ length: s.times.length }, (_, i) => [s.times[i] as number, finite(s.values[i])]);

export function runsComparisonOption(input: RunsComparisonInput): ChartOption {
  const theme = themeOf(input);
  const series: ChartOption[] = [];
  if (input.mode === 'loss') {
    input.runs.forEach((run, i) => {
      const epochs = run.epochs ?? [];
      const style = { color: colour(i) };
      series.push({
        name: `${run.name} loss`,
        type: 'line',
        showSymbol: false,
        lineStyle: { ...style, width: 1.5 },
        itemStyle: style,
        data: epochs.map((e) => [e.epoch + 1, finite(e.loss)]),
      });
      if (epochs.some((e) => finite(e.valLoss) !== null)) {
        series.push({
          name: `${run.name} validation loss`,
          type: 'line',
          showSymbol: false,
          lineStyle: { ...style, width: 1.5, type: 'dashed' },
          itemStyle: style,
          data: epochs.map((e) => [e.epoch + 1, finite(e.valLoss)]),
        });
      }
    });
    return {
      ...baseOption(input, true),
      xAxis: valueAxis(theme, 'epoch', {
        scale: false,
        min: 1,
        minInterval: 1,
        splitLine: { show: false },
      }),
      yAxis: valueAxis(theme, 'loss', { nameGap: 44 }),
      series,
    };
  }
  if (input.actual) {
    series.push({
      name: 'Actual',
      type: 'line',
      showSymbol: false,
      lineStyle: { color: theme.text, width: 1.5 },
      itemStyle: { color: theme.text },
      data: pairs(input.actual),
    });
  }
  input.runs.forEach((run, i) => {
    if (!run.predictions) return;
    const style = { color: colour(i) };
    series.push({
      name: run.name,
      type: 'line',
      showSymbol: false,
      lineStyle: { ...style, width: 1.5 },
      itemStyle: style,
      data: pairs(run.predictions),
    });
  });
  return {
    ...baseOption(input, true),
    xAxis: timeAxis(theme, input.timeFormat),
    yAxis: valueAxis(theme),
    series,
  };
}
