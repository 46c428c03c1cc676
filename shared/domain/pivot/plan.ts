import { CUBES, type CubeDef } from './cubes';
import { DIMENSIONS, measureField, type DimensionDef, type DimensionId, type FactMeasure, type MeasureField } from './fields';
import type { PivotFilter, PivotSpec } from './spec';

/** Where one query reads: a cube (pre-aggregated), or the fact rows with their bridges. */
export type PivotSource = { kind: 'cube'; table: string; bridge: 'label' | null } | { kind: 'facts' };

/**
 * How a query computes distinct records: 'sum' adds the `records` column (1 on each record's own
 * row), exact whenever no run-event dimension is grouped or filtered; 'count' counts distinct
 * record ids, needed when one is (a record has several event rows).
 */
export type DistinctMode = 'none' | 'sum' | 'count';

/** One GROUP BY the data layer runs. */
export type PivotQuery = {
  dims: DimensionId[];
  source: PivotSource;
  filters: PivotFilter[];
  /** Fact columns to sum (`records` excluded: see distinct). */
  sums: FactMeasure[];
  distinct: DistinctMode;
};

/**
 * One level of the result: row dimensions up to rowDepth × column dimensions up to colDepth (the
 * cells, subtotals and totals). Each level is either a query's own result or rolled up from one by
 * adding groups, which is exact for every measure whenever the dimensions dropped neither fan out
 * (bridges) nor split a record across groups while distinct records are asked for.
 */
export type PivotLevel = { rowDepth: number; colDepth: number; dims: DimensionId[]; query: number; rollup: boolean };

export type PivotPlan = {
  spec: PivotSpec;
  measures: MeasureField[];
  levels: PivotLevel[];
  queries: PivotQuery[];
};

export type PlanOptions = {
  peopleViewsEnabled: boolean;
  /** Rows per cube table, so the smallest fitting cube is read; an unknown cube counts as large. */
  cubeRows?: Record<string, number>;
  /** Skip the cubes (the benchmark's fact-table figures, and tests that compare the two paths). */
  factsOnly?: boolean;
};

/** Thrown for specs that pass the schema but cannot be run here (person-level views disabled). */
export class PivotSpecError extends Error {}

const filterDims = (filters: readonly PivotFilter[]) => filters.map((f) => f.dim);

/** Dropping these dimensions keeps every measure exact when rolling up (see PivotLevel). */
function canDrop(dim: DimensionId, distinct: boolean): boolean {
  const level = DIMENSIONS[dim].level;
  if (level === 'bridge') return false;
  return !distinct || level === 'record';
}

/** The smallest cube holding the query's dimensions, or the fact rows. */
export function chooseSource(dims: readonly DimensionId[], filters: readonly PivotFilter[], distinct: boolean, opts: PlanOptions): PivotSource {
  if (opts.factsOnly) return { kind: 'facts' };
  const needed = new Set<DimensionId>([...dims, ...filterDims(filters)]);
  const usesEvents = [...needed].some((d) => DIMENSIONS[d].level === 'event');
  if (distinct && usesEvents) return { kind: 'facts' };
  if (needed.has('pilot')) return { kind: 'facts' };
  let fits: (c: CubeDef) => boolean;
  if (needed.has('label')) {
    // Without the label among the groups, a record with two of the filtered labels would be summed
    // twice from the label cube; a single label (or the label grouped) is exact.
    const labelFilters = filters.filter((f) => f.dim === 'label');
    const exact = dims.includes('label') || (labelFilters.length === 1 && new Set(labelFilters[0]!.values).size === 1);
    if (!exact) return { kind: 'facts' };
    fits = (c) => c.bridge === 'label' && [...needed].every((d) => c.dims.includes(d));
  } else {
    fits = (c) => c.bridge === undefined && [...needed].every((d) => c.dims.includes(d));
  }
  const rows = (c: CubeDef) => opts.cubeRows?.[c.table] ?? Number.POSITIVE_INFINITY;
  const best = CUBES.filter(fits).sort((a, b) => rows(a) - rows(b))[0];
  return best ? { kind: 'cube', table: best.table, bridge: best.bridge ?? null } : { kind: 'facts' };
}

/**
 * Plans a pivot: which GROUP BYs to run and how each level of the result (cells, row and column
 * subtotals, grand totals) comes from them. Pure; the data layer turns queries into SQL and
 * shapePivot turns their rows into the grid.
 */
export function planPivot(spec: PivotSpec, opts: PlanOptions): PivotPlan {
  for (const d of [...spec.rows, ...spec.cols, ...filterDims(spec.filters)]) {
    if ('people' in DIMENSIONS[d] && !opts.peopleViewsEnabled) throw new PivotSpecError(`${d} is only available when person-level views are enabled in Settings.`);
  }
  const measures = spec.values.map(measureField);
  const distinct = measures.some((m) => m.kind === 'distinct');
  const sums = [...new Set(measures.flatMap((m) => m.inputs))].filter((c) => c !== 'records');
  // Every level the grid shows, finest first, so coarser ones can roll up from finer queries.
  const wanted: Omit<PivotLevel, 'query' | 'rollup'>[] = [];
  for (let r = spec.rows.length; r >= 0; r -= 1) {
    for (let c = spec.cols.length; c >= 0; c -= 1) wanted.push({ rowDepth: r, colDepth: c, dims: [...spec.rows.slice(0, r), ...spec.cols.slice(0, c)] });
  }
  wanted.sort((a, b) => b.dims.length - a.dims.length);
  const queries: PivotQuery[] = [];
  const levels: PivotLevel[] = [];
  for (const w of wanted) {
    const from = queries.findIndex((q) => w.dims.every((d) => q.dims.includes(d)) && q.dims.filter((d) => !w.dims.includes(d)).every((d) => canDrop(d, distinct)));
    if (from >= 0) {
      levels.push({ ...w, query: from, rollup: queries[from]!.dims.length !== w.dims.length });
      continue;
    }
    const source = chooseSource(w.dims, spec.filters, distinct, opts);
    const usesEvents = [...w.dims, ...filterDims(spec.filters)].some((d) => DIMENSIONS[d].level === 'event');
    queries.push({ dims: w.dims, source, filters: spec.filters, sums, distinct: !distinct ? 'none' : source.kind === 'facts' && usesEvents ? 'count' : 'sum' });
    levels.push({ ...w, query: queries.length - 1, rollup: false });
  }
  return { spec, measures, levels, queries };
}

/**
 * Months a cell spans, for metrics per period (FTE freed): 1 for a month, the months of a quarter
 * within the data's span, a week's share of an average month, otherwise the months of the span.
 */
export function cellMonths(path: readonly { dim: DimensionId; value: string | null }[], span: { from: string; to: string } | null): number {
  const time = (t: DimensionDef['time']) => path.find((p) => (DIMENSIONS[p.dim] as DimensionDef).time === t);
  if (time('month')) return 1;
  const monthsIn = (from: string, to: string) => {
    if (from > to) return 0;
    return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  };
  const quarter = time('quarter');
  if (quarter) {
    const m = /^(\d{4})-Q([1-4])$/.exec(quarter.value ?? '');
    if (!m) return 0;
    const first = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    const last = `${m[1]}-${String(Number(m[2]) * 3).padStart(2, '0')}`;
    return span ? monthsIn(first > span.from ? first : span.from, last < span.to ? last : span.to) : 3;
  }
  if (time('week')) return 7 / (365.2425 / 12);
  return span ? monthsIn(span.from, span.to) : 0;
}
