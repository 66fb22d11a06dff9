// Several runs on one chart: their loss curves, or their test predictions over the actual series.
import type { TimedValues } from './actualVsPredictedOption';
import type { EpochPoint } from './trainingCurvesOption';
import {
  baseOption,
  colour,
  colouredLine,
  epochAxis,
  finite,
  themeOf,
  timeChartOption,
  timedPoints,
  valueAxis,
  type ChartOption,
  type TimeChartStyle,
} from './runChartBase';

export interface ComparedRun {
  name: string;
  epochs?: readonly EpochPoint[];
  /** Test predictions at one horizon step (one value per time). */
  predictions?: TimedValues;
}

export interface RunsComparisonInput extends TimeChartStyle {
  mode: 'loss' | 'predictions';
  runs: readonly ComparedRun[];
  actual?: TimedValues;
}

const points = (s: TimedValues): unknown[] => timedPoints(s.times, s.values);

export function runsComparisonOption(input: RunsComparisonInput): ChartOption {
  const theme = themeOf(input);
  const series: ChartOption[] = [];
  if (input.mode === 'loss') {
    input.runs.forEach((run, i) => {
      const epochs = run.epochs ?? [];
      const loss = epochs.map((e) => [e.epoch + 1, finite(e.loss)]);
      series.push(colouredLine(`${run.name} loss`, colour(i), loss));
      if (epochs.some((e) => finite(e.valLoss) !== null)) {
        const valLoss = epochs.map((e) => [e.epoch + 1, finite(e.valLoss)]);
        const dashed = { type: 'dashed' };
        series.push(colouredLine(`${run.name} validation loss`, colour(i), valLoss, dashed));
      }
    });
    return {
      ...baseOption(input, true),
      xAxis: epochAxis(theme),
      yAxis: valueAxis(theme, 'loss', { nameGap: 44 }),
      series,
    };
  }
  if (input.actual) series.push(colouredLine('Actual', theme.text, points(input.actual)));
  input.runs.forEach((run, i) => {
    if (run.predictions) series.push(colouredLine(run.name, colour(i), points(run.predictions)));
  });
  return timeChartOption(input, true, series);
}
