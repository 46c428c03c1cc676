import type { Db } from '../connection';
import { emptySums, RECORD_MEASURES, type MeasureSums } from '../../../shared/domain/metrics';

// The rate in force on a line's date; NULL when none was entered (the line is then left out and reported).
const rateSql = (currencyCol: string, dateCol: string) => `CASE WHEN ${currencyCol} = @currency THEN 1.0 ELSE (
  SELECT x.rate FROM exchange_rates x WHERE x.from_currency = ${currencyCol} AND x.to_currency = @currency AND x.valid_from <= ${dateCol}
  ORDER BY x.valid_from DESC LIMIT 1) END`;

export type MonthlySums = { byMonth: Map<string, MeasureSums>; missingRates: string[] };

/**
 * Additive measures per month over the records in [fromMonth, toMonth], money converted into the
 * workspace currency at the rate valid on each line's date. Each record is summed once (measures
 * come from the records table; cost lines are summed separately), so no join fans out.
 * Provider spend that no run can carry (self-hosted model bills) joins the AI-path cost by its date.
 */
export function monthlySums(db: Db, opts: { fromMonth: string; toMonth: string; currency: string }): MonthlySums {
  const byMonth = new Map<string, MeasureSums>();
  const at = (month: string) => {
    let sums = byMonth.get(month);
    if (!sums) byMonth.set(month, (sums = emptySums()));
    return sums;
  };
  const params = { from: opts.fromMonth, to: opts.toMonth, currency: opts.currency };
  const measureRows = db
    .prepare(
      `SELECT period_month AS month, count(*) AS records, ${RECORD_MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', ')}
       FROM records WHERE period_month BETWEEN @from AND @to GROUP BY period_month`,
    )
    .all(params) as ({ month: string; records: number } & Record<(typeof RECORD_MEASURES)[number], number>)[];
  for (const row of measureRows) {
    const sums = at(row.month);
    sums.records += row.records;
    for (const m of RECORD_MEASURES) sums[m] += row[m];
  }
  const costRows = db
    .prepare(
      `WITH lines AS (
         SELECT r.period_month AS month, cl.kind, cl.currency, cl.amount_micros, ${rateSql('cl.currency', 'cl.occurred_on')} AS rate
         FROM record_cost_lines cl JOIN records r ON r.id = cl.record_id WHERE r.period_month BETWEEN @from AND @to
         UNION ALL
         SELECT substr(b.occurred_on, 1, 7), 'provider', b.currency, b.amount_micros, ${rateSql('b.currency', 'b.occurred_on')}
         FROM billing_lines b WHERE b.ledger = 'provider' AND substr(b.occurred_on, 1, 7) BETWEEN @from AND @to)
       SELECT month, kind, sum(round(amount_micros * rate)) AS micros, group_concat(DISTINCT CASE WHEN rate IS NULL THEN currency END) AS missing
       FROM lines GROUP BY month, kind`,
    )
    .all(params) as { month: string; kind: 'run_credits' | 'ai_credits' | 'provider' | 'ci' | 'human'; micros: number | null; missing: string | null }[];
  const missing = new Set<string>();
  for (const row of costRows) {
    at(row.month)[`cost_${row.kind}`] += row.micros ?? 0;
    for (const c of row.missing?.split(',') ?? []) missing.add(c);
  }
  return { byMonth, missingRates: [...missing].sort() };
}
