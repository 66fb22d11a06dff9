// The run chart of the app: actual vs predicted (with baselines and the forecast, as
// actualVsPredictedOption draws them) under several nested interval bands, e.g. 80% inside 95%.
import {
  actualVsPredictedOption,
  type ActualVsPredictedInput,
  type TimedValues,
} from './actualVsPredictedOption';
import { finite, themeOf, type ChartOption } from './runChartBase';

export interface Band {
  /** In (0, 1). */
  level: number;
  /** Same layout as the test predictions, row-major [windows × horizon]. */
  lower: ArrayLike<number | null>;
  upper: ArrayLike<number | null>;
}

export interface ForecastBandsInput extends Omit<ActualVsPredictedInput, 'interval'> {
  bands?: readonly Band[];
  /** Bands around the future forecast, one value per forecast time. */
  forecastBands?: readonly Band[];
}

type Point = [number, number | null];

function bandSeries(
  name: string,
  times: ArrayLike<number>,
  band: Band,
  pick: (i: number) => boolean,
  fill: string,
): ChartOption[] {
  const lower: Point[] = [];
  const width: Point[] = [];
  for (let i = 0; i < times.length; i++) {
    if (!pick(i)) continue;
    const lo = finite(band.lower[i]);
    const hi = finite(band.upper[i]);
    const t = times[i] as number;
    lower.push([t, lo]);
    width.push([t, lo === null || hi === null ? null : hi - lo]);
  }
  // A stack per band: an invisible floor at the lower bound, then a filled layer as thick as the band.
  const common = {
    type: 'line',
    showSymbol: false,
    symbol: 'none',
    silent: true,
    connectNulls: false,
    tooltip: { show: false },
    z: 1,
    stack: `band ${name}`,
    lineStyle: { opacity: 0 },
  };
  return [
    { ...common, name: `${name} lower`, data: lower },
    { ...common, name, data: width, areaStyle: { color: fill } },
  ];
}

const percent = (level: number): string => `${Math.round(level * 100)}%`;

export function forecastBandsOption(input: ForecastBandsInput): ChartOption {
  const option = actualVsPredictedOption(input);
  const theme = themeOf(input);
  const horizon = Math.max(1, Math.floor(input.test.horizon));
  const step = Math.min(Math.max(0, Math.floor(input.step ?? 0)), horizon - 1);
  const onStep = (i: number): boolean => i % horizon === step;
  // Widest first so the narrower band paints over it; both use the theme's translucent fill, so
  // the inner band reads darker where they overlap.
  const sorted = [...(input.bands ?? [])].sort((a, b) => b.level - a.level);
  const bands = sorted.flatMap((b) =>
    bandSeries(`${percent(b.level)} interval`, input.test.times, b, onStep, theme.band),
  );
  const forecast: TimedValues | undefined = input.forecast;
  const future = forecast
    ? [...(input.forecastBands ?? [])]
        .sort((a, b) => b.level - a.level)
        .flatMap((b) =>
          bandSeries(`${percent(b.level)} forecast interval`, forecast.times, b, () => true, theme.band),
        )
    : [];
  const series = option.series as ChartOption[];
  return { ...option, series: [...bands, ...future, ...series] };
}
