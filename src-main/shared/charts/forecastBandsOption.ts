// The run chart of the app: actual vs predicted (with baselines and the forecast, as
// actualVsPredictedOption draws them) under several nested interval bands, e.g. 80% inside 95%.
import {
  actualVsPredictedOption,
  type ActualVsPredictedInput,
  type TimedValues,
} from './actualVsPredictedOption';
import { colour, finite, themeOf, type ChartOption } from './runChartBase';

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
  stack: string,
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
    stack,
    lineStyle: { opacity: 0 },
  };
  return [
    { ...common, name: `${name} lower`, data: lower },
    { ...common, name, data: width, areaStyle: { color: fill }, itemStyle: { color: fill } },
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
    bandSeries(
      `${percent(b.level)} interval`,
      `test ${b.level}`,
      input.test.times,
      b,
      onStep,
      theme.band,
    ),
  );
  const forecast: TimedValues | undefined = input.forecast;
  const future = forecast
    ? [...(input.forecastBands ?? [])]
        .sort((a, b) => b.level - a.level)
        .flatMap((b) =>
          // Same name as the test band, so one legend entry toggles both.
          bandSeries(
            `${percent(b.level)} interval`,
            `future ${b.level}`,
            forecast.times,
            b,
            () => true,
            theme.band,
          ),
        )
    : [];
  // Prepended bands would shift ECharts' automatic colours, so the lines get theirs explicitly.
  let next = 0;
  const series = (option.series as ChartOption[]).map((s) => {
    const line = (s.lineStyle ?? {}) as Record<string, unknown>;
    if (line.color !== undefined) return s;
    const color = colour(next++);
    return { ...s, lineStyle: { ...line, color }, itemStyle: { color } };
  });
  const all = [...bands, ...future, ...series];
  // The invisible floors of the bands stay out of the legend.
  const legendNames = [
    ...new Set(all.map((s) => String(s.name)).filter((n) => !n.endsWith(' lower'))),
  ];
  const legend = { ...(option.legend as ChartOption), type: 'scroll', data: legendNames };
  return { ...option, legend, series: all };
}
