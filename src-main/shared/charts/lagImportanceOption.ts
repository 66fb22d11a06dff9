// Mean |Δ| per lag: which past time steps the forecast leans on, summed up over windows.
import { lagLabels } from './lagLabels';
import {
  baseOption,
  finite,
  themeOf,
  valueAxis,
  type ChartOption,
  type RunChartStyle,
} from './runChartBase';

export interface LagImportanceInput extends RunChartStyle {
  /** Per input position 0..lookback−1 (oldest first). */
  meanAbsPerLag: ArrayLike<number>;
  valueLabel?: string;
}

export function lagImportanceOption(input: LagImportanceInput): ChartOption {
  const theme = themeOf(input);
  const n = input.meanAbsPerLag.length;
  return {
    ...baseOption(input, false),
    xAxis: {
      type: 'category',
      data: lagLabels(n),
      name: 'lag',
      nameLocation: 'middle',
      nameGap: 24,
      axisLine: { lineStyle: { color: theme.axis } },
    },
    yAxis: valueAxis(theme, input.valueLabel ?? 'mean |Δ|', { scale: false, min: 0, nameGap: 44 }),
    series: [
      {
        name: input.valueLabel ?? 'mean |Δ|',
        type: 'bar',
        data: Array.from({ length: n }, (_, i) => finite(input.meanAbsPerLag[i])),
      },
    ],
  };
}
