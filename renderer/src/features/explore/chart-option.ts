import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { MeasureFieldView, PivotResult, PivotRow } from '../../../../shared/domain/pivot/result';
import { axisText, axisTooltip, chartBase, chartGrid, DEFAULT_PALETTE, type ChartPalette } from '../../lib/chart-options';
import { formatMeasure, type MemberLabeler } from './pivot-labels';

export type ChartKind = 'bar' | 'stacked' | 'line' | 'heatmap';
export const CHART_KINDS: readonly ChartKind[] = ['bar', 'stacked', 'line', 'heatmap'];
export const CHART_LABELS: Record<ChartKind, string> = { bar: 'Bar', stacked: 'Stacked bar', line: 'Line', heatmap: 'Heatmap' };

export type PivotChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | HeatmapSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption>;

/** Beyond these a chart is unreadable; the page says what was left out. */
export const CHART_LIMITS = { categories: 60, series: 24 };

/** A stack only means something for figures that add up; a stack of ratios would read as their sum. */
export const stackable = (measure: Pick<MeasureFieldView, 'kind'>): boolean => measure.kind === 'sum' || measure.kind === 'count' || measure.kind === 'distinct';

export type ChartData = {
  /** Along the x axis (the y axis of a heatmap's rows is `series`). */
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** How many categories and series there were before the limits. */
  categoryCount: number;
  seriesCount: number;
  /** Whether rows run along the x axis (false when time is on the columns: months then read left to right). */
  rowsOnX: boolean;
};

/**
 * The figures of one measure as a matrix of what the grid shows: its innermost shown rows (leaves,
 * and groups that are collapsed) by its leaf columns, or by the measure itself without column
 * dimensions. Subtotals and totals are left out: a bar beside its own parts would double them.
 */
export function chartData(opts: {
  result: Pick<PivotResult, 'spec' | 'columns' | 'measures'>;
  /** The grid's shown body rows, in order (visibleRows). */
  rows: readonly PivotRow[];
  total: PivotRow | null;
  measureIndex: number;
  label: MemberLabeler;
  timeDims: ReadonlySet<string>;
}): ChartData {
  const { result, measureIndex, label } = opts;
  const { spec, measures } = result;
  const M = measures.length;
  const shownRows = spec.rows.length === 0 ? (opts.total === null ? [] : [opts.total]) : opts.rows.filter((r, i) => r.kind === 'leaf' || (opts.rows[i + 1]?.depth ?? 0) <= r.depth);
  const rowName = (r: PivotRow) => (r.path.length === 0 ? 'Total' : r.path.map((v, i) => label(spec.rows[i]!, v)).join(' / '));
  const columns = result.columns.map((c, index) => ({ c, index })).filter(({ c }) => (spec.cols.length === 0 ? c.kind === 'total' : c.kind === 'leaf'));
  const columnName = (path: PivotRow['path']) => (path.length === 0 ? measures[measureIndex]!.label : path.map((v, i) => label(spec.cols[i]!, v)).join(' / '));
  const value = (r: PivotRow, columnIndex: number) => r.values[columnIndex * M + measureIndex] ?? null;

  const timeOnCols = spec.cols.some((d) => opts.timeDims.has(d)) && !spec.rows.some((d) => opts.timeDims.has(d));
  const rowsOnX = !(timeOnCols && spec.cols.length > 0 && spec.rows.length > 0);
  if (rowsOnX) {
    const cats = shownRows.slice(0, CHART_LIMITS.categories);
    const cols = columns.slice(0, CHART_LIMITS.series);
    return {
      categories: cats.map(rowName),
      series: cols.map(({ c, index }) => ({ name: columnName(c.path), values: cats.map((r) => value(r, index)) })),
      categoryCount: shownRows.length,
      seriesCount: columns.length,
      rowsOnX,
    };
  }
  const cols = columns.slice(0, CHART_LIMITS.categories);
  const rows = shownRows.slice(0, CHART_LIMITS.series);
  return {
    categories: cols.map(({ c }) => columnName(c.path)),
    series: rows.map((r) => ({ name: rowName(r), values: cols.map(({ index }) => value(r, index)) })),
    categoryCount: columns.length,
    seriesCount: shownRows.length,
    rowsOnX,
  };
}

/** Series colours in order: the app's accent and cost-kind colours first (styles.css), then further distinct hues. */
const SERIES_COLOURS = ['#2f5f96', '#c2700f', '#3f8f82', '#7a5ea8', '#6f93c6', '#b5473a', '#8a9a2c', '#d29b2a', '#4b7f52', '#9aa5b1', '#1d6b8f', '#a8577e'];

/** Money is plotted in major units (the axis reads £1.2k, not 1,200,000,000 micros); percentages as fractions. */
const plotted = (measure: Pick<MeasureFieldView, 'format'>, v: number | null): number | null => (v === null ? null : measure.format === 'money' ? v / 1_000_000 : v);
const unplotted = (measure: Pick<MeasureFieldView, 'format'>, v: number): number => (measure.format === 'money' ? v * 1_000_000 : v);

