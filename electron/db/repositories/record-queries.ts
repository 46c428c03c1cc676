import type { Db } from '../connection';
import type { RecordFilter, RecordRow } from '../../../shared/ipc/contract-records';
import type { RecordSignalCode } from '../../../shared/domain/records/types';

type RecordDbRow = {
  id: number;
  record_key: string;
  ticket_key: string | null;
  title: string | null;
  team: string | null;
  project_key: string | null;
  repository: string | null;
  issue_type: string | null;
  size: string | null;
  outcome: RecordRow['outcome'];
  period_month: string;
  started_at: string | null;
  ended_at: string | null;
  mr_url: string | null;
  workspace: string | null;
  plan: string | null;
  person: string | null;
  runs: number;
  repair_runs: number;
  review_rounds: number;
  ci_minutes: number;
  human_hours: number;
  cost_run_credits: number;
  cost_ai_credits: number;
  cost_provider: number;
  cost_ci: number;
  cost_human: number;
  missing_rates: string | null;
  signals: string | null;
};

export const RECORD_ROW_SQL = `SELECT r.*, (SELECT group_concat(code) FROM record_signals s WHERE s.record_id = r.id) AS signals FROM records r`;

/** A records row as lists show it; the person only when person-level views are on. */
export function recordRowOf(r: RecordDbRow, opts: { people: boolean }): RecordRow {
  return {
    id: r.id,
    recordKey: r.record_key,
    ticketKey: r.ticket_key,
    title: r.title,
    team: r.team,
    projectKey: r.project_key,
    repository: r.repository,
    issueType: r.issue_type,
    size: r.size,
    outcome: r.outcome,
    periodMonth: r.period_month,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    mrUrl: r.mr_url,
    workspace: r.workspace,
    plan: r.plan,
    person: opts.people ? r.person : null,
    runs: r.runs,
    repairRuns: r.repair_runs,
    reviewRounds: r.review_rounds,
    ciMinutes: r.ci_minutes,
    humanHours: r.human_hours,
    costRunCreditsMicros: r.cost_run_credits,
    costAiCreditsMicros: r.cost_ai_credits,
    costProviderMicros: r.cost_provider,
    costCiMicros: r.cost_ci,
    costHumanMicros: r.cost_human,
    costTotalMicros: r.cost_run_credits + r.cost_ai_credits + r.cost_provider + r.cost_ci + r.cost_human,
    missingRates: r.missing_rates,
    signals: (r.signals?.split(',') ?? []).sort() as RecordSignalCode[],
  };
}

