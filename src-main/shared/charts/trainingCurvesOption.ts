// Loss and validation loss per epoch with the restored (best) epoch marked.
import {
  baseOption,
  finite,
  themeOf,
  valueAxis,
  type ChartOption,
  type RunChartStyle,
} from './runChartBase';

export interface EpochPoint {
  /** 0-based, as training records it; the chart shows epoch + 1. */
  epoch: number;
  loss: number;
  valLoss: number | null;
}

export interface TrainingCurvesInput extends RunChartStyle {
  epochs: readonly EpochPoint[];
  /** 0-based epoch whose weights were kept; null = none. */
  bestEpoch: number | null;
  /** Loss name for the axis, e.g. "mse". */
  lossName?: string;
  /** Log scale helps when the first epochs dwarf the rest; needs positive losses. */
  logScale?: boolean;
}

export function trainingCurvesOption(input: TrainingCurvesInput): ChartOption {
  const theme = themeOf(input);
  const hasVal = input.epochs.some((e) => finite(e.valLoss) !== null);
  const loss = input.epochs.map((e) => [e.epoch + 1, finite(e.loss)]);
  const valLoss = input.epochs.map((e) => [e.epoch + 1, finite(e.valLoss)]);
  const best = input.epochs.find((e) => e.epoch === input.bestEpoch);
  const bestValue = best ? (finite(best.valLoss) ?? finite(best.loss)) : null;
  const marked = hasVal ? 'validation loss' : 'loss';
  const markPoint =
    best && bestValue !== null
      ? {
          symbol: 'pin',
          symbolSize: 36,
          label: { formatter: 'best', fontSize: 9 },
          data: [{ name: 'best epoch', coord: [best.epoch + 1, bestValue], value: bestValue }],
        }
      : undefined;
  const markLine = best
    ? {
        symbol: 'none',
        silent: true,
        lineStyle: { color: theme.axis, type: 'dashed' },
        label: { formatter: `best epoch ${best.epoch + 1}`, color: theme.text },
        data: [{ xAxis: best.epoch + 1 }],
      }
    : undefined;
  const series: ChartOption[] = [{ name: 'loss', type: 'line', showSymbol: false, data: loss }];
  if (hasVal)
    series.push({ name: 'validation loss', type: 'line', showSymbol: false, data: valLoss });
  const target = series.find((s) => s.name === marked);
  if (target) Object.assign(target, { markPoint, markLine });
  return {
    ...baseOption(input, true),
    xAxis: valueAxis(theme, 'epoch', {
      scale: false,
      min: 1,
      minInterval: 1,
      splitLine: { show: false },
    }),
    yAxis: valueAxis(theme, input.lossName ? `loss (${input.lossName})` : 'loss', {
      type: input.logScale ? 'log' : 'value',
    }),
    series,
  };
}
