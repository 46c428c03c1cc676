import { ADDITIVE_MEASURES, emptySums, METRICS, metricValue, type MeasureSums, type MetricId } from '../metrics';
import type { DimensionId, FactMeasure, MeasureField } from './fields';
import { cellMonths, PivotSpecError, type PivotPlan } from './plan';
import type { PivotColumn, PivotRow } from './result';
import type { Member } from './spec';

/** One group a query returned: its dimension values (in the query's order) and its sums. */
export type QueryRow = { key: Member[]; sums: Partial<Record<FactMeasure, number>>; spanFrom?: string | null; spanTo?: string | null };

export type Shaped = { columns: PivotColumn[]; rows: PivotRow[]; span: { from: string; to: string } | null };

/** Beyond these the grid is no longer readable; the caller is asked to filter. */
export const PIVOT_LIMITS = { rows: 100_000, columns: 2_000, cells: 3_000_000 };

type Sums = Partial<Record<FactMeasure, number>>;

const collator = new Intl.Collator('en', { numeric: true });

/** Members in display order: numbers inside text numerically; null (the "(none)" member) last either way. */
export function compareMembers(a: Member, b: Member, direction: 1 | -1 = 1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return direction * (collator.compare(a, b) || (a < b ? -1 : 1));
}

const isMetric = (id: string): id is MetricId => id in METRICS;

// One scratch object for metric evaluation: a grid evaluates a metric per cell, and allocating a
// full MeasureSums for each was most of the shaping time at 100,000 cells.
const scratch: MeasureSums = emptySums();

/** A measure's value over one cell's sums: metrics by their one definition, ratios of the cell's own sums. */
export function measureValue(m: MeasureField, sums: Sums, months: () => number, productiveHoursPerFtePerMonth: number): number | null {
  if (m.kind === 'distinct') return sums.records ?? 0;
  if ((m.kind === 'ratio' || m.kind === 'derived') && isMetric(m.id)) {
    for (const k of ADDITIVE_MEASURES) scratch[k] = sums[k] ?? 0;
    // Distinct records are only counted when asked for; a metric that read them otherwise would
    // show empty (NaN), never a wrong number.
    if (sums.records === undefined) scratch.records = Number.NaN;
    const value = metricValue(m.id, scratch, { productiveHoursPerFtePerMonth, months: m.kind === 'derived' ? months() : 0 });
    return value === null || Number.isNaN(value) ? null : value;
  }
  // Sums and counts (a 'sum' metric is the sum of its one input).
  return sums[m.inputs[0]!] ?? 0;
}

function addInto(target: Sums, source: Sums): void {
  for (const k in source) {
    const key = k as FactMeasure;
    target[key] = (target[key] ?? 0) + (source[key] ?? 0);
  }
}

type Node = { path: Member[]; key: string; children: Map<string, Node> };

function insertPath(root: Node, path: readonly Member[]): void {
  let node = root;
  for (let i = 0; i < path.length; i += 1) {
    const k = JSON.stringify(path[i]);
    let child = node.children.get(k);
    if (!child) {
      const p = path.slice(0, i + 1);
      node.children.set(k, (child = { path: p, key: JSON.stringify(p), children: new Map() }));
    }
    node = child;
  }
}

/** A level's groups are keyed by JSON(row part) + '|' + JSON(column part): unambiguous, as a JSON array ends where it ends. */
const cellKey = (rowKey: string, colKey: string) => `${rowKey}|${colKey}`;

/**
 * Turns the plan's query results into the grid: column keys (leaves, subtotals after their leaves,
 * the total last), row groups in pre-order with their subtotals and the grand total last, and every
 * cell's value for every measure. Subtotals and totals are computed from their own sums (rolled up
 * from exact group sums where the plan allows, else queried), never from other cells' values.
 */
