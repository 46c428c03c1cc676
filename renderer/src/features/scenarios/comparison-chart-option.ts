import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { formatMoney } from '../../../../shared/domain/money';
import { DEFAULT_PALETTE, type ChartPalette } from '../overview/cost-per-accepted-chart-option';
import type { CompareColumn } from './comparison-view-model';

export type ComparisonChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export const AI_PART = 'AI-path cost';
export const PEOPLE_PART = 'Done by people';

function dataIndexOf(params: unknown): number | null {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (typeof first === 'object' && first !== null && 'dataIndex' in first && typeof first.dataIndex === 'number') return first.dataIndex;
  return null;
}

/**
 * Cost over the horizon per column, as one bar split into the AI path's own cost and the work left to
 * people (for the baseline, all of it): the bar's length is the cost with the AI path, so the
 * scenarios and the baseline read against each other at a glance.
 */
export function comparisonChartOption(columns: readonly CompareColumn[], currency: string, palette: ChartPalette = DEFAULT_PALETTE): ComparisonChartOption {
  const axisText = { fontFamily: palette.fontFamily, color: palette.muted, fontSize: 11 };
  const m = (v: number) => formatMoney(v, currency);
  return {
    animation: false,
    textStyle: { fontFamily: palette.fontFamily, color: palette.text },
    grid: { left: 8, right: 24, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, itemGap: 20, textStyle: { fontFamily: palette.fontFamily, color: palette.text, fontSize: 12 }, data: [AI_PART, PEOPLE_PART] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: palette.tooltipBackground,
      borderColor: palette.tooltipBorder,
      textStyle: { color: palette.text, fontSize: 12 },
      formatter: (params) => {
        const index = dataIndexOf(params);
        const c = index === null ? undefined : columns[index];
        if (c === undefined) return '';
        const t = c.result.totals;
        return [
          `<strong>${c.name}</strong>`,
          `${AI_PART}: <strong>${m(t.aiPathCostMicros)}</strong>`,
          `${PEOPLE_PART}: <strong>${m(t.fallbackCostMicros)}</strong>`,
          `Cost with the AI path: <strong>${m(t.scenarioCostMicros)}</strong>`,
          `Net saving: <strong>${m(t.netSavingMicros)}</strong>`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', min: 0, axisLabel: { ...axisText, formatter: (v: number) => formatMoney(v, currency, { compact: true }) }, splitLine: { lineStyle: { color: palette.gridLine } } },
    yAxis: { type: 'category', inverse: true, data: columns.map((c) => c.name), axisTick: { show: false }, axisLabel: { ...axisText, color: palette.text, width: 180, overflow: 'truncate' } },
    series: [
      { name: AI_PART, type: 'bar', stack: 'cost', barMaxWidth: 22, itemStyle: { color: palette.bar }, data: columns.map((c) => c.result.totals.aiPathCostMicros) },
      { name: PEOPLE_PART, type: 'bar', stack: 'cost', barMaxWidth: 22, itemStyle: { color: palette.line }, data: columns.map((c) => c.result.totals.fallbackCostMicros) },
    ],
  };
}
