import type { Db } from '../connection';
import { ADDITIVE_MEASURES, emptySums, type MeasureSums } from '../../../shared/domain/metrics';

/** Record dimensions a slice can be grouped by, and the SQL that gives each one's value. */
export const RECORD_DIMENSIONS = {
  team: 'r.team',
  project: 'r.project_key',
  repository: 'r.repository',
  issue_type: 'r.issue_type',
  size: 'r.size',
  outcome: 'r.outcome',
  month: 'r.period_month',
  quarter: "substr(r.period_month, 1, 4) || '-Q' || ((cast(substr(r.period_month, 6, 2) AS INTEGER) + 2) / 3)",
  workspace: 'r.workspace',
  plan: 'r.plan',
} as const;
export type RecordDimension = keyof typeof RECORD_DIMENSIONS;

export type SliceFilter = { fromMonth?: string; toMonth?: string; pilotId?: number };

const measureSql = ADDITIVE_MEASURES.map((m) => (m === 'records' ? 'count(*) AS records' : `coalesce(sum(r.${m}), 0) AS ${m}`)).join(', ');

/**
 * Additive measures per group over the records of a slice. Each record is one row with its money
 * already converted, so a sum never fans out over runs, pipelines or cost lines; pilots join their
 * membership table, which holds each record at most once per pilot.
 */
export function sumsBy(db: Db, by: RecordDimension | null, filter: SliceFilter = {}): { groups: Map<string | null, MeasureSums>; missingRates: string[] } {
  const where: string[] = [];
  if (filter.fromMonth) where.push('r.period_month >= @fromMonth');
  if (filter.toMonth) where.push('r.period_month <= @toMonth');
  const join = filter.pilotId !== undefined ? 'JOIN record_pilots rp ON rp.record_id = r.id AND rp.pilot_id = @pilotId' : '';
  const key = by ? RECORD_DIMENSIONS[by] : 'NULL';
  const rows = db
    .prepare(
      `SELECT ${key} AS key, ${measureSql}, group_concat(DISTINCT r.missing_rates) AS missing
       FROM records r ${join} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY 1 ORDER BY 1`,
    )
    .all({ fromMonth: filter.fromMonth, toMonth: filter.toMonth, pilotId: filter.pilotId }) as ({ key: string | null; missing: string | null } & MeasureSums)[];
  const groups = new Map<string | null, MeasureSums>();
  const missing = new Set<string>();
  for (const { key: k, missing: m, ...sums } of rows) {
    groups.set(k, { ...emptySums(), ...sums });
    for (const c of m?.split(',') ?? []) missing.add(c);
  }
  return { groups, missingRates: [...missing].sort() };
}

export type MonthlySums = { byMonth: Map<string, MeasureSums>; missingRates: string[] };

/** Additive measures per month over the records in [fromMonth, toMonth]. */
export function monthlySums(db: Db, opts: { fromMonth: string; toMonth: string; pilotId?: number }): MonthlySums {
  const { groups, missingRates } = sumsBy(db, 'month', opts);
  return { byMonth: new Map([...groups].map(([k, v]) => [k ?? '', v])), missingRates };
}