export function shapePivot(plan: PivotPlan, results: readonly QueryRow[][], opts: { productiveHoursPerFtePerMonth: number }): Shaped {
  const { spec, measures } = plan;
  const R = spec.rows.length;
  const C = spec.cols.length;
  // levels[rowDepth][colDepth]: the groups of that level by cell key.
  const levels: Map<string, Sums>[][] = Array.from({ length: R + 1 }, () => []);
  for (const level of plan.levels) {
    const q = plan.queries[level.query]!;
    const rowAt = spec.rows.slice(0, level.rowDepth).map((d) => q.dims.indexOf(d));
    const colAt = spec.cols.slice(0, level.colDepth).map((d) => q.dims.indexOf(d));
    const map = new Map<string, Sums>();
    for (const row of results[level.query] ?? []) {
      const key = cellKey(JSON.stringify(rowAt.map((i) => row.key[i] ?? null)), JSON.stringify(colAt.map((i) => row.key[i] ?? null)));
      const existing = map.get(key);
      if (existing) addInto(existing, row.sums);
      else map.set(key, level.rollup ? { ...row.sums } : row.sums);
    }
    levels[level.rowDepth]![level.colDepth] = map;
  }

  let from: string | null = null;
  let to: string | null = null;
  for (const r of results[0] ?? []) {
    if (r.spanFrom && (from === null || r.spanFrom < from)) from = r.spanFrom;
    if (r.spanTo && (to === null || r.spanTo > to)) to = r.spanTo;
  }
  const span = from !== null && to !== null ? { from, to } : null;

  const rowRoot: Node = { path: [], key: '[]', children: new Map() };
  const colRoot: Node = { path: [], key: '[]', children: new Map() };
  for (const k of levels[R]?.[0]?.keys() ?? []) insertPath(rowRoot, JSON.parse(k.slice(0, k.length - 3)) as Member[]);
  for (const k of levels[0]?.[C]?.keys() ?? []) insertPath(colRoot, JSON.parse(k.slice(3)) as Member[]);

  const productive = opts.productiveHoursPerFtePerMonth;
  const valueAt = (row: Node, col: Pick<Node, 'path' | 'key'>, m: MeasureField): number | null => {
    const sums = levels[row.path.length]?.[col.path.length]?.get(cellKey(row.key, col.key));
    if (!sums) return null;
    const months = () =>
      cellMonths(
        [...row.path.map((value, i) => ({ dim: spec.rows[i]!, value })), ...col.path.map((value, i) => ({ dim: spec.cols[i]!, value }))] as { dim: DimensionId; value: Member }[],
        span,
      );
    return measureValue(m, sums, months, productive);
  };

  const byLabel = (dir: 1 | -1) => (a: Node, b: Node) => compareMembers(a.path[a.path.length - 1]!, b.path[b.path.length - 1]!, dir);
  const labelOrder = byLabel(spec.sort?.by === 'label' && spec.sort.direction === 'desc' ? -1 : 1);
  let rowOrder = labelOrder;
  if (spec.sort?.by === 'value') {
    const sort = spec.sort;
    const measure = measures.find((m) => m.id === sort.measure) ?? measures[0]!;
    const dir = sort.direction === 'asc' ? 1 : -1;
    const sortCol = { path: sort.colPath, key: JSON.stringify(sort.colPath) };
    rowOrder = (a, b) => {
      const va = valueAt(a, sortCol, measure);
      const vb = valueAt(b, sortCol, measure);
      if (va === vb) return labelOrder(a, b);
      if (va === null) return 1;
      if (vb === null) return -1;
      return dir * (va - vb) || labelOrder(a, b);
    };
  }

  const columns: PivotColumn[] = [];
  const walkCols = (node: Node) => {
    for (const child of [...node.children.values()].sort(labelOrder)) {
      if (child.path.length < C) walkCols(child);
      columns.push({ key: child.key, path: child.path, depth: child.path.length, kind: child.path.length === C ? 'leaf' : 'subtotal' });
    }
  };
  walkCols(colRoot);
  columns.push({ key: '[]', path: [], depth: 0, kind: 'total' });

  const rowNodes: Node[] = [];
  const walkRows = (node: Node) => {
    for (const child of [...node.children.values()].sort(rowOrder)) {
      rowNodes.push(child);
      if (child.path.length < R) walkRows(child);
    }
  };
  walkRows(rowRoot);
  rowNodes.push(rowRoot);
  if (rowNodes.length > PIVOT_LIMITS.rows || columns.length > PIVOT_LIMITS.columns || rowNodes.length * columns.length * measures.length > PIVOT_LIMITS.cells) {
    throw new PivotSpecError(
      `This pivot would have ${rowNodes.length.toLocaleString('en-GB')} rows × ${columns.length.toLocaleString('en-GB')} columns; filter it or use fewer dimensions.`,
    );
  }

  const rows: PivotRow[] = rowNodes.map((node) => {
    const values: (number | null)[] = [];
    for (const col of columns) for (const m of measures) values.push(valueAt(node, col, m));
    const depth = node.path.length;
    return { key: node.key, path: node.path, depth, kind: depth === 0 ? 'total' : depth === R ? 'leaf' : 'subtotal', values };
  });
  return { columns, rows, span };
}
