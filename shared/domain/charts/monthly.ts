import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption } from 'echarts/components';
import { formatMoney } from '../money';
import { formatCount, formatMonthShort } from './format';
import { axisText, EXPORT_PALETTE, exportBase, frameGrid, frameLegend, frameTitles, type ChartFrame, type ExportPalette } from './frame';

export type MonthlyChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption>;

/** A month of accepted work as the Overview and a pilot's scorecard chart it; money in micros of the workspace currency. */
export type MonthFigures = { month: string; accepted: number; costPerAcceptedMicros: number | null; aiPathCostMicros: number };

export const ACCEPTED_SERIES = 'Accepted PR/MRs';
export const COST_PER_ACCEPTED_SERIES = 'Cost per accepted PR/MR';

type Measure = { name: string; value: (m: MonthFigures) => number | null; axisLabel: (v: number) => string; minInterval?: number };

const accepted: Measure = { name: ACCEPTED_SERIES, value: (m) => m.accepted, axisLabel: (v) => formatCount(v), minInterval: 1 };
const costPerAccepted = (currency: string): Measure => ({
  name: COST_PER_ACCEPTED_SERIES,
  value: (m) => m.costPerAcceptedMicros,
  axisLabel: (v) => formatMoney(v, currency, { compact: true }),
  // Whole currency units at least: with no cost at all the axis would label fractions of a micro "£0".
  minInterval: 1_000_000,
});

/**
 * Two measures by month: bars on the left axis, a line on the right, both from zero, one category
 * per month ("Sep 26"). A missing value leaves a gap: a zero would read as free, or as nothing done.
 */
function barLineByMonth(points: readonly MonthFigures[], bar: Measure & { maxWidth: number }, line: Measure, frame: ChartFrame, palette: ExportPalette): MonthlyChartOption {
  const text = axisText(palette);
  const [barColor, lineColor] = palette.series;
  const interval = (m: Measure) => (m.minInterval === undefined ? {} : { minInterval: m.minInterval });
  return {
    ...exportBase(palette),
    title: frameTitles(frame, palette),
    legend: frameLegend(frame, [bar.name, line.name], palette),
    grid: frameGrid(frame, { legend: true }),
    xAxis: {
      type: 'category',
      data: points.map((p) => formatMonthShort(p.month)),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: palette.axisLine } },
      axisLabel: text,
    },
    yAxis: [
      { type: 'value', min: 0, ...interval(bar), axisLabel: { ...text, formatter: bar.axisLabel }, splitLine: { lineStyle: { color: palette.gridLine } } },
      { type: 'value', min: 0, ...interval(line), position: 'right', axisLabel: { ...text, formatter: line.axisLabel }, splitLine: { show: false } },
    ],
    series: [
      { name: bar.name, type: 'bar', yAxisIndex: 0, barMaxWidth: bar.maxWidth, itemStyle: { color: barColor, borderRadius: [2, 2, 0, 0] }, data: points.map(bar.value) },
      {
        name: line.name,
        type: 'line',
        yAxisIndex: 1,
        symbol: 'circle',
        symbolSize: 6,
        connectNulls: false,
        lineStyle: { color: lineColor, width: 2 },
        itemStyle: { color: lineColor },
        data: points.map(line.value),
      },
    ],
  };
}

/**
 * "Cost per accepted PR/MR by month": bars for cost per accepted (left axis, money) and a line for
 * the accepted count (right axis), so a rising cost reads against the volume behind it. Months
 * with nothing accepted have no bar rather than a zero one.
 */
export function costPerAcceptedByMonthOption(points: readonly MonthFigures[], currency: string, frame: ChartFrame, palette: ExportPalette = EXPORT_PALETTE): MonthlyChartOption {
  return barLineByMonth(points, { ...costPerAccepted(currency), maxWidth: 36 }, accepted, frame, palette);
}

/**
 * A pilot's months: accepted PR/MRs as bars (left axis) and cost per accepted as a line (right
 * axis, money). A month with nothing accepted breaks the line instead of drawing a zero cost.
 */
export function pilotMonthlyOption(points: readonly MonthFigures[], currency: string, frame: ChartFrame, palette: ExportPalette = EXPORT_PALETTE): MonthlyChartOption {
  return barLineByMonth(points, { ...accepted, maxWidth: 32 }, costPerAccepted(currency), frame, palette);
}
