import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { formatMonthLong, formatMonthShort } from './format';

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

/** The style of axis tick labels: small and muted, so the data stands out. */
export const axisText = (palette: ChartPalette) => ({ fontFamily: palette.fontFamily, color: palette.muted, fontSize: 11 });

/** What every chart starts from: no animation (figures are read, not watched) and the app's font. */
export const chartBase = (palette: ChartPalette) => ({ animation: false, textStyle: { fontFamily: palette.fontFamily, color: palette.text } });

/** The plot's margins; outerBounds keeps the axis labels inside the chart's box (echarts 6 replaced containLabel with it). */
export const chartGrid = (margins: { left: number; right: number; top: number; bottom: number }): GridComponentOption => ({
  ...margins,
  outerBoundsMode: 'same',
  outerBoundsContain: 'axisLabel',
});

/** The legend across the top left, in the chart's order. */
export const chartLegend = (palette: ChartPalette, data: LegendComponentOption['data'], itemWidth = 12): LegendComponentOption => ({
  top: 0,
  left: 0,
  itemWidth,
  itemHeight: 8,
  itemGap: 20,
  textStyle: { fontFamily: palette.fontFamily, color: palette.text, fontSize: 12 },
  data,
});

/** A tooltip for the hovered category; `shadow` shades the whole category, which suits bars. */
export const axisTooltip = (palette: ChartPalette, opts: { shadow: boolean }): TooltipComponentOption => ({
  trigger: 'axis',
  ...(opts.shadow ? { axisPointer: { type: 'shadow' } } : {}),
  backgroundColor: palette.tooltipBackground,
  borderColor: palette.tooltipBorder,
  textStyle: { color: palette.text, fontSize: 12 },
});

/** The coloured square before a series' name in a tooltip, matching its bar or line. */
export const tooltipDot = (color: string): string =>
  `<span style="display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:6px;background:${color}"></span>`;

/** The category a tooltip is about: echarts passes an array of series for axis tooltips, one object otherwise. */
export function dataIndexOf(params: unknown): number | null {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (typeof first === 'object' && first !== null && 'dataIndex' in first && typeof first.dataIndex === 'number') return first.dataIndex;
  return null;
}

/** A tooltip formatter showing `html` of the hovered item; empty when echarts names no item or one past the data. */
export function tooltipByIndex<T>(items: readonly T[], html: (item: T) => string): (params: unknown) => string {
  return (params) => {
    const index = dataIndexOf(params);
    const item = index === null ? undefined : items[index];
    return item === undefined ? '' : html(item);
  };
}

export type BarLineByMonthOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** One measure drawn per month, with its own axis. */
export type MonthlyMeasure<P> = {
  name: string;
  /** null leaves a gap (no bar, a break in the line) rather than a zero. */
  value: (point: P) => number | null;
  /** The value as the tooltip shows it. */
  text: (point: P) => string;
  axisLabel: (value: number) => string;
  /** The smallest step between axis ticks; 1 keeps a count's ticks whole. */
  minInterval?: number;
};

export type BarLineByMonthSpec<P> = {
  bar: MonthlyMeasure<P> & { maxWidth: number };
  line: MonthlyMeasure<P>;
  /** Room above the plot for the legend, in pixels. */
  top: number;
  /** A muted last tooltip line, for context the chart does not draw. */
  note?: (point: P) => string;
};

/**
 * Two measures by month: bars on the left axis, a line on the right, one category per month ("Sep
 * 26"), both axes from zero. The tooltip names the month in full and gives both values. A missing
 * value leaves a gap: a zero would read as free, or as nothing done.
 */
export function barLineByMonthOption<P extends { month: string }>(points: readonly P[], spec: BarLineByMonthSpec<P>, palette: ChartPalette = DEFAULT_PALETTE): BarLineByMonthOption {
  const { bar, line, note } = spec;
  const text = axisText(palette);
  const tooltip = (point: P): string =>
    [
      `<strong>${formatMonthLong(point.month)}</strong>`,
      `${tooltipDot(palette.bar)}${bar.name}: <strong>${bar.text(point)}</strong>`,
      `${tooltipDot(palette.line)}${line.name}: <strong>${line.text(point)}</strong>`,
      ...(note === undefined ? [] : [`<span style="color:${palette.muted}">${note(point)}</span>`]),
    ].join('<br/>');
  const minInterval = (measure: MonthlyMeasure<P>) => (measure.minInterval === undefined ? {} : { minInterval: measure.minInterval });
  return {
    ...chartBase(palette),
    grid: chartGrid({ left: 8, right: 8, top: spec.top, bottom: 8 }),
    legend: chartLegend(palette, [bar.name, line.name]),
    tooltip: { ...axisTooltip(palette, { shadow: true }), formatter: tooltipByIndex(points, tooltip) },
    xAxis: {
      type: 'category',
      data: points.map((p) => formatMonthShort(p.month)),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: palette.gridLine } },
      axisLabel: text,
    },
    yAxis: [
      { type: 'value', min: 0, ...minInterval(bar), axisLabel: { ...text, formatter: bar.axisLabel }, splitLine: { lineStyle: { color: palette.gridLine } } },
      { type: 'value', min: 0, ...minInterval(line), position: 'right', axisLabel: { ...text, formatter: line.axisLabel }, splitLine: { show: false } },
    ],
    series: [
      {
        name: bar.name,
        type: 'bar',
        yAxisIndex: 0,
        barMaxWidth: bar.maxWidth,
        itemStyle: { color: palette.bar, borderRadius: [2, 2, 0, 0] },
        data: points.map(bar.value),
      },
      {
        name: line.name,
        type: 'line',
        yAxisIndex: 1,
        symbol: 'circle',
        symbolSize: 6,
        connectNulls: false,
        lineStyle: { color: palette.line, width: 2 },
        itemStyle: { color: palette.line },
        data: points.map(line.value),
      },
    ],
  };
}
