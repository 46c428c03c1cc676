import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { formatMoney } from '../../../../shared/domain/money';
import { axisText, axisTooltip, chartBase, chartGrid, chartLegend, DEFAULT_PALETTE, tooltipByIndex, type ChartPalette } from '../../lib/chart-options';
import type { CompareColumn } from './comparison-view-model';

export type ComparisonChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export const AI_PART = 'AI-path cost';
export const PEOPLE_PART = 'Done by people';

/**
 * Cost over the horizon per column, as one bar split into the AI path's own cost and the work left to
 * people (for the baseline, all of it): the bar's length is the cost with the AI path, so the
 * scenarios and the baseline read against each other at a glance.
 */
export function comparisonChartOption(columns: readonly CompareColumn[], currency: string, palette: ChartPalette = DEFAULT_PALETTE): ComparisonChartOption {
  const text = axisText(palette);
  const m = (v: number) => formatMoney(v, currency);
  return {
    ...chartBase(palette),
    grid: chartGrid({ left: 8, right: 24, top: 32, bottom: 8 }),
    legend: chartLegend(palette, [AI_PART, PEOPLE_PART]),
    tooltip: {
      ...axisTooltip(palette, { shadow: true }),
      formatter: tooltipByIndex(columns, (c) => {
        const t = c.result.totals;
        return [
          `<strong>${c.name}</strong>`,
          `${AI_PART}: <strong>${m(t.aiPathCostMicros)}</strong>`,
          `${PEOPLE_PART}: <strong>${m(t.fallbackCostMicros)}</strong>`,
          `Cost with the AI path: <strong>${m(t.scenarioCostMicros)}</strong>`,
          `Net saving: <strong>${m(t.netSavingMicros)}</strong>`,
        ].join('<br/>');
      }),
    },
    xAxis: { type: 'value', min: 0, axisLabel: { ...text, formatter: (v: number) => formatMoney(v, currency, { compact: true }) }, splitLine: { lineStyle: { color: palette.gridLine } } },
    yAxis: { type: 'category', inverse: true, data: columns.map((c) => c.name), axisTick: { show: false }, axisLabel: { ...text, color: palette.text, width: 180, overflow: 'truncate' } },
    series: [
      { name: AI_PART, type: 'bar', stack: 'cost', barMaxWidth: 22, itemStyle: { color: palette.bar }, data: columns.map((c) => c.result.totals.aiPathCostMicros) },
      { name: PEOPLE_PART, type: 'bar', stack: 'cost', barMaxWidth: 22, itemStyle: { color: palette.line }, data: columns.map((c) => c.result.totals.fallbackCostMicros) },
    ],
  };
}