/** WHERE clause and parameters for a records filter (pilot already resolved to its id). */
export function recordWhere(f: RecordFilter & { pilotId?: number }): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.pilotId !== undefined) {
    where.push('r.id IN (SELECT record_id FROM record_pilots WHERE pilot_id = @pilotId)');
    params['pilotId'] = f.pilotId;
  }
  if (f.search?.trim()) {
    where.push("(r.ticket_key LIKE @search ESCAPE '\\' OR r.title LIKE @search ESCAPE '\\' OR r.repository LIKE @search ESCAPE '\\' OR r.mr_url LIKE @search ESCAPE '\\')");
    params['search'] = `%${f.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (f.outcomes?.length) {
    where.push(`r.outcome IN (${f.outcomes.map((_, i) => `@outcome${i}`).join(', ')})`);
    f.outcomes.forEach((o, i) => (params[`outcome${i}`] = o));
  }
  for (const [key, column] of [['team', 'team'], ['project', 'project_key'], ['repository', 'repository']] as const) {
    if (f[key] !== undefined) {
      where.push(`r.${column} = @${key}`);
      params[key] = f[key];
    }
  }
  if (f.signal) {
    where.push('r.id IN (SELECT record_id FROM record_signals WHERE code = @signal)');
    params['signal'] = f.signal;
  }
  if (f.fromMonth) {
    where.push('r.period_month >= @fromMonth');
    params['fromMonth'] = f.fromMonth;
  }
  if (f.toMonth) {
    where.push('r.period_month <= @toMonth');
    params['toMonth'] = f.toMonth;
  }
  if (f.ids) {
    where.push('r.id IN (SELECT value FROM json_each(@ids))');
    params['ids'] = JSON.stringify(f.ids);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function listRecords(db: Db, f: RecordFilter & { pilotId?: number; limit: number; offset: number }, opts: { people: boolean }): { rows: RecordRow[]; total: number } {
  const { sql, params } = recordWhere(f);
  const total = (db.prepare(`SELECT count(*) AS n FROM records r ${sql}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`${RECORD_ROW_SQL} ${sql} ORDER BY r.period_month DESC, r.ticket_key LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: f.limit, offset: f.offset }) as RecordDbRow[];
  return { rows: rows.map((r) => recordRowOf(r, opts)), total };
}

export function recordIdsWithSignal(db: Db, code: string, pilotId?: number): number[] {
  return (
    db
      .prepare(
        `SELECT s.record_id AS id FROM record_signals s ${pilotId !== undefined ? 'JOIN record_pilots rp ON rp.record_id = s.record_id AND rp.pilot_id = @pilotId' : ''}
         WHERE s.code = @code ORDER BY s.record_id`,
      )
      .all({ code, pilotId }) as { id: number }[]
  ).map((r) => r.id);
}

export const recordIdsOverRepairBudget = (db: Db, pilotId: number, budget: number): number[] =>
  db
    .prepare('SELECT r.id FROM records r JOIN record_pilots rp ON rp.record_id = r.id AND rp.pilot_id = ? WHERE r.repair_runs > ? ORDER BY r.id')
    .pluck()
    .all(pilotId, budget) as number[];

export const recordIdsInMonths = (db: Db, months: readonly string[], pilotId?: number): number[] =>
  (
    db
      .prepare(
        `SELECT r.id FROM records r ${pilotId !== undefined ? 'JOIN record_pilots rp ON rp.record_id = r.id AND rp.pilot_id = @pilotId' : ''}
         WHERE r.period_month IN (SELECT value FROM json_each(@months)) ORDER BY r.id`,
      )
      .all({ months: JSON.stringify(months), pilotId }) as { id: number }[]
  ).map((r) => r.id);

export function unlinkedCounts(db: Db): Record<'run_without_ticket' | 'run_without_mr' | 'ai_mr_without_ticket' | 'billing_line_without_run', number> {
  const counts = { run_without_ticket: 0, run_without_mr: 0, ai_mr_without_ticket: 0, billing_line_without_run: 0 };
  for (const r of db.prepare('SELECT kind, count(*) AS n FROM unlinked_items GROUP BY kind').all() as { kind: keyof typeof counts; n: number }[]) counts[r.kind] = r.n;
  return counts;
}

export const unlinkedItems = (db: Db, limit: number) =>
  db
    .prepare(
      `SELECT kind, ref, detail, url, occurred_at AS occurredAt, amount_micros AS amountMicros, currency FROM unlinked_items
       ORDER BY kind, occurred_at DESC LIMIT ?`,
    )
    .all(limit) as { kind: 'run_without_ticket' | 'run_without_mr' | 'ai_mr_without_ticket' | 'billing_line_without_run'; ref: string; detail: string; url: string | null; occurredAt: string; amountMicros: number | null; currency: string | null }[];

/** Billing no run can carry: Copilot usage and seats, Actions minutes, anything not a provider or run line. */
export const workflowBilling = (db: Db) =>
  db
    .prepare(
      `SELECT ledger, vendor, count(*) AS lines, sum(amount_micros) AS amountMicros, currency FROM billing_lines
       WHERE ledger NOT IN ('provider', 'run_credits', 'ai_credits') GROUP BY ledger, vendor, currency ORDER BY ledger, vendor`,
    )
    .all() as { ledger: string; vendor: string; lines: number; amountMicros: number; currency: string }[];

export function reconciliationRows(db: Db) {
  const rows = db
    .prepare(
      `SELECT month, workspace, plan, currency, billed_credits AS billedCredits, implied_credits AS impliedCredits, billed_micros AS billedMicros,
         implied_micros AS impliedMicros, mismatched_events AS mismatchedEvents FROM reconciliation ORDER BY month, workspace`,
    )
    .all() as { month: string; workspace: string; plan: string | null; currency: string; billedCredits: number; impliedCredits: number; billedMicros: number; impliedMicros: number; mismatchedEvents: number }[];
  // Records behind a difference: mismatched records of that vendor workspace with runs in that month.
  const behind = db.prepare(
    `SELECT DISTINCT r.id FROM records r JOIN record_signals s ON s.record_id = r.id AND s.code = 'billing_mismatch'
     JOIN record_runs rr ON rr.record_id = r.id JOIN runs u ON u.run_id = rr.run_id
     WHERE r.workspace = @workspace AND substr(u.started_at, 1, 7) = @month ORDER BY r.id`,
  );
  return rows.map((row) => ({ ...row, recordIds: row.mismatchedEvents > 0 ? (behind.all(row) as { id: number }[]).map((r) => r.id) : [] }));
}
