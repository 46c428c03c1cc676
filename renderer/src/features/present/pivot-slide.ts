import { pseudonym } from '../../../../shared/domain/people';
import { DIMENSIONS, type DimensionId, type MeasureId } from '../../../../shared/domain/pivot/fields';
import type { DimensionField, PivotResult } from '../../../../shared/domain/pivot/result';
import type { PivotSpec } from '../../../../shared/domain/pivot/spec';
import { MAX_SLIDE_TITLE, PivotSlideViewSchema, type PivotSlideChart, type PivotSlideView } from '../../../../shared/domain/present/deck';
import type { ChartPalette } from '../../lib/chart-options';
import { formatCount, formatMonthLong } from '../../lib/format';
import { CHART_LABELS, chartData, pivotChartOption, stackable, type ChartKind, type PivotChartOption } from '../explore/chart-option';
import { dimensionLabel, formatMeasure, memberLabeler, type MemberLabeler } from '../explore/pivot-labels';
import { totalRow, visibleRows } from '../explore/pivot-view-model';
import type { SlideContent, SlideFigure } from './slide-content';
import { pivotSlideTable } from './pivot-slide-table';

/*
 * Explore pivots on slides: the view a "Pin to deck" makes of the pivot on screen, and the slide
 * it reads as once pivot:run has answered (the chart through Explore's own option builder, or a
 * table). Nothing here holds numbers between shows.
 */

/** What a pivot slide's figures rest on: the pivot's answer and the fields that name its members. */
export type PivotSlideData = {
  source: 'pivot';
  result: PivotResult;
  dimensions: DimensionField[];
  /** What people's pseudonyms are salted with (the workspace's name), when the pivot shows people. */
  personSalt: string | null;
};

const clampTitle = (title: string): string => {
  const trimmed = title.trim();
  return trimmed.length <= MAX_SLIDE_TITLE ? trimmed : `${trimmed.slice(0, MAX_SLIDE_TITLE - 1).trimEnd()}…`;
};

/**
 * The slide view of a pivot as Explore shows it, or why it cannot be pinned (a filter of so many
 * members that the deck could not be saved with it).
 */
export function pivotSlideView(opts: { spec: PivotSpec; chart: PivotSlideChart; measure: MeasureId | null; title: string }): { view: PivotSlideView; problem: null } | { view: null; problem: string } {
  const parsed = PivotSlideViewSchema.safeParse({ view: 'pivot', spec: opts.spec, chart: opts.chart, measure: opts.measure, title: clampTitle(opts.title) || 'Pivot' });
  if (parsed.success) return { view: parsed.data, problem: null };
  return { view: null, problem: parsed.error.issues[0]?.message ?? 'This pivot cannot be pinned.' };
}

/** The dimensions a pivot uses (rows, columns and filters), each once. */
const usedDimensions = (spec: PivotSpec): DimensionId[] => [...new Set([...spec.rows, ...spec.cols, ...spec.filters.map((f) => f.dim)])];

/**
 * Why a pinned pivot cannot run in this workspace any more (a dimension it no longer offers, such
 * as Person once person-level views are turned off), in a sentence for the slide; null when it can.
 */
export function pivotSlideGap(spec: PivotSpec, fields: { dimensions: readonly { id: DimensionId }[]; measures: readonly { id: MeasureId }[] }): string | null {
  const offered = new Set(fields.dimensions.map((d) => d.id));
  const missing = usedDimensions(spec).filter((d) => !offered.has(d));
  if (missing.length > 0) {
    const names = missing.map((d) => DIMENSIONS[d].label);
    const people = missing.includes('person') ? ' (person-level views are off in Settings)' : '';
    return `This pivot uses ${names.join(' and ')}, which this workspace no longer offers${people}.`;
  }
  const measures = new Set(fields.measures.map((m) => m.id));
  const gone = spec.values.filter((m) => !measures.has(m));
  return gone.length === 0 ? null : `This pivot uses the measure ${gone.join(', ')}, which this version no longer offers.`;
}

/** Whether the pivot shows or filters people, whose names slides replace by pseudonyms. */
export const usesPeople = (spec: PivotSpec): boolean => usedDimensions(spec).includes('person');

/** Up to three members a filter keeps, then how many more. */
function filterText(spec: PivotSpec, label: MemberLabeler, dimLabel: (d: DimensionId) => string): string | null {
  if (spec.filters.length === 0) return null;
  const parts = spec.filters.map((f) => {
    const names = f.values.slice(0, 3).map((v) => label(f.dim, v));
    const more = f.values.length > 3 ? ` and ${formatCount(f.values.length - 3)} more` : '';
    return `${dimLabel(f.dim)} ${names.join(', ')}${more}`;
  });
  return `Only ${parts.join('; ')}`;
}

const CHART_WORDS: Record<ChartKind, string> = { bar: 'Bars', stacked: 'Stacked bars', line: 'Lines', heatmap: 'Shades' };

/** The narrowest a slide draws a chart at (SlideChart's base width), and the legend's text and line at 12 px. */
const LEGEND_WIDTH = 760;
const LEGEND_CHAR = 7;
const LEGEND_LINE = 20;

