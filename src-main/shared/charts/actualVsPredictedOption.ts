// Actual series against the model's test predictions, with optional baselines, a prediction
// interval band and the forecast past the data. Predictions are row-major [windows × horizon];
// one horizon step is drawn so each time has one value (multi-step windows overlap in time).
import {
  bandLayers,
  colouredLine,
  finite,
  themeOf,
  timeChartOption,
  timedPoints,
  type ChartOption,
  type TimeChartStyle,
  type TimedPoint,
} from './runChartBase';
import { dataDecimals, valueFormatter } from './valuePrecision';

export interface TimedValues {
  times: ArrayLike<number>;
  values: ArrayLike<number | null>;
}

export interface ActualVsPredictedInput extends TimeChartStyle {
  actual: TimedValues;
  /** Test windows: times and predicted values, row-major [windows × horizon]. */
  test: { times: ArrayLike<number>; predicted: ArrayLike<number>; horizon: number };
  /** 0-based horizon step to draw (default 0, the one-step-ahead forecast). */
  step?: number;
  modelName?: string;
  /** Same layout as test.predicted. */
  baselines?: readonly { name: string; values: ArrayLike<number> }[];
  /** Same layout as test.predicted; level in (0, 1). */
  interval?: { level: number; lower: ArrayLike<number>; upper: ArrayLike<number> };
  forecast?: TimedValues;
  /** Legend name of the forecast past the data (default "Forecast"). */
  forecastName?: string;
}

function stepPoints(
  times: ArrayLike<number>,
  values: ArrayLike<number | null>,
  horizon: number,
  step: number,
): TimedPoint[] {
  const out: TimedPoint[] = [];
  for (let i = step; i < times.length; i += horizon) {
    out.push([times[i] as number, finite(values[i])]);
  }
  return out;
}

const allPoints = (s: TimedValues): TimedPoint[] => timedPoints(s.times, s.values);

const line = (name: string, data: TimedPoint[], extra: ChartOption = {}): ChartOption => ({
  name,
  type: 'line',
  showSymbol: false,
  connectNulls: false,
  lineStyle: { width: 1.5 },
  data,
  ...extra,
});

export function actualVsPredictedOption(input: ActualVsPredictedInput): ChartOption {
  const theme = themeOf(input);
  const horizon = Math.max(1, Math.floor(input.test.horizon));
  const step = Math.min(Math.max(0, Math.floor(input.step ?? 0)), horizon - 1);
  const times = input.test.times;
  const series: ChartOption[] = [];
  if (input.interval) {
    const lower = stepPoints(times, input.interval.lower, horizon, step);
    const upper = stepPoints(times, input.interval.upper, horizon, step);
    const label = `${Math.round(input.interval.level * 100)}% interval`;
    const fill = { color: theme.band };
    series.push(
      ...bandLayers(label, 'interval', lower, upper, { areaStyle: fill, itemStyle: fill }),
    );
  }
  series.push(colouredLine('Actual', theme.text, allPoints(input.actual)));
  series.push(
    line(input.modelName ?? 'Model', stepPoints(times, input.test.predicted, horizon, step)),
  );
  for (const b of input.baselines ?? []) {
    series.push(
      line(b.name, stepPoints(times, b.values, horizon, step), {
        lineStyle: { width: 1, type: 'dotted' },
      }),
    );
  }
  if (input.forecast) {
    series.push(
      line(input.forecastName ?? 'Forecast', allPoints(input.forecast), {
        lineStyle: { width: 1.5, type: 'dashed' },
      }),
    );
  }
  const base = timeChartOption(input, true, series);
  const decimals = dataDecimals(Array.from(input.actual.values));
  return {
    ...base,
    // Predictions, baselines and forecasts round to the precision the data was recorded with.
    tooltip: { ...(base.tooltip as ChartOption), valueFormatter: valueFormatter(decimals) },
    // The band's invisible floor stays out of the legend.
    legend: {
      ...(base.legend as ChartOption),
      data: series.map((s) => String(s.name)).filter((n) => !n.endsWith(' floor')),
    },
  };
}
