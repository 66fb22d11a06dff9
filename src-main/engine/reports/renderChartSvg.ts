// Renders a chart option to an SVG string with ECharts' server-side renderer: the reports use the
// very option builders the app draws with, so a report looks like the screen.
import * as echarts from 'echarts';

type EChartsOption = Parameters<echarts.ECharts['setOption']>[0];

export function renderChartSvg(
  option: Record<string, unknown>,
  width: number,
  height: number,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false } as EChartsOption);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
