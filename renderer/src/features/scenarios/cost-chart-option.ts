import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { formatMoney } from '../../../../shared/domain/money';
import { axisText, axisTooltip, chartBase, chartGrid, chartLegend, DEFAULT_PALETTE, tooltipByIndex, tooltipDot, type ChartPalette } from '../../lib/chart-options';
import { NO_VALUE, formatMonthLong, formatMonthShort } from '../../lib/format';
import { bandedLineSeries, costLines, type CostPoint } from '../../../../shared/domain/charts/scenario';

export type CostChartOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export { AI_PATH_SERIES, HUMAN_SERIES, WITH_AI_SERIES } from '../../../../shared/domain/charts/scenario';

/** The app's palette for the three lines (styles.css); the export palette gives the same hues. */
export const COST_LINES = costLines({ human: '#c2700f', withAi: '#2f5f96', aiPath: '#3f8f82' });

function tooltipHtml(point: CostPoint, currency: string, palette: ChartPalette): string {
  const m = (v: number | null) => (v === null ? NO_VALUE : formatMoney(v, currency));
  const lines = COST_LINES.map((line) => {
    const b = line.pick(point);
    const band = b.p10 !== null && b.p90 !== null ? ` <span style="color:${palette.muted}">(P10 ${m(b.p10)} – P90 ${m(b.p90)})</span>` : '';
    return `${tooltipDot(line.color)}${line.name}: <strong>${m(b.value)}</strong>${band}`;
  });
  return [`<strong>${formatMonthLong(point.month)}</strong>`, ...lines, `<span style="color:${palette.muted}">Cost per accepted PR/MR ${m(point.costPerAcceptedMicros)}</span>`].join('<br/>');
}

/**
 * Cost per month: the human path (every eligible item done by people), the month's cost with the AI
 * path (its own cost plus the items it did not deliver, done by people) and the AI-path cost alone,
 * each a line with its P10–P90 shaded when Monte Carlo bands are in. A band is two stacked series
 * sharing the line's name, so the legend shows and hides the line and its band together.
 */
export function costChartOption(points: readonly CostPoint[], currency: string, palette: ChartPalette = DEFAULT_PALETTE): CostChartOption {
  const text = axisText(palette);
  const series = bandedLineSeries(points, COST_LINES, 0.14);
  return {
    ...chartBase(palette),
    grid: chartGrid({ left: 8, right: 16, top: 36, bottom: 8 }),
    legend: chartLegend(palette, COST_LINES.map((l) => ({ name: l.name, itemStyle: { color: l.color } })), 14),
    tooltip: { ...axisTooltip(palette, { shadow: false }), formatter: tooltipByIndex(points, (point) => tooltipHtml(point, currency, palette)) },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((p) => formatMonthShort(p.month)),
      axisLine: { lineStyle: { color: palette.gridLine } },
      axisLabel: text,
    },
    yAxis: {
      type: 'value',
      min: 0,
      // Ticks at whole currency units at least: an all-zero scenario would otherwise label fractions of a micro "£0" five times.
      minInterval: 1_000_000,
      axisLabel: { ...text, formatter: (value: number) => formatMoney(value, currency, { compact: true }) },
      splitLine: { lineStyle: { color: palette.gridLine } },
    },
    series,
  };
}
