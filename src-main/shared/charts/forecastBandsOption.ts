// The run chart of the app: actual vs predicted (with baselines and the forecast, as
// actualVsPredictedOption draws them) under several nested interval bands, e.g. 80% inside 95%,
// plus what stands beside the model's forecast past the data: other methods' forecasts (ETS,
// Theta, …) and the paths of the ensemble's members, so their spread shows.
import {
  actualVsPredictedOption,
  type ActualVsPredictedInput,
  type TimedValues,
} from './actualVsPredictedOption';
import {
  bandLayers,
  colour,
  colouredLine,
  finite,
  themeOf,
  timedPoints,
  type ChartOption,
  type TimedPoint,
} from './runChartBase';

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
  /** Other methods' forecasts at the forecast times, named in words ("ETS(M,Ad,M)"). */
  peers?: readonly { name: string; values: ArrayLike<number | null> }[];
  /** The ensemble members' forecasts at the forecast times; drawn as thin lines under one name. */
  members?: { name: string; paths: readonly ArrayLike<number | null>[] };
  /** Start of the time axis (e.g. some context before the test part); default: the data's start. */
  xMin?: number;
}

/** "rgba(r, g, b, a)" or "#rrggbb" at another opacity. */
export function withAlpha(color: string, alpha: number): string {
  const rgba = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)/.exec(color);
  if (rgba) return `rgba(${rgba[1]}, ${rgba[2]}, ${rgba[3]}, ${alpha})`;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) {
    const [r, g, b] = [hex[1], hex[2], hex[3]].map((h) => parseInt(h ?? '0', 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  return color;
}

/** Opacity of a band's own layer, widest first, as if each narrower one were laid over the wider. */
const bandAlpha = (rank: number): number => 1 - 0.87 * 0.8 ** rank;

/** `color` at `alpha` over `background`, as one opaque colour ("rgb(r, g, b)"). */
export function blend(color: string, alpha: number, background: string): string {
  const rgb = (c: string): number[] | null => {
    const m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)/.exec(c);
    if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
    const h = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
    return h ? [h[1], h[2], h[3]].map((x) => parseInt(x ?? '0', 16)) : null;
  };
  const fg = rgb(color);
  const bg = rgb(background) ?? [255, 255, 255];
  if (!fg) return color;
  const mix = fg.map((v, i) => Math.round((bg[i] as number) + (v - (bg[i] as number)) * alpha));
  return `rgb(${mix.join(', ')})`;
}

function bandSeries(
  name: string,
  stack: string,
  times: ArrayLike<number>,
  band: Band,
  pick: (i: number) => boolean,
  fill: string,
): ChartOption[] {
  const lower: TimedPoint[] = [];
  const upper: TimedPoint[] = [];
  for (let i = 0; i < times.length; i++) {
    if (!pick(i)) continue;
    const t = times[i] as number;
    lower.push([t, finite(band.lower[i])]);
    upper.push([t, finite(band.upper[i])]);
  }
  return bandLayers(name, stack, lower, upper, {
    areaStyle: { color: fill },
    itemStyle: { color: fill },
  });
}

const percent = (level: number): string => `${Math.round(level * 100)}%`;

export function forecastBandsOption(input: ForecastBandsInput): ChartOption {
  const option = actualVsPredictedOption(input);
  const theme = themeOf(input);
  const horizon = Math.max(1, Math.floor(input.test.horizon));
  const step = Math.min(Math.max(0, Math.floor(input.step ?? 0)), horizon - 1);
  const onStep = (i: number): boolean => i % horizon === step;
  // One opaque fill per level, widest lightest, drawn widest first so the narrower band covers its
  // part of the wider one: each band looks the same wherever it is drawn, and the legend shows
  // exactly that colour.
  const levels = [
    ...new Set([...(input.bands ?? []), ...(input.forecastBands ?? [])].map((b) => b.level)),
  ].sort((a, b) => b - a);
  const fills = new Map<number, string>();
  levels.forEach((level, rank) =>
    fills.set(level, blend(theme.band, +bandAlpha(rank).toFixed(3), theme.background)),
  );
  const fillOf = (level: number): string => fills.get(level) ?? theme.band;
  const sorted = [...(input.bands ?? [])].sort((a, b) => b.level - a.level);
  const bands = sorted.flatMap((b) =>
    bandSeries(
      `${percent(b.level)} interval`,
      `test ${b.level}`,
      input.test.times,
      b,
      onStep,
      fillOf(b.level),
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
            fillOf(b.level),
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
  const beside: ChartOption[] = [];
  if (forecast && input.members && input.members.paths.length > 0) {
    const color = withAlpha(theme.muted, 0.55);
    for (const path of input.members.paths) {
      const line = colouredLine(input.members.name, color, timedPoints(forecast.times, path), {
        width: 1,
      });
      beside.push({ ...line, silent: true, tooltip: { show: false }, z: 2 });
    }
  }
  if (forecast) {
    for (const peer of input.peers ?? []) {
      const color = colour(next++);
      const data = timedPoints(forecast.times, peer.values);
      beside.push(colouredLine(peer.name, color, data, { type: 'dashed' }));
    }
  }
  const all = [...bands, ...future, ...beside, ...series];
  // The invisible floors of the bands stay out of the legend; bands show as filled squares.
  const names = [
    ...new Set(
      [...bands, ...future, ...series, ...beside]
        .map((s) => String(s.name))
        .filter((n) => !n.endsWith(' floor')),
    ),
  ];
  const bandLevel = new Map(levels.map((l) => [`${percent(l)} interval`, l]));
  const data = names.map((name) => {
    const level = bandLevel.get(name);
    if (level === undefined) return name;
    return { name, icon: 'rect', itemStyle: { color: fills.get(level) ?? theme.band } };
  });
  const legend = { ...(option.legend as ChartOption), type: 'scroll', data };
  if (input.xMin === undefined) return { ...option, legend, series: all };
  // From xMin on: the value axis spans what is visible there, not the whole series.
  const from = input.xMin;
  let lo = Infinity;
  let hi = -Infinity;
  const see = (t: number | undefined, v: number | null | undefined): void => {
    if (t === undefined || t < from || v === null || v === undefined || !Number.isFinite(v)) return;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  };
  for (const line of [...series, ...beside])
    for (const [t, v] of line.data as TimedPoint[]) see(t, v);
  for (const b of input.bands ?? [])
    for (let i = 0; i < input.test.times.length; i++) {
      if (!onStep(i)) continue;
      see(input.test.times[i], b.lower[i]);
      see(input.test.times[i], b.upper[i]);
    }
  for (const b of forecast ? (input.forecastBands ?? []) : [])
    for (let i = 0; i < (forecast?.times.length ?? 0); i++) {
      see(forecast?.times[i], b.lower[i]);
      see(forecast?.times[i], b.upper[i]);
    }
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.abs(hi) * 0.05 || 1;
  const xAxis = { ...(option.xAxis as ChartOption), min: from };
  const yAxis =
    lo <= hi
      ? {
          ...(option.yAxis as ChartOption),
          min: +(lo - pad).toPrecision(3),
          max: +(hi + pad).toPrecision(3),
        }
      : option.yAxis;
  return { ...option, legend, xAxis, yAxis, series: all };
}
