import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { formatMoney } from '../../../../shared/domain/money';
import { NO_VALUE, formatCount, formatMonthLong, formatMonthShort } from '../../lib/format';
import { DEFAULT_PALETTE, type ChartPalette } from '../overview/cost-per-accepted-chart-option';
import type { MonthPoint } from './scorecard-view-model';

export type PilotChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export const ACCEPTED_SERIES = 'Accepted PR/MRs';
export const COST_SERIES = 'Cost per accepted PR/MR';

function dataIndexOf(params: unknown): number | null {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (typeof first === 'object' && first !== null && 'dataIndex' in first && typeof first.dataIndex === 'number') return first.dataIndex;
  return null;
}

function tooltipHtml(point: MonthPoint, currency: string, palette: ChartPalette): string {
  const dot = (color: string): string => `<span style="display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:6px;background:${color}"></span>`;
  const cost = point.costPerAcceptedMicros === null ? `${NO_VALUE} (nothing accepted)` : formatMoney(point.costPerAcceptedMicros, currency);
  return [
    `<strong>${formatMonthLong(point.month)}</strong>`,
    `${dot(palette.bar)}${ACCEPTED_SERIES}: <strong>${formatCount(point.accepted)}</strong>`,
    `${dot(palette.line)}${COST_SERIES}: <strong>${cost}</strong>`,
    `<span style="color:${palette.muted}">AI-path cost ${formatMoney(point.aiPathCostMicros, currency)}</span>`,
  ].join('<br/>');
}

/**
 * A pilot's months: accepted PR/MRs as bars (left axis) and cost per accepted as a line (right
 * axis, money). A month with nothing accepted breaks the line instead of drawing a zero cost.
 */
export function pilotChartOption(points: readonly MonthPoint[], currency: string, palette: ChartPalette = DEFAULT_PALETTE): PilotChartOption {
  const axisText = { fontFamily: palette.fontFamily, color: palette.muted, fontSize: 11 };
  return {
    animation: false,
    textStyle: { fontFamily: palette.fontFamily, color: palette.text },
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 12,
      itemHeight: 8,
      itemGap: 20,
      textStyle: { fontFamily: palette.fontFamily, color: palette.text, fontSize: 12 },
      data: [ACCEPTED_SERIES, COST_SERIES],
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: palette.tooltipBackground,
      borderColor: palette.tooltipBorder,
      textStyle: { color: palette.text, fontSize: 12 },
      formatter: (params) => {
        const index = dataIndexOf(params);
        const point = index === null ? undefined : points[index];
        return point === undefined ? '' : tooltipHtml(point, currency, palette);
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => formatMonthShort(p.month)),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: palette.gridLine } },
      axisLabel: axisText,
    },
    yAxis: [
      {
        type: 'value',
        min: 0,
        minInterval: 1,
        axisLabel: { ...axisText, formatter: (value: number) => formatCount(value) },
        splitLine: { lineStyle: { color: palette.gridLine } },
      },
      {
        type: 'value',
        min: 0,
        position: 'right',
        axisLabel: { ...axisText, formatter: (value: number) => formatMoney(value, currency, { compact: true }) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: ACCEPTED_SERIES,
        type: 'bar',
        yAxisIndex: 0,
        barMaxWidth: 32,
        itemStyle: { color: palette.bar, borderRadius: [2, 2, 0, 0] },
        data: points.map((p) => p.accepted),
      },
      {
        name: COST_SERIES,
        type: 'line',
        yAxisIndex: 1,
        symbol: 'circle',
        symbolSize: 6,
        connectNulls: false,
        lineStyle: { color: palette.line, width: 2 },
        itemStyle: { color: palette.line },
        data: points.map((p) => p.costPerAcceptedMicros),
      },
    ],
  };
}