/** How many lines a legend of these names takes at LEGEND_WIDTH: icon, gap and text per item, items 16 apart. */
export function legendLines(names: readonly string[]): number {
  let lines = 1;
  let x = 0;
  for (const name of names) {
    const item = 12 + 5 + name.length * LEGEND_CHAR;
    if (x > 0 && x + item > LEGEND_WIDTH) {
      lines += 1;
      x = 0;
    }
    x += item + 16;
  }
  return lines;
}

/**
 * Explore's option with every series named: its scrolling legend pages through the names, which a
 * projected or printed slide cannot, so the legend wraps instead and the plot starts below it.
 */
function withWholeLegend(option: PivotChartOption, names: readonly string[]): PivotChartOption {
  const { legend, grid } = option;
  if (legend === undefined || Array.isArray(legend) || grid === undefined || Array.isArray(grid)) return option;
  return { ...option, legend: { ...legend, type: 'plain' }, grid: { ...grid, top: 12 + legendLines(names) * LEGEND_LINE } };
}

/**
 * A pivot slide as it reads. Members are named as Explore names them, except people: a deck is
 * shown to an audience and printed, so they appear as pseudonyms, as in every export.
 */
export function pivotSlideContent(view: PivotSlideView, data: PivotSlideData, palette: ChartPalette): SlideContent {
  const { result, dimensions } = data;
  const salt = data.personSalt;
  const label = memberLabeler(dimensions, salt === null ? undefined : (name) => pseudonym(name, salt));
  const dimLabel = (d: DimensionId) => dimensionLabel(dimensions, d);
  const spec = result.spec;
  const span = result.span;
  const period = span === null ? null : span.from === span.to ? formatMonthLong(span.from) : `${formatMonthLong(span.from)} – ${formatMonthLong(span.to)}`;
  const warning = result.missingRates.length === 0 ? null : `Money totals leave out cost lines in ${result.missingRates.join(', ')}: there is no exchange rate to ${result.currency} for them.`;
  const filters = filterText(spec, label, dimLabel);
  const total = totalRow(result.rows);
  const body = visibleRows(result.rows, new Set());
  if (spec.rows.length > 0 ? body.length === 0 : total === null) {
    return { subtitle: filters, warning, body: { kind: 'message', text: 'The pivot has no rows: no records match it.' }, period };
  }

  const timeDims = new Set<string>(dimensions.filter((d) => d.time !== null).map((d) => d.id));
  if (view.chart === 'table') {
    const table = pivotSlideTable({ result, measure: view.measure, label, dimLabel, timeDims });
    const shown = result.measures.filter((m) => view.measure === null || m.id === view.measure);
    // One measure by column members: the headers name the members, so the subtitle names the measure.
    const named = spec.cols.length > 0 && shown.length === 1 ? shown[0]!.label : null;
    const subtitle = [named, filters].filter((p) => p !== null).join(' · ');
    return { subtitle: subtitle === '' ? null : subtitle, warning, body: { kind: 'table', table }, period };
  }

  const measureIndex = Math.max(0, result.measures.findIndex((m) => m.id === view.measure));
  const measure = result.measures[measureIndex]!;
  const kind: ChartKind = view.chart === 'stacked' && !stackable(measure) ? 'bar' : view.chart;
  const chart = chartData({ result, rows: body, total, measureIndex, label, timeDims });
  const along = (chart.rowsOnX ? spec.rows : spec.cols).map(dimLabel);
  const across = (chart.rowsOnX ? spec.cols : spec.rows).map(dimLabel);
  const cut =
    chart.categoryCount > chart.categories.length || chart.seriesCount > chart.series.length
      ? ` Showing ${formatCount(chart.categories.length)} of ${formatCount(chart.categoryCount)} ${chart.rowsOnX ? 'row groups' : 'columns'} and ${formatCount(chart.series.length)} of ${formatCount(chart.seriesCount)} series.`
      : '';
  const legend =
    kind === 'heatmap'
      ? `Shades: ${measure.label}${across.length > 0 ? `, ${across.join(' / ')} down` : ''}${along.length > 0 ? `, ${along.join(' / ')} across` : ''}.${cut}`
      : `${CHART_WORDS[kind]}: ${measure.label}${along.length > 0 ? ` by ${along.join(' / ')}` : ''}${across.length > 0 ? `, one ${kind === 'line' ? 'line' : 'colour'} per ${across.join(' / ')}` : ''}.${cut}`;
  const grand = total === null ? null : (total.values[Math.max(0, result.columns.findIndex((c) => c.kind === 'total')) * result.measures.length + measureIndex] ?? null);
  const headline: SlideFigure = {
    id: measure.id,
    label: measure.label,
    value: grand,
    display: grand === null ? '—' : formatMeasure(measure, grand, result.currency),
    sub: stackable(measure) ? 'Total' : 'Overall',
    caption: null,
    tone: 'neutral',
  };
  return {
    subtitle: filters,
    warning,
    body: {
      kind: 'chart',
      option: kind === 'heatmap' ? pivotChartOption(chart, kind, measure, result.currency, palette) : withWholeLegend(pivotChartOption(chart, kind, measure, result.currency, palette), chart.series.map((s) => s.name)),
      label: `${CHART_LABELS[kind]} chart of ${measure.label}${along.length > 0 ? ` by ${along.join(' and ')}` : ''}.`,
      legend,
      headlines: [headline],
    },
    period,
  };
}
