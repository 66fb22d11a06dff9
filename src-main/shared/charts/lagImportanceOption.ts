// Mean |Δ| per lag: which past time steps the forecast leans on, summed up over windows.
import { lagLabels } from './lagLabels';
import { baseOption, categoryAxis, finite, themeOf, valueAxis } from './runChartBase';
import type { ChartOption, RunChartStyle } from './runChartBase';

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
    xAxis: categoryAxis(theme, 'lag', lagLabels(n), 24),
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