function axisFormatter(measure: Pick<MeasureFieldView, 'format'>, currency: string): (v: number) => string {
  const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });
  if (measure.format === 'money') {
    const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    return (v) => money.format(v);
  }
  if (measure.format === 'percent') return (v) => `${Math.round(v * 100)}%`;
  return (v) => compact.format(v);
}

function paramsOf(params: unknown): { name: string; seriesName: string; value: unknown; marker: string }[] {
  const list: unknown[] = Array.isArray(params) ? params : [params];
  return list.filter((p): p is { name: string; seriesName: string; value: unknown; marker: string } => typeof p === 'object' && p !== null && 'seriesName' in p);
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The echarts option for the pivot as a bar, stacked bar, line or heatmap chart of one measure. */
export function pivotChartOption(
  data: ChartData,
  kind: ChartKind,
  measure: Pick<MeasureFieldView, 'format' | 'label' | 'kind'>,
  currency: string,
  palette: ChartPalette = DEFAULT_PALETTE,
): PivotChartOption {
  const format = (v: number | null) => (v === null ? '—' : formatMeasure(measure, unplotted(measure, v), currency));
  const text = axisText(palette);
  const base = { ...chartBase(palette), color: SERIES_COLOURS };
  const tooltipBase = { backgroundColor: palette.tooltipBackground, borderColor: palette.tooltipBorder, textStyle: { color: palette.text, fontSize: 12 }, confine: true };
  const categoryAxis = {
    type: 'category' as const,
    data: data.categories,
    axisLabel: { ...text, interval: 0, rotate: data.categories.length > 8 ? 30 : 0, hideOverlap: true },
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: palette.gridLine } },
  };
  const valueAxis = { type: 'value' as const, axisLabel: { ...text, formatter: axisFormatter(measure, currency) }, splitLine: { lineStyle: { color: palette.gridLine } } };

  if (kind === 'heatmap') {
    const cells: [number, number, number | null][] = [];
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    data.series.forEach((s, y) =>
      s.values.forEach((raw, x) => {
        const v = plotted(measure, raw);
        cells.push([x, y, v]);
        if (v !== null) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }),
    );
    if (!Number.isFinite(min)) [min, max] = [0, 0];
    return {
      ...base,
      grid: chartGrid({ left: 8, right: 8, top: 8, bottom: 84 }),
      tooltip: {
        ...tooltipBase,
        trigger: 'item',
        formatter: (params: unknown) => {
          const p = paramsOf(params)[0];
          const cell = p === undefined ? undefined : (p.value as [number, number, number | null]);
          if (cell === undefined) return '';
          return `${escapeHtml(data.series[cell[1]]?.name ?? '')} · ${escapeHtml(data.categories[cell[0]] ?? '')}<br/><strong>${escapeHtml(format(cell[2]))}</strong>`;
        },
      },
      xAxis: { ...categoryAxis, splitArea: { show: true } },
      yAxis: { type: 'category', data: data.series.map((s) => s.name), inverse: true, axisLabel: text, splitArea: { show: true } },
      visualMap: {
        type: 'continuous',
        min,
        max,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 160,
        inRange: { color: ['#eef4fb', '#2f5f96'] },
        textStyle: text,
        formatter: (v: unknown) => (typeof v === 'number' ? format(v) : String(v)),
      },
      series: [
        {
          type: 'heatmap',
          name: measure.label,
          data: cells,
          label: { show: cells.length <= 120, fontSize: 11, formatter: (p: { value?: unknown }) => (Array.isArray(p.value) ? format((p.value[2] as number | null) ?? null) : '') },
          emphasis: { itemStyle: { borderColor: palette.text, borderWidth: 1 } },
        },
      ],
    };
  }

  const series: (BarSeriesOption | LineSeriesOption)[] = data.series.map((s) =>
    kind === 'line'
      ? { type: 'line', name: s.name, data: s.values.map((v) => plotted(measure, v)), connectNulls: false, symbolSize: 6 }
      : { type: 'bar', name: s.name, data: s.values.map((v) => plotted(measure, v)), ...(kind === 'stacked' ? { stack: 'total' } : {}), barMaxWidth: 36 },
  );
  return {
    ...base,
    grid: chartGrid({ left: 8, right: 8, top: 40, bottom: 8 }),
    // A scrolling legend: a pivot may have more series than one line holds.
    legend: { type: 'scroll', top: 0, left: 0, right: 0, itemWidth: 12, itemHeight: 8, itemGap: 16, textStyle: { fontFamily: palette.fontFamily, color: palette.text, fontSize: 12 } },
    tooltip: {
      ...axisTooltip(palette, { shadow: kind !== 'line' }),
      confine: true,
      formatter: (params: unknown) => {
        const list = paramsOf(params);
        const head = list[0]?.name ?? '';
        const lines = list.map((p) => `${p.marker}${escapeHtml(p.seriesName)}: <strong>${escapeHtml(format(typeof p.value === 'number' ? p.value : null))}</strong>`);
        return [`<strong>${escapeHtml(head)}</strong>`, ...lines].join('<br/>');
      },
    },
    xAxis: categoryAxis,
    yAxis: valueAxis,
    series,
  };
}
