import { RECORD_MEASURES } from '../../../shared/domain/metrics';
import type { Db } from '../connection';
import type { BuiltRecord } from '../../../shared/domain/records/types';
import type { RunSummary } from '../../../shared/domain/records/runs';

/** Replaces all derived records in one transaction: readers see the old set or the new, never a mix. */
export function replaceRecords(db: Db, records: readonly BuiltRecord[], runs: readonly RunSummary[], ctx: { teamOf: (r: BuiltRecord) => string | null; builtAt: string }): void {
  const insertRecord = db.prepare(
    `INSERT INTO records (record_key, work_item_id, ticket_key, team, project_key, repository, issue_type, size, outcome, period_month,
       started_at, ended_at, ${RECORD_MEASURES.join(', ')}, built_at)
     VALUES (@recordKey, @workItemId, @ticketKey, @team, @projectKey, @repository, @issueType, @size, @outcome, @periodMonth,
       @startedAt, @endedAt, ${RECORD_MEASURES.map((c) => `@${c}`).join(', ')}, @builtAt)`,
  );
  const insertMr = db.prepare('INSERT OR IGNORE INTO record_merge_requests (record_id, merge_request_id, role) VALUES (?, ?, ?)');
  const insertRun = db.prepare('INSERT OR IGNORE INTO record_runs (record_id, run_id) VALUES (?, ?)');
  const insertLine = db.prepare(
    `INSERT INTO record_cost_lines (record_id, line_no, kind, basis, evidence, occurred_on, quantity, unit, amount_micros, currency)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRunRow = db.prepare(
    'INSERT INTO runs (run_id, ticket_key, parent_run_id, kind, started_at, ended_at, final_event, mr_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    db.exec('DELETE FROM record_cost_lines; DELETE FROM record_runs; DELETE FROM record_merge_requests; DELETE FROM records; DELETE FROM runs;');
    for (const run of runs) insertRunRow.run(run.runId, run.ticketKey, run.parentRunId, run.kind, run.startedAt, run.endedAt, run.finalEvent, run.mrUrls[0] ?? null);
    for (const r of records) {
      const id = Number(
        insertRecord.run({
          recordKey: r.recordKey,
          workItemId: r.workItemId,
          ticketKey: r.ticketKey,
          team: ctx.teamOf(r),
          projectKey: r.projectKey,
          repository: r.repository,
          issueType: r.issueType,
          size: r.size,
          outcome: r.outcome,
          periodMonth: r.periodMonth,
          startedAt: r.startedAt,
          endedAt: r.endedAt,
          ...r.measures,
          builtAt: ctx.builtAt,
        }).lastInsertRowid,
      );
      for (const m of r.mergeRequests) insertMr.run(id, m.id, m.role);
      for (const run of r.runIds) insertRun.run(id, run);
      r.costLines.forEach((l, i) => insertLine.run(id, i + 1, l.kind, l.basis, l.evidence, l.occurredOn, l.quantity, l.unit, l.amountMicros, l.currency));
    }
  })();
}

export const latestActivity = (db: Db): { from: string; to: string } | null => {
  const row = db.prepare('SELECT min(started_at) AS "from", max(ended_at) AS "to" FROM records').get() as { from: string | null; to: string | null };
  return row.from && row.to ? { from: row.from, to: row.to } : null;
};
