import type { DimensionId, MeasureId } from '../../../../shared/domain/pivot/fields';
import type { PivotColumn, PivotResult, PivotRow } from '../../../../shared/domain/pivot/result';
import { formatCount } from '../../lib/format';
import { formatMeasure, type MemberLabeler } from '../explore/pivot-labels';
import { columnName, gridKey, rowLabel, valueColId, visibleRows } from '../explore/pivot-view-model';

/*
 * An Explore pivot as a table that fits a 16:9 slide: its rows (with their subtotals) by its
 * columns, each cell formatted as Explore's grid formats it. What does not fit is left out and
 * the table says how much, as Explore's chart does.
 */

/** Body rows a slide holds at its type size, the grand total apart (SlideTable's rows are 4.6% of the slide's height). */
export const TABLE_MAX_ROWS = 12;
/** Value columns beside the row labels at that size. */
export const TABLE_MAX_COLUMNS = 9;

export type PivotTableCell = {
  /** Explore's grid column id (measure|column key), so a cell can be matched with the grid's. */
  colId: string;
  value: number | null;
  text: string;
};

export type PivotTableRow = {
  /** Explore's grid row id: the DOM-safe JSON of the row's path, or "total". */
  id: string;
  label: string;
  /** 1 for the outermost groups; the grand total is 0. */
  depth: number;
  /** How the row reads: a group shown without its rows (collapsed to fit) reads as a plain row. */
  kind: PivotRow['kind'];
  cells: PivotTableCell[];
};

export type PivotTableColumn = { colId: string; label: string; kind: PivotColumn['kind'] };

export type PivotSlideTable = {
  /** The row dimensions' names, over the row labels ("Team / Issue type"). */
  corner: string;
  /** With column dimensions and several measures: a header row of column members, each over its measures. */
  groups: { label: string; span: number; kind: PivotColumn['kind'] }[] | null;
  columns: PivotTableColumn[];
  rows: PivotTableRow[];
  /** "Showing 12 of 40 rows and 6 of 15 columns.", or null when everything fits. */
  cut: string | null;
};

/** Rows in pre-order with their subtotals; collapsed to the outermost groups when the whole tree does not fit but they do. */
function shownRows(result: Pick<PivotResult, 'rows' | 'spec'>, dimLabel: (d: DimensionId) => string): { rows: PivotRow[]; collapsed: boolean; cut: string | null } {
  const body = visibleRows(result.rows, new Set());
  if (body.length <= TABLE_MAX_ROWS) return { rows: body, collapsed: false, cut: null };
  const outer = body.filter((r) => r.depth === 1);
  const first = result.spec.rows[0];
  if (result.spec.rows.length > 1 && outer.length <= TABLE_MAX_ROWS && first !== undefined) {
    return { rows: outer, collapsed: true, cut: `Showing the ${formatCount(outer.length)} ${dimLabel(first)} groups’ totals, not the ${formatCount(body.length - outer.length)} rows within them` };
  }
  return { rows: body.slice(0, TABLE_MAX_ROWS), collapsed: false, cut: `Showing ${formatCount(TABLE_MAX_ROWS)} of ${formatCount(body.length)} rows` };
}

/**
 * The pivot as a slide's table: every measure, or only `measure` when one is chosen. When the
 * columns do not fit, the grand-total column stays and the first others fill the rest (the latest,
 * when the columns are periods: a deck reports on where things stand); a column member keeps all
 * its measures together.
 */
export function pivotSlideTable(opts: {
  result: Pick<PivotResult, 'spec' | 'rows' | 'columns' | 'measures' | 'currency'>;
  measure: MeasureId | null;
  label: MemberLabeler;
  dimLabel: (d: DimensionId) => string;
  /** Dimensions whose members are periods (month, quarter, week). */
  timeDims: ReadonlySet<string>;
}): PivotSlideTable {
  const { result, label, dimLabel } = opts;
  const { spec, measures } = result;
  const M = measures.length;
  const chosen = measures.map((m, index) => ({ m, index })).filter(({ m }) => opts.measure === null || m.id === opts.measure);
  const allMeasures = chosen.length === 0 ? measures.map((m, index) => ({ m, index })) : chosen;
  const hasCols = spec.cols.length > 0;

  // Columns of the pivot to show: without column dimensions, only the total (the measures are the columns).
  const pivotColumns = result.columns.map((c, index) => ({ c, index })).filter(({ c }) => hasCols || c.kind === 'total');
  const shownMeasures = allMeasures.slice(0, TABLE_MAX_COLUMNS);
  const perGroup = shownMeasures.length;
  const maxGroups = Math.max(1, Math.floor(TABLE_MAX_COLUMNS / perGroup));
  let keptColumns = pivotColumns;
  const latest = hasCols && opts.timeDims.has(spec.cols[0]!);
  if (pivotColumns.length > maxGroups) {
    const totals = pivotColumns.filter(({ c }) => c.kind === 'total');
    const room = Math.max(0, maxGroups - totals.length);
    const candidates = pivotColumns.filter(({ c }) => c.kind !== 'total');
    const others = latest ? candidates.slice(Math.max(0, candidates.length - room)) : candidates.slice(0, room);
    const keep = new Set([...others, ...totals].map(({ index }) => index));
    keptColumns = pivotColumns.filter(({ index }) => keep.has(index));
  }

  const columns: (PivotTableColumn & { columnIndex: number; measureIndex: number })[] = [];
  for (const { c, index } of keptColumns) {
    for (const { m, index: measureIndex } of shownMeasures) {
      const name = columnName(c, spec.cols, label);
      // Without column dimensions the measures are the columns, none of them a total beside others.
      columns.push({ colId: valueColId(m.id, c.key), label: !hasCols ? m.label : perGroup === 1 ? name : m.label, kind: hasCols ? c.kind : 'leaf', columnIndex: index, measureIndex });
    }
  }
  const groups = hasCols && perGroup > 1 ? keptColumns.map(({ c }) => ({ label: columnName(c, spec.cols, label), span: perGroup, kind: c.kind })) : null;

  const { rows: body, collapsed, cut: rowCut } = shownRows(result, dimLabel);
  const total = result.rows.find((r) => r.kind === 'total');
  const lines = total === undefined ? body : [...body, total];
  const rows: PivotTableRow[] = lines.map((r) => ({
    id: r.kind === 'total' ? 'total' : gridKey(r.key),
    label: rowLabel(r, spec.rows, label),
    depth: r.kind === 'total' ? 0 : r.depth,
    kind: collapsed && r.kind === 'subtotal' ? 'leaf' : r.kind,
    cells: columns.map((col) => {
      const value = r.values[col.columnIndex * M + col.measureIndex] ?? null;
      return { colId: col.colId, value, text: formatMeasure(measures[col.measureIndex]!, value, result.currency) };
    }),
  }));

  const columnCount = pivotColumns.length * allMeasures.length;
  const columnCut = columns.length < columnCount ? `${formatCount(columns.length)} of ${formatCount(columnCount)} columns${latest ? ', the latest' : ''}` : null;
  const cut = rowCut === null ? (columnCut === null ? null : `Showing ${columnCut}.`) : `${rowCut}${columnCut === null ? '' : `, and ${columnCut}`}.`;
  return {
    corner: spec.rows.map(dimLabel).join(' / '),
    groups,
    columns: columns.map(({ colId, label: text, kind }) => ({ colId, label: text, kind })),
    rows,
    cut,
  };
}
