import type { DimensionId, MeasureId } from '../../../../shared/domain/pivot/fields';
import type { MeasureFieldView, PivotColumn, PivotResult, PivotRow } from '../../../../shared/domain/pivot/result';
import type { Member, PivotSort } from '../../../../shared/domain/pivot/spec';
import type { MemberLabeler } from './pivot-labels';

/** The column of row labels (the indented tree). */
export const LABEL_COL_ID = 'row-label';

/**
 * A row or column key (the JSON of its path) as a DOM-safe id: ag-grid escapes quotes in the row-id
 * and col-id attributes it writes, so the ids carry none. `["Data"]` → `%5B%22Data%22%5D`.
 */
export const gridKey = (key: string): string => encodeURIComponent(key).replace(/['()*!~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A value column's id: its measure and its column key, e.g. `accepted|%5B%222026-Q3%22%5D` for Q3's accepted. */
export const valueColId = (measure: MeasureId, columnKey: string): string => `${measure}|${gridKey(columnKey)}`;

export type ValueColumn = {
  type: 'value';
  colId: string;
  /** Index into result.columns, and into result.measures: the cell is values[columnIndex × measures + measureIndex]. */
  columnIndex: number;
  measureIndex: number;
  header: string;
  /** Full name of the column for its tooltip and the export: "Q3 2026 / Bug · Accepted PR/MRs". */
  title: string;
  kind: PivotColumn['kind'];
};

export type ColumnGroup = { type: 'group'; groupId: string; header: string; kind: PivotColumn['kind']; children: ColumnNode[] };
export type ColumnNode = ValueColumn | ColumnGroup;

/** "Q3 2026 / Bug", "Q3 2026 total", "Total". */
export function columnName(column: PivotColumn, cols: readonly DimensionId[], label: MemberLabeler): string {
  if (column.kind === 'total') return 'Total';
  const name = column.path.map((v, i) => label(cols[i]!, v)).join(' / ');
  return column.kind === 'subtotal' ? `${name} total` : name;
}

/**
 * The grid's column groups from the column keys: one group per column-dimension member, nested
 * outermost first; a subtotal column sits last inside its own group (headed "Total"), the grand
 * total last of all. With several measures every column key becomes a group of one column per
 * measure; with one measure the column key is the column. Without column dimensions the measures
 * are the columns.
 */
export function columnTree(result: Pick<PivotResult, 'columns' | 'measures' | 'spec'>, label: MemberLabeler): ColumnNode[] {
  const { columns, measures, spec } = result;
  const cols = spec.cols;
  const root: ColumnNode[] = [];
  const groups = new Map<string, ColumnGroup>();

  const groupFor = (path: readonly Member[]): ColumnNode[] => {
    if (path.length === 0) return root;
    const key = JSON.stringify(path);
    let group = groups.get(key);
    if (group === undefined) {
      const parent = groupFor(path.slice(0, -1));
      group = { type: 'group', groupId: `g:${gridKey(key)}`, header: label(cols[path.length - 1]!, path[path.length - 1]!), kind: 'leaf', children: [] };
      groups.set(key, group);
      parent.push(group);
    }
    return group.children;
  };

  columns.forEach((column, columnIndex) => {
    const name = columnName(column, cols, label);
    const valueColumn = (measure: MeasureFieldView, measureIndex: number, header: string): ValueColumn => ({
      type: 'value',
      colId: valueColId(measure.id, column.key),
      columnIndex,
      measureIndex,
      header,
      title: cols.length === 0 ? measure.label : `${name} · ${measure.label}`,
      kind: column.kind,
    });
    if (cols.length === 0) {
      measures.forEach((m, i) => root.push(valueColumn(m, i, m.label)));
      return;
    }
    const parent = column.kind === 'leaf' ? groupFor(column.path.slice(0, -1)) : groupFor(column.path);
    const header = column.kind === 'leaf' ? label(cols[column.depth - 1]!, column.path[column.depth - 1]!) : 'Total';
    if (measures.length === 1) {
      parent.push(valueColumn(measures[0]!, 0, header));
      return;
    }
    parent.push({ type: 'group', groupId: `c:${gridKey(column.key)}`, header, kind: column.kind, children: measures.map((m, i) => valueColumn(m, i, m.label)) });
  });
  return root;
}

/** Every value column, left to right. */
export function valueColumns(nodes: readonly ColumnNode[]): ValueColumn[] {
  const out: ValueColumn[] = [];
  const walk = (list: readonly ColumnNode[]) => {
    for (const n of list) {
      if (n.type === 'value') out.push(n);
      else walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/**
 * The body rows left once collapsed groups hide their children: rows come in pre-order (a group's
 * subtotal row, then its children), so everything deeper than a collapsed group, up to the next row
 * at its depth or above, is hidden. The grand total is not a body row (it is pinned below).
 */
export function visibleRows(rows: readonly PivotRow[], collapsed: ReadonlySet<string>): PivotRow[] {
  const out: PivotRow[] = [];
  let hideBelow = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (row.kind === 'total') continue;
    if (row.depth > hideBelow) continue;
    hideBelow = Number.POSITIVE_INFINITY;
    out.push(row);
    if (row.kind === 'subtotal' && collapsed.has(row.key)) hideBelow = row.depth;
  }
  return out;
}

/** The keys of every group row (what "Collapse all" collapses). */
export const groupKeys = (rows: readonly PivotRow[]): string[] => rows.filter((r) => r.kind === 'subtotal').map((r) => r.key);

/** Collapsing only the outermost groups shows the first row dimension with its subtotals. */
export const outerGroupKeys = (rows: readonly PivotRow[]): string[] => rows.filter((r) => r.kind === 'subtotal' && r.depth === 1).map((r) => r.key);

export const totalRow = (rows: readonly PivotRow[]): PivotRow | null => rows.find((r) => r.kind === 'total') ?? null;

/** The label a row shows in the tree column: its own member, or "Total". */
export function rowLabel(row: Pick<PivotRow, 'path' | 'kind'>, rowDims: readonly DimensionId[], label: MemberLabeler): string {
  if (row.kind === 'total' || row.path.length === 0) return 'Total';
  return label(rowDims[row.path.length - 1]!, row.path[row.path.length - 1]!);
}

export const cellValue = (row: Pick<PivotRow, 'values'>, column: Pick<ValueColumn, 'columnIndex' | 'measureIndex'>, measureCount: number): number | null =>
  row.values[column.columnIndex * measureCount + column.measureIndex] ?? null;

/** The sort a header click asks for: the label column sorts groups by name, a value column by that cell. */
export function sortFromColumn(colId: string, direction: 'asc' | 'desc' | null, result: Pick<PivotResult, 'columns' | 'measures'>): PivotSort | null {
  if (direction === null) return null;
  if (colId === LABEL_COL_ID) return { by: 'label', direction };
  const at = colId.indexOf('|');
  const measure = result.measures.find((m) => m.id === colId.slice(0, at));
  const column = result.columns.find((c) => gridKey(c.key) === colId.slice(at + 1));
  if (at < 0 || measure === undefined || column === undefined) return null;
  return { by: 'value', measure: measure.id, colPath: [...column.path], direction };
}

/** Which column shows the sort arrow for a spec's sort. */
export function sortedColumn(sort: PivotSort | null | undefined): { colId: string; direction: 'asc' | 'desc' } | null {
  if (sort === null || sort === undefined) return null;
  if (sort.by === 'label') return { colId: LABEL_COL_ID, direction: sort.direction };
  return { colId: valueColId(sort.measure, JSON.stringify(sort.colPath)), direction: sort.direction };
}

export type Highlight = 'none' | 'scale' | 'vs-total';

export const HIGHLIGHT_LABELS: Record<Highlight, string> = { none: 'None', scale: 'Colour scale', 'vs-total': 'Ratios vs total' };

/** Smallest and largest value per measure over the leaf cells (leaf rows × leaf columns), for the colour scale. */
export function leafRanges(result: Pick<PivotResult, 'rows' | 'columns' | 'measures' | 'spec'>): ({ min: number; max: number } | null)[] {
  const M = result.measures.length;
  const ranges: ({ min: number; max: number } | null)[] = result.measures.map(() => null);
  const leafCols = result.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'leaf' || result.spec.cols.length === 0);
  const leafRows = result.rows.filter((r) => r.kind === 'leaf' || result.spec.rows.length === 0);
  for (const row of leafRows) {
    for (const { i } of leafCols) {
      for (let m = 0; m < M; m += 1) {
        const v = row.values[i * M + m];
        if (v === null || v === undefined || !Number.isFinite(v)) continue;
        const r = ranges[m];
        if (r === null || r === undefined) ranges[m] = { min: v, max: v };
        else {
          if (v < r.min) r.min = v;
          if (v > r.max) r.max = v;
        }
      }
    }
  }
  return ranges;
}

/** A cell's highlight class suffix: a step of the colour scale, or above / below the grand total. */
export type CellTone = 'above' | 'below' | `scale-${number}` | null;

export const SCALE_STEPS = 8;

/**
 * The cell's highlight under the chosen mode. Scale: a step (1..8) growing with the value within
 * the measure's leaf range; subtotals and totals are not tinted, they would always top the scale.
 * Ratios vs total: ratio and derived cells above or below the grand total's value in their column;
 * sums are left alone, as a part of a sum is always below its total.
 */
export function cellTone(opts: {
  mode: Highlight;
  measure: Pick<MeasureFieldView, 'kind'>;
  value: number | null;
  rowKind: PivotRow['kind'];
  columnKind: PivotColumn['kind'];
  range: { min: number; max: number } | null;
  /** The grand total row's value in this column and measure. */
  total: number | null;
  /** Whether the pivot has row / column dimensions (without them the total is the only line). */
  hasRows: boolean;
  hasCols: boolean;
}): CellTone {
  const { mode, value } = opts;
  if (mode === 'none' || value === null) return null;
  if (mode === 'scale') {
    const leafRow = opts.rowKind === 'leaf' || !opts.hasRows;
    const leafCol = opts.columnKind === 'leaf' || !opts.hasCols;
    if (!leafRow || !leafCol || opts.range === null) return null;
    const span = opts.range.max - opts.range.min;
    const t = span === 0 ? 1 : Math.max(0, Math.min(1, (value - opts.range.min) / span));
    return `scale-${1 + Math.round(t * (SCALE_STEPS - 1))}`;
  }
  if (opts.measure.kind !== 'ratio' && opts.measure.kind !== 'derived') return null;
  if (opts.rowKind === 'total' || opts.total === null || value === opts.total) return null;
  return value > opts.total ? 'above' : 'below';
}

/** What a drilled cell is, in words: "Team Data · Month Jul 2026", or "All records" for the grand total. */
export function cellDescription(
  cell: { rows: readonly DimensionId[]; cols: readonly DimensionId[]; rowPath: readonly Member[]; colPath: readonly Member[] },
  dimLabel: (d: DimensionId) => string,
  label: MemberLabeler,
): string {
  const parts = [
    ...cell.rowPath.map((v, i) => `${dimLabel(cell.rows[i]!)} ${label(cell.rows[i]!, v)}`),
    ...cell.colPath.map((v, i) => `${dimLabel(cell.cols[i]!)} ${label(cell.cols[i]!, v)}`),
  ];
  return parts.length === 0 ? 'All records' : parts.join(' · ');
}
