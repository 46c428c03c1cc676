import { init, use, type EChartsCoreOption } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([SVGRenderer, BarChart, LineChart, GridComponent, LegendComponent, TitleComponent]);

/**
 * One chart drawn by echarts' server-side renderer: no window, no canvas, an SVG string. echarts
 * measures text with its built-in Arial widths here, which is why the export palette names Arial
 * (or the metric-compatible Liberation Sans) first.
 */
export function renderChartSvg(option: EChartsCoreOption, size: { width: number; height: number }): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    // Undisposed SSR charts keep an animation timer alive and hold the process open.
    chart.dispose();
  }
}
