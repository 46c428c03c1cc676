import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { formatDecimal } from '../../lib/format';
import { DEFAULT_PALETTE, type ChartPalette } from '../overview/cost-per-accepted-chart-option';
import type { CapacityRow } from './capacity-view-model';

export type CapacityChartOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export const WITH_AI_BACKLOG = 'Backlog with the AI path';
export const WITHOUT_AI_BACKLOG = 'Backlog with people only';

/** Backlog burn-down: open items at the end of each month with the routed share, against people only. */
export function capacityChartOption(rows: readonly CapacityRow[], palette: ChartPalette = DEFAULT_PALETTE): CapacityChartOption {
  const axisText = { fontFamily: palette.fontFamily, color: palette.muted, fontSize: 11 };
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
    animation: false,
    textStyle: { fontFamily: palette.fontFamily, color: palette.text },
    grid: { left: 8, right: 16, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, itemGap: 20, textStyle: { fontFamily: palette.fontFamily, color: palette.text, fontSize: 12 }, data: [WITH_AI_BACKLOG, WITHOUT_AI_BACKLOG] },
    tooltip: {
      trigger: 'axis',
      backgroundColor: palette.tooltipBackground,
      borderColor: palette.tooltipBorder,
      textStyle: { color: palette.text, fontSize: 12 },
      valueFormatter: (value) => (typeof value === 'number' ? `${formatDecimal(value, 1)} items` : String(value)),
    },
    xAxis: { type: 'category', boundaryGap: false, data: rows.map((r) => r.shortLabel), axisLine: { lineStyle: { color: palette.gridLine } }, axisLabel: axisText },
    yAxis: { type: 'value', min: 0, axisLabel: { ...axisText, formatter: (v: number) => formatDecimal(v, 0) }, splitLine: { lineStyle: { color: palette.gridLine } } },
    series: [line(WITH_AI_BACKLOG, palette.bar, false, rows.map((r) => r.backlogItems)), line(WITHOUT_AI_BACKLOG, palette.line, true, rows.map((r) => r.backlogItemsWithoutAi))],
  };
}
