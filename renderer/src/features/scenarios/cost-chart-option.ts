import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { formatMoney } from '../../../../shared/domain/money';
import { axisText, axisTooltip, chartBase, chartGrid, chartLegend, DEFAULT_PALETTE, tooltipByIndex, tooltipDot, type ChartPalette } from '../../lib/chart-options';
import { NO_VALUE, formatMonthLong } from '../../lib/format';
import type { BandPoint, CostPoint } from './results-view-model';

export type CostChartOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export const HUMAN_SERIES = 'Human-path cost';
export const WITH_AI_SERIES = 'Cost with the AI path';
export const AI_PATH_SERIES = 'AI-path cost';

type Line = { name: string; color: string; dashed: boolean; pick: (p: CostPoint) => BandPoint };
export const COST_LINES: readonly Line[] = [
  { name: HUMAN_SERIES, color: '#c2700f', dashed: false, pick: (p) => p.humanPath },
  { name: WITH_AI_SERIES, color: '#2f5f96', dashed: false, pick: (p) => p.withAi },
  { name: AI_PATH_SERIES, color: '#3f8f82', dashed: true, pick: (p) => p.aiPath },
];

const hasBand = (points: readonly CostPoint[], line: Line) => points.length > 0 && points.every((p) => line.pick(p).p10 !== null && line.pick(p).p90 !== null);

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
  const series: LineSeriesOption[] = [];
  for (const line of COST_LINES) {
    if (hasBand(points, line)) {
      const stack = `band-${line.name}`;
      series.push(
        { name: line.name, type: 'line', stack, silent: true, symbol: 'none', lineStyle: { opacity: 0 }, data: points.map((p) => line.pick(p).p10) },
        {
          name: line.name,
          type: 'line',
          stack,
          silent: true,
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { color: line.color, opacity: 0.14 },
          data: points.map((p) => {
            const b = line.pick(p);
            return b.p10 === null || b.p90 === null ? null : b.p90 - b.p10;
          }),
        },
      );
    }
    series.push({
      name: line.name,
      type: 'line',
      symbol: 'circle',
      symbolSize: 5,
      lineStyle: { color: line.color, width: 2, type: line.dashed ? 'dashed' : 'solid' },
      itemStyle: { color: line.color },
      data: points.map((p) => line.pick(p).value),
    });
  }
  return {
    ...chartBase(palette),
    grid: chartGrid({ left: 8, right: 16, top: 36, bottom: 8 }),
    legend: chartLegend(palette, COST_LINES.map((l) => ({ name: l.name, itemStyle: { color: l.color } })), 14),
    tooltip: { ...axisTooltip(palette, { shadow: false }), formatter: tooltipByIndex(points, (point) => tooltipHtml(point, currency, palette)) },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((p) => p.label),
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
