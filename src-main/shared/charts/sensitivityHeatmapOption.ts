// Perturbation effects as a heatmap, windows × lags (one feature) or features × lags (signed mean
// over windows). The colour scale is symmetric around 0 so sign reads as hue and size as depth.
import type { TimeFormat } from '../schemas/dataset';
import { lagLabels } from './lagLabels';
import { baseOption, themeOf, type ChartOption, type RunChartStyle } from './runChartBase';
import { darkTheme } from './chartTheme';
import { formatTime } from './timeAxis';

export interface SensitivityHeatmapInput extends RunChartStyle {
  /** [windows × lookback × features], row-major. */
  effect: ArrayLike<number>;
  shape: { windows: number; lookback: number; features: number };
  view: 'windows-lags' | 'features-lags';
  /** Feature shown in the windows × lags view (default 0, the target's own past). */
  feature?: number;
  featureNames?: readonly string[];
  /** Time of each window's first target, for labels and tooltips. */
  windowTimes?: ArrayLike<number>;
  timeFormat?: TimeFormat;
  /** Shown in the colour legend, e.g. "Δ forecast (passengers)". */
  valueLabel?: string;
}

interface Cell {
  value: [number, number, number];
  name: string;
}

const fmt = (v: number): string => String(Number(v.toPrecision(4)));

function cells(input: SensitivityHeatmapInput, lags: string[], yLabels: string[]): Cell[] {
  const { windows, lookback, features } = input.shape;
  const names = (f: number): string => input.featureNames?.[f] ?? `feature ${f}`;
  const at = (w: number, p: number, f: number): number =>
    input.effect[(w * lookback + p) * features + f] as number;
  const out: Cell[] = [];
  if (input.view === 'windows-lags') {
    const f = Math.min(Math.max(0, input.feature ?? 0), features - 1);
    for (let w = 0; w < windows; w++) {
      for (let p = 0; p < lookback; p++) {
        const v = at(w, p, f);
        const where = `window ${yLabels[w]} · lag ${lags[p]} · ${names(f)}`;
        out.push({ value: [p, w, v], name: `${where} · Δ ${fmt(v)}` });
      }
    }
    return out;
  }
  for (let f = 0; f < features; f++) {
    for (let p = 0; p < lookback; p++) {
      let s = 0;
      for (let w = 0; w < windows; w++) s += at(w, p, f);
      const v = windows > 0 ? s / windows : 0;
      out.push({
        value: [p, f, v],
        name: `all windows · lag ${lags[p]} · ${names(f)} · mean Δ ${fmt(v)}`,
      });
    }
  }
  return out;
}

export function sensitivityHeatmapOption(input: SensitivityHeatmapInput): ChartOption {
  const theme = themeOf(input);
  const { windows, lookback, features } = input.shape;
  const lags = lagLabels(lookback);
  const yLabels =
    input.view === 'windows-lags'
      ? Array.from({ length: windows }, (_, w) => {
          const t = input.windowTimes?.[w];
          return t === undefined
            ? `#${w}`
            : input.timeFormat
              ? formatTime(t, input.timeFormat)
              : String(t);
        })
      : Array.from({ length: features }, (_, f) => input.featureNames?.[f] ?? `feature ${f}`);
  const data = cells(input, lags, yLabels);
  let max = 0;
  for (const c of data) if (Number.isFinite(c.value[2])) max = Math.max(max, Math.abs(c.value[2]));
  const bound = max > 0 ? Number(max.toPrecision(6)) : 1;
  const middle = theme === darkTheme ? '#1f2937' : '#f7f7f7';
  return {
    ...baseOption(input, false),
    tooltip: { trigger: 'item', formatter: '{b}' },
    grid: { left: 96, right: 24, top: input.title ? 40 : 12, bottom: 72 },
    xAxis: {
      type: 'category',
      data: lags,
      name: 'lag',
      nameLocation: 'middle',
      nameGap: 24,
      axisLine: { lineStyle: { color: theme.axis } },
    },
    yAxis: {
      type: 'category',
      data: yLabels,
      // Windows read top to bottom in time order, like a table.
      inverse: input.view === 'windows-lags',
      axisLine: { lineStyle: { color: theme.axis } },
    },
    visualMap: {
      type: 'continuous',
      min: -bound,
      max: bound,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      text: [`+${fmt(bound)}`, `−${fmt(bound)}`],
      textStyle: { color: theme.text },
      ...(input.valueLabel ? { formatter: input.valueLabel } : {}),
      inRange: { color: ['#2166ac', middle, '#b2182b'] },
    },
    series: [{ name: input.valueLabel ?? 'Δ', type: 'heatmap', data, progressive: 0 }],
  };
}
