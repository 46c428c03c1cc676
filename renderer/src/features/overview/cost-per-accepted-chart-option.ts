import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { Overview } from '../../../../shared/ipc/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { NO_VALUE, formatCount, formatMonthLong, formatMonthShort } from '../../lib/format';

export type CostPerAcceptedChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export type ChartPalette = { fontFamily: string; bar: string; line: string; text: string; muted: string; gridLine: string; tooltipBackground: string; tooltipBorder: string };

/**
 * Mirrors the CSS variables in styles.css; echarts draws SVG and cannot read them itself. The font
 * is named outright too: echarts measures labels with its own text metrics, and 'inherit' makes it
 * measure the wrong font, so legend items and axis labels overlap or get clipped.
 */
export const DEFAULT_PALETTE: ChartPalette = {
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  bar: '#2f5f96',
  line: '#c2700f',
  text: '#1f2933',
  muted: '#52606d',
  gridLine: '#e6eaee',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#cfd6de',
};

export const COST_SERIES_NAME = 'Cost per accepted PR/MR';
export const ACCEPTED_SERIES_NAME = 'Accepted PR/MRs';

type Month = Overview['monthly'][number];

/** Values are the API's own numbers; only labels are formatted, so the tooltip can reuse them. */
function tooltipHtml(month: Month, currency: string, palette: ChartPalette): string {
  const dot = (color: string): string => `<span style="display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:6px;background:${color}"></span>`;
  const cost = month.costPerAcceptedMicros === null ? `${NO_VALUE} (nothing accepted)` : formatMoney(month.costPerAcceptedMicros, currency);
  return [
    `<strong>${formatMonthLong(month.month)}</strong>`,
    `${dot(palette.bar)}${COST_SERIES_NAME}: <strong>${cost}</strong>`,
    `${dot(palette.line)}${ACCEPTED_SERIES_NAME}: <strong>${formatCount(month.accepted)}</strong>`,
    `<span style="color:${palette.muted}">AI-path cost ${formatMoney(month.aiPathCostMicros, currency)}</span>`,
  ].join('<br/>');
}

function dataIndexOf(params: unknown): number | null {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (typeof first === 'object' && first !== null && 'dataIndex' in first && typeof first.dataIndex === 'number') return first.dataIndex;
  return null;
}

/**
 * "Cost per accepted PR/MR by month": bars for cost per accepted (left axis, money) and a line for
 * the accepted count (right axis), so a rising cost can be read against the volume behind it.
 * Months with nothing accepted have no bar rather than a zero one: zero would read as free.
 */
export function costPerAcceptedChartOption(monthly: Overview['monthly'], currency: string, palette: ChartPalette = DEFAULT_PALETTE): CostPerAcceptedChartOption {
  const axisText = { fontFamily: palette.fontFamily, color: palette.muted, fontSize: 11 };
  return {
    animation: false,
    textStyle: { fontFamily: palette.fontFamily, color: palette.text },
    // outerBounds keeps the axis labels inside the chart's box (echarts 6 replaced containLabel with it).
    grid: { left: 8, right: 8, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 12,
      itemHeight: 8,
      itemGap: 20,
      textStyle: { fontFamily: palette.fontFamily, color: palette.text, fontSize: 12 },
      data: [COST_SERIES_NAME, ACCEPTED_SERIES_NAME],
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: palette.tooltipBackground,
      borderColor: palette.tooltipBorder,
      textStyle: { color: palette.text, fontSize: 12 },
      formatter: (params) => {
        const index = dataIndexOf(params);
        const month = index === null ? undefined : monthly[index];
        return month === undefined ? '' : tooltipHtml(month, currency, palette);
      },
    },
    xAxis: {
      type: 'category',
      data: monthly.map((m) => formatMonthShort(m.month)),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: palette.gridLine } },
      axisLabel: axisText,
    },
    yAxis: [
      {
        type: 'value',
        min: 0,
        axisLabel: { ...axisText, formatter: (value: number) => formatMoney(value, currency, { compact: true }) },
        splitLine: { lineStyle: { color: palette.gridLine } },
      },
      {
        type: 'value',
        min: 0,
        minInterval: 1,
        position: 'right',
        axisLabel: { ...axisText, formatter: (value: number) => formatCount(value) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: COST_SERIES_NAME,
        type: 'bar',
        yAxisIndex: 0,
        barMaxWidth: 36,
        itemStyle: { color: palette.bar, borderRadius: [2, 2, 0, 0] },
        data: monthly.map((m) => m.costPerAcceptedMicros),
      },
      {
        name: ACCEPTED_SERIES_NAME,
        type: 'line',
        yAxisIndex: 1,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { color: palette.line, width: 2 },
        itemStyle: { color: palette.line },
        data: monthly.map((m) => m.accepted),
      },
    ],
  };
}
