import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../schemas/analysis';
import { darkTheme, lightTheme, palette } from './chartTheme';
import { acfChartOption, correlogramOption, pacfChartOption } from './correlogramOption';

interface Series {
  name: string;
  type: string;
  stack?: string;
  stackStrategy?: string;
  data: unknown[];
}
const seriesOf = (option: Record<string, unknown>): Series[] => option.series as Series[];
const named = (option: Record<string, unknown>, name: string): Series => {
  const s = seriesOf(option).find((x) => x.name === name);
  if (!s) throw new Error(`no series ${name}`);
  return s;
};

describe('correlogramOption', () => {
  // Bartlett band for n = 100 and r1 = 0.5, r2 = 0.2 (z = 1.959964):
  //   lag 1: z·√(1/100) = 0.1959964; lag 2: z·√((1 + 2·0.25)/100) = z·√0.015 = 0.2400452;
  //   lag 3: z·√((1 + 2·(0.25 + 0.04))/100) = z·√0.0158 = 0.2463643.
  const values = [1, 0.5, 0.2, -0.25];
  const band = [0, 0.1959964, 0.2400452, 0.2463643];

  it('leaves lag 0 out and plots lags 1..nlags as bars', () => {
    const option = correlogramOption({ values, band });
    expect((option.xAxis as { data: number[] }).data).toEqual([1, 2, 3]);
    const bars = named(option, 'correlation');
    expect(bars.type).toBe('bar');
    expect(bars.data.map((d) => (d as { value: number }).value)).toEqual([0.5, 0.2, -0.25]);
  });

  it('stacks the band so it spans exactly −half..+half at every lag', () => {
    const option = correlogramOption({ values, band });
    const lower = named(option, 'band lower').data as number[];
    const width = named(option, 'band').data as number[];
    const upper = named(option, 'band upper').data as number[];
    expect(named(option, 'band lower').stack).toBe('band');
    expect(named(option, 'band').stack).toBe('band');
    // ECharts stacks only same-sign values by default; the band needs a negative floor.
    expect(
      seriesOf(option)
        .filter((x) => x.stackStrategy === 'all')
        .map((x) => x.name),
    ).toEqual(['band lower', 'band']);
    lower.forEach((lo, i) => {
      expect(lo).toBeCloseTo(-(band[i + 1] as number), 12);
      expect(lo + (width[i] as number)).toBeCloseTo(band[i + 1] as number, 12);
      expect(upper[i]).toBeCloseTo(band[i + 1] as number, 12);
    });
  });

  it('highlights only the lags outside the band', () => {
    // 0.5 > 0.196 is outside; 0.2 < 0.240 and |−0.25| > 0.246 (just) is outside.
    const option = correlogramOption({ values, band, theme: darkTheme });
    const colours = named(option, 'correlation').data.map(
      (d) => (d as { itemStyle: { color: string } }).itemStyle.color,
    );
    expect(colours).toEqual([palette[0], darkTheme.muted, palette[0]]);
  });

  it('accepts one band half-width for all lags', () => {
    // PACF band for n = 144: 1.959964/√144 = 0.1633303.
    const option = correlogramOption({ values: [1, 0.9, -0.1], band: 0.1633303 });
    expect(named(option, 'band upper').data).toEqual([0.1633303, 0.1633303]);
    expect(named(option, 'band lower').data).toEqual([-0.1633303, -0.1633303]);
  });
});

describe('acfChartOption and pacfChartOption', () => {
  const acf: AnalysisResult['acf'] = {
    values: [1, 0.6, 0.3],
    band: [0, 0.2, 0.25],
    method: 'ACF, 95% Bartlett band',
  };
  const pacf: AnalysisResult['pacf'] = {
    method: 'ols',
    values: [1, 0.6, -0.05],
    ywadjusted: [1, 0.59, -0.04],
    ols: [1, 0.6, -0.05],
    band: 0.2,
    label: 'PACF (OLS), 95% band ±1.96/√n',
  };

  it('captions the chart with the method label from the result', () => {
    const option = acfChartOption(acf, { theme: lightTheme });
    expect((option.title as { subtext: string }).subtext).toBe('ACF, 95% Bartlett band');
    expect(named(option, 'band upper').data).toEqual([0.2, 0.25]);
  });

  it('plots the PACF values of the chosen method with its scalar band', () => {
    const option = pacfChartOption(pacf);
    expect((option.title as { subtext: string }).subtext).toBe(pacf.label);
    expect(named(option, 'correlation').data.map((d) => (d as { value: number }).value)).toEqual([
      0.6, -0.05,
    ]);
    expect(named(option, 'band upper').data).toEqual([0.2, 0.2]);
  });

  it('leaves captions to the host when asked', () => {
    expect(pacfChartOption(pacf, { captions: false }).title).toBeUndefined();
  });
});
