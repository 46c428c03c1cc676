import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { formatDecimal } from '../../lib/format';
import { axisText, axisTooltip, chartBase, chartGrid, chartLegend, DEFAULT_PALETTE, type ChartPalette } from '../../lib/chart-options';
import type { CapacityRow } from './capacity-view-model';

export type CapacityChartOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export const WITH_AI_BACKLOG = 'Backlog with the AI path';
export const WITHOUT_AI_BACKLOG = 'Backlog with people only';

/** Backlog burn-down: open items at the end of each month with the routed share, against people only. */
export function capacityChartOption(rows: readonly CapacityRow[], palette: ChartPalette = DEFAULT_PALETTE): CapacityChartOption {
  const text = axisText(palette);
  const line = (name: string, color: string, dashed: boolean, data: number[]): LineSeriesOption => ({
    name,
    type: 'line',
    symbol: 'circle',
    symbolSize: 5,
    lineStyle: { color, width: 2, type: dashed ? 'dashed' : 'solid' },
    itemStyle: { color },
    data,
  });
  return {
    ...chartBase(palette),
    grid: chartGrid({ left: 8, right: 16, top: 32, bottom: 8 }),
    legend: chartLegend(palette, [WITH_AI_BACKLOG, WITHOUT_AI_BACKLOG], 14),
    tooltip: {
      ...axisTooltip(palette, { shadow: false }),
      valueFormatter: (value) => (typeof value === 'number' ? `${formatDecimal(value, 1)} items` : String(value)),
    },
    xAxis: { type: 'category', boundaryGap: false, data: rows.map((r) => r.shortLabel), axisLine: { lineStyle: { color: palette.gridLine } }, axisLabel: text },
    yAxis: { type: 'value', min: 0, axisLabel: { ...text, formatter: (v: number) => formatDecimal(v, 0) }, splitLine: { lineStyle: { color: palette.gridLine } } },
    series: [line(WITH_AI_BACKLOG, palette.bar, false, rows.map((r) => r.backlogItems)), line(WITHOUT_AI_BACKLOG, palette.line, true, rows.map((r) => r.backlogItemsWithoutAi))],
  };
}
