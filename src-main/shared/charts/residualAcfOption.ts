// Residual autocorrelation with the white-noise band ±1.96/√n: the same correlogram as the
// exploration view, captioned for residuals.
import type { ChartTheme } from './chartTheme';
import { correlogramOption } from './correlogramOption';
import type { ChartOption } from './runChartBase';

export interface ResidualAcfInput {
  /** Autocorrelations at lags 0..k. */
  values: readonly (number | null)[];
  /** Band half-width z₀.₉₇₅/√n. */
  band: number;
  title?: string;
  theme?: ChartTheme;
  animation?: boolean;
}

export function residualAcfOption(input: ResidualAcfInput): ChartOption {
  return correlogramOption({
    values: input.values,
    band: input.band,
    title: input.title ?? 'Residual autocorrelation',
    caption: '95% white-noise band ±1.96/√n',
    ...(input.theme ? { theme: input.theme } : {}),
    ...(input.animation === undefined ? {} : { animation: input.animation }),
  });
}
