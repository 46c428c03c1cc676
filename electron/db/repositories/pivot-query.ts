import { FACTS_TABLE } from '../../../shared/domain/pivot/cubes';
import { DIMENSIONS, type DimensionId, type MeasureField } from '../../../shared/domain/pivot/fields';
import { planPivot, type PivotQuery } from '../../../shared/domain/pivot/plan';
import type { MeasureFieldView, PivotResult } from '../../../shared/domain/pivot/result';
import { shapePivot, type QueryRow } from '../../../shared/domain/pivot/shape';
import type { Member, PivotFilter, PivotSpec } from '../../../shared/domain/pivot/spec';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import type { Db } from '../connection';
import { ensureFacts, factState } from './facts';

type Sql = { text: string; params: (string | number)[] };

/**
 * `column IN (…)`, with null meaning the column is null. Values are bound, never spliced.
 */
function memberTest(column: string, values: readonly Member[], params: (string | number)[]): string {
  const named = [...new Set(values.filter((v): v is string => v !== null))];
  const parts: string[] = [];
  if (named.length > 0) {
    parts.push(`${column} IN (${named.map(() => '?').join(', ')})`);
    params.push(...named);
  }
  if (values.includes(null)) parts.push(`${column} IS NULL`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/** Records with (or, for null, without) one of the bridge values, tested per fact row. */
function bridgeTest(dim: 'label' | 'pilot', values: readonly Member[], params: (string | number)[]): string {
  const named = [...new Set(values.filter((v): v is string => v !== null))];
  const from =
    dim === 'label'
      ? { any: 'SELECT 1 FROM record_fact_labels x WHERE x.record_id = f.record_id', value: 'x.label' }
      : { any: 'SELECT 1 FROM record_pilots x JOIN pilots xp ON xp.id = x.pilot_id WHERE x.record_id = f.record_id', value: 'xp.name' };
  const parts: string[] = [];
  if (named.length > 0) {
    parts.push(`EXISTS (${from.any} AND ${from.value} IN (${named.map(() => '?').join(', ')}))`);
    params.push(...named);
  }
  if (values.includes(null)) parts.push(`NOT EXISTS (${from.any})`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

const BRIDGE_JOIN = {
  label: { join: 'LEFT JOIN record_fact_labels l ON l.record_id = f.record_id', column: 'l.label' },
  pilot: { join: 'LEFT JOIN record_pilots rp ON rp.record_id = f.record_id LEFT JOIN pilots p ON p.id = rp.pilot_id', column: 'p.name' },
} as const;

const isBridge = (d: DimensionId): d is 'label' | 'pilot' => DIMENSIONS[d].level === 'bridge';

/**
 * The SQL of one planned query. On a cube every dimension is a column. On the fact rows, a grouped
 * bridge dimension is LEFT JOINed (a record appears once per value, and once under null when it has
 * none), and a filtered-only bridge dimension is an EXISTS test, so it never multiplies rows.
 */
export function pivotQuerySql(q: PivotQuery): Sql {
  const params: (string | number)[] = [];
  const onCube = q.source.kind === 'cube';
  const from = q.source.kind === 'cube' ? `${q.source.table} f` : `${FACTS_TABLE} f`;
  const joins: string[] = [];
  const columnOf = (d: DimensionId): string => {
    if (onCube || !isBridge(d)) return `f.${d}`;
    return BRIDGE_JOIN[d].column;
  };
  if (!onCube) for (const d of q.dims) if (isBridge(d)) joins.push(BRIDGE_JOIN[d].join);
  const where = q.filters.map((flt: PivotFilter) =>
    !onCube && isBridge(flt.dim) && !q.dims.includes(flt.dim) ? bridgeTest(flt.dim, flt.values, params) : memberTest(columnOf(flt.dim), flt.values, params),
  );
  const select = [
    ...q.dims.map((d, i) => `${columnOf(d)} AS d${i}`),
    'count(*) AS n',
    ...q.sums.map((m) => `sum(f.${m}) AS ${m}`),
    ...(q.distinct === 'sum' ? ['sum(f.records) AS records'] : q.distinct === 'count' ? ['count(DISTINCT f.record_id) AS records'] : []),
    // The data's first and last month, always: per-period metrics (FTE freed) divide by them, and
    // a chart or slide of the pivot names the period it shows. Two aggregates more per group.
    'min(f.month) AS span_from',
    'max(f.month) AS span_to',
  ];
  const text =
    `SELECT ${select.join(', ')} FROM ${from} ${joins.join(' ')}` +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    (q.dims.length > 0 ? ` GROUP BY ${q.dims.map((_, i) => `d${i}`).join(', ')}` : '');
  return { text, params };
}

type RawRow = Record<string, string | number | null>;

/** Runs one planned query; groups with no fact rows (an empty slice's total) are left out. */
export function runPivotQuery(db: Db, q: PivotQuery): QueryRow[] {
  const { text, params } = pivotQuerySql(q);
  const rows = db.prepare(text).all(...params) as RawRow[];
  const measures = [...q.sums, ...(q.distinct === 'none' ? [] : (['records'] as const))];
  const out: QueryRow[] = [];
  for (const r of rows) {
    if (r['n'] === 0) continue;
    const sums: QueryRow['sums'] = {};
    for (const m of measures) sums[m] = (r[m] as number | null) ?? 0;
    out.push({
      key: q.dims.map((_, i) => (r[`d${i}`] === null || r[`d${i}`] === undefined ? null : String(r[`d${i}`]))),
      sums,
      spanFrom: r['span_from'] as string | null,
      spanTo: r['span_to'] as string | null,
    });
  }
  return out;
}

export type DrillCell = { dim: DimensionId; value: Member }[];

/**
 * The records behind a cell: every record with a fact row matching the cell's row and column
 * values and the pivot's filters (on a bridge dimension: records with that value). Ordered by id.
 */
export function drillRecordIds(db: Db, cell: DrillCell, filters: readonly PivotFilter[], limit: number): { ids: number[]; total: number } {
  const params: (string | number)[] = [];
  const tests = [...filters, ...cell.map((c) => ({ dim: c.dim, values: [c.value] }))].map((f) =>
    isBridge(f.dim) ? bridgeTest(f.dim, f.values, params) : memberTest(`f.${f.dim}`, f.values, params),
  );
  const where = tests.length > 0 ? `WHERE ${tests.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(DISTINCT f.record_id) FROM ${FACTS_TABLE} f ${where}`).pluck().get(...params) as number;
  const ids = db.prepare(`SELECT DISTINCT f.record_id FROM ${FACTS_TABLE} f ${where} ORDER BY f.record_id LIMIT ?`).pluck().all(...params, limit) as number[];
  return { ids, total };
}

/** A measure as the contract shows it. */
export const measureView = (m: MeasureField): MeasureFieldView => ({
  id: m.id,
  label: m.label,
  kind: m.kind,
  format: m.format,
  numerator: m.numerator ?? null,
  denominator: m.denominator ?? null,
  inputs: [...m.inputs],
  description: m.description,
});

type PivotSettings = Pick<WorkspaceSettings, 'currency' | 'plans' | 'planByWorkspace' | 'runCreditCostFrom' | 'linking' | 'peopleViewsEnabled' | 'productiveHoursPerFtePerMonth'>;

/**
 * Runs a pivot end to end: refreshes the facts if a record changed since, plans (reading the
 * smallest cube that fits), runs each query, and shapes the grid. Throws PivotSpecError for a spec
 * this workspace cannot run.
 */
export function executePivot(db: Db, spec: PivotSpec, settings: PivotSettings, opts: { factsOnly?: boolean } = {}): Omit<PivotResult, 'requestId'> {
  const started = performance.now();
  ensureFacts(db, settings);
  const state = factState(db);
  const plan = planPivot(spec, { peopleViewsEnabled: settings.peopleViewsEnabled, cubeRows: state.cubeRows, factsOnly: opts.factsOnly });
  const results = plan.queries.map((q) => runPivotQuery(db, q));
  const shaped = shapePivot(plan, results, { productiveHoursPerFtePerMonth: settings.productiveHoursPerFtePerMonth });
  return {
    spec,
    currency: settings.currency,
    measures: plan.measures.map(measureView),
    ...shaped,
    missingRates: state.missingRates,
    sources: [...new Set(plan.queries.map((q) => (q.source.kind === 'cube' ? q.source.table : FACTS_TABLE)))],
    ms: performance.now() - started,
  };
}
