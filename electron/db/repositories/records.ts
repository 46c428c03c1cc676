import { createHash } from 'node:crypto';
import { COST_MEASURES, RECORD_MEASURES } from '../../../shared/domain/metrics';
import { converter, type ExchangeRate } from '../../../shared/domain/money';
import type { Db } from '../connection';
import type { BuildResult } from '../../../shared/domain/records/build';
import type { BuiltRecord, CostLine } from '../../../shared/domain/records/types';
import type { RunSummary } from '../../../shared/domain/records/runs';

type CostColumn = (typeof COST_MEASURES)[number];
export type ConvertedCosts = Record<CostColumn, number> & { missingRates: string | null };

/** Cost-line money per kind in the workspace currency; lines without a rate are left out and named. */
export function convertCosts(lines: readonly Pick<CostLine, 'kind' | 'amountMicros' | 'currency' | 'occurredOn'>[], convert: ReturnType<typeof converter>): ConvertedCosts {
  const out: ConvertedCosts = { cost_run_credits: 0, cost_ai_credits: 0, cost_provider: 0, cost_ci: 0, cost_human: 0, missingRates: null };
  const missing = new Set<string>();
  for (const l of lines) {
    const v = convert(l.amountMicros, l.currency, l.occurredOn);
    if (v === null) missing.add(l.currency);
    else out[`cost_${l.kind}`] += v;
  }
  out.missingRates = missing.size > 0 ? [...missing].sort().join(',') : null;
  return out;
}

export const loadRates = (db: Db): ExchangeRate[] =>
  db.prepare('SELECT from_currency AS "from", to_currency AS "to", valid_from AS validFrom, rate FROM exchange_rates').all() as ExchangeRate[];

export type WriteStats = { records: number; inserted: number; updated: number; deleted: number; unchanged: number };

/**
 * Writes a build result in one transaction (readers see the old set or the new, never a mix).
 * Only records whose content changed are rewritten, keeping their ids, so an incremental rebuild
 * touches few rows and drill-through links stay valid.
 */
/**
 * What an incremental write replaces: the records of these tickets, the runs and unlinked entries
 * of these runs and merge requests, the provider days and the reconciliation of these buckets.
 * Everything else stays as it is.
 */
export type WriteScope = { tickets: Set<string>; runs: Set<string>; mrRefs: Set<string>; days: Set<string>; buckets: Set<string> };

export function writeRecords(
  db: Db,
  built: BuildResult,
  runs: readonly RunSummary[],
  ctx: { teamOf: (r: BuiltRecord) => string | null; builtAt: string; currency: string },
  scope?: WriteScope,
): WriteStats {
  const convert = converter(loadRates(db), ctx.currency);
  const existing = new Map(
    (
      (scope
        ? db.prepare('SELECT id, record_key AS key, content_hash AS hash FROM records WHERE ticket_key IN (SELECT value FROM json_each(?))').all(JSON.stringify([...scope.tickets]))
        : db.prepare('SELECT id, record_key AS key, content_hash AS hash FROM records').all()) as { id: number; key: string; hash: string | null }[]
    ).map((r) => [r.key, r]),
  );
  const insertRecord = db.prepare(
    `INSERT INTO records (id, record_key, work_item_id, ticket_key, team, project_key, repository, issue_type, size, outcome, period_month,
       started_at, ended_at, title, mr_url, labels_json, workspace, plan, person, ${RECORD_MEASURES.join(', ')}, ${COST_MEASURES.join(', ')}, missing_rates, content_hash, built_at)
     VALUES (@id, @recordKey, @workItemId, @ticketKey, @team, @projectKey, @repository, @issueType, @size, @outcome, @periodMonth,
       @startedAt, @endedAt, @title, @mrUrl, @labelsJson, @workspace, @plan, @person, ${RECORD_MEASURES.map((c) => `@${c}`).join(', ')},
       ${COST_MEASURES.map((c) => `@${c}`).join(', ')}, @missingRates, @hash, @builtAt)`,
  );
  const deleteRecord = db.prepare('DELETE FROM records WHERE id = ?');
  const insertMr = db.prepare('INSERT OR IGNORE INTO record_merge_requests (record_id, merge_request_id, role) VALUES (?, ?, ?)');
  const insertRun = db.prepare('INSERT OR IGNORE INTO record_runs (record_id, run_id) VALUES (?, ?)');
  const insertSignal = db.prepare('INSERT OR IGNORE INTO record_signals (record_id, code, detail) VALUES (?, ?, ?)');
  const insertLine = db.prepare(
    `INSERT INTO record_cost_lines (record_id, line_no, kind, basis, evidence, occurred_on, quantity, unit, amount_micros, currency)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRunRow = db.prepare('INSERT INTO runs (run_id, ticket_key, parent_run_id, kind, started_at, ended_at, final_event, mr_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertUnlinked = db.prepare(
    'INSERT OR REPLACE INTO unlinked_items (kind, ref, detail, url, occurred_at, amount_micros, currency) VALUES (@kind, @ref, @detail, @url, @occurredAt, @amountMicros, @currency)',
  );
  const insertReconciliation = db.prepare(
    `INSERT OR REPLACE INTO reconciliation (month, workspace, plan, currency, billed_credits, implied_credits, billed_micros, implied_micros, mismatched_events)
     VALUES (@month, @workspace, @plan, @currency, @billedCredits, @impliedCredits, @billedMicros, @impliedMicros, @mismatchedEvents)`,
  );
  const stats: WriteStats = { records: built.records.length, inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  let nextId = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM records').get() as { n: number }).n + 1;

  db.transaction(() => {
    const seen = new Set<string>();
    for (const r of built.records) {
      seen.add(r.recordKey);
      const team = ctx.teamOf(r);
      const costs = convertCosts(r.costLines, convert);
      const hash = createHash('sha1').update(JSON.stringify([r, team, costs])).digest('base64');
      const old = existing.get(r.recordKey);
      if (old?.hash === hash) {
        stats.unchanged += 1;
        continue;
      }
      if (old) {
        deleteRecord.run(old.id);
        stats.updated += 1;
      } else stats.inserted += 1;
      const id = old?.id ?? nextId++;
      insertRecord.run({
        id,
        recordKey: r.recordKey,
        workItemId: r.workItemId,
        ticketKey: r.ticketKey,
        team,
        projectKey: r.projectKey,
        repository: r.repository,
        issueType: r.issueType,
        size: r.size,
        outcome: r.outcome,
        periodMonth: r.periodMonth,
        startedAt: r.startedAt,
        endedAt: r.endedAt,
        title: r.title,
        mrUrl: r.mrUrl,
        labelsJson: JSON.stringify(r.labels),
        workspace: r.workspace,
        plan: r.plan,
        person: r.person,
        ...r.measures,
        ...costs,
        hash,
        builtAt: ctx.builtAt,
      });
      for (const m of r.mergeRequests) insertMr.run(id, m.id, m.role);
      for (const run of r.runIds) insertRun.run(id, run);
      for (const s of r.signals) insertSignal.run(id, s.code, s.detail);
      r.costLines.forEach((l, i) => insertLine.run(id, i + 1, l.kind, l.basis, l.evidence, l.occurredOn, l.quantity, l.unit, l.amountMicros, l.currency));
    }
    for (const [key, old] of existing) {
      if (seen.has(key)) continue;
      deleteRecord.run(old.id);
      stats.deleted += 1;
    }
    if (!scope) {
      db.exec('DELETE FROM runs; DELETE FROM unlinked_items; DELETE FROM reconciliation;');
      for (const run of runs) insertRunRow.run(run.runId, run.ticketKey, run.parentRunId, run.kind, run.startedAt, run.endedAt, run.finalEvent, run.mrUrls[0] ?? null);
      for (const u of built.unlinked) insertUnlinked.run(u);
      for (const row of built.reconciliation) insertReconciliation.run(row);
      return;
    }
    const ticketsJson = JSON.stringify([...scope.tickets]);
    const runsJson = JSON.stringify([...scope.runs]);
    db.prepare('DELETE FROM runs WHERE ticket_key IN (SELECT value FROM json_each(?)) OR run_id IN (SELECT value FROM json_each(?))').run(ticketsJson, runsJson);
    for (const run of runs) {
      if ((run.ticketKey && scope.tickets.has(run.ticketKey)) || scope.runs.has(run.runId)) {
        insertRunRow.run(run.runId, run.ticketKey, run.parentRunId, run.kind, run.startedAt, run.endedAt, run.finalEvent, run.mrUrls[0] ?? null);
      }
    }
    db.prepare("DELETE FROM unlinked_items WHERE kind IN ('run_without_ticket', 'run_without_mr') AND ref IN (SELECT value FROM json_each(?))").run(runsJson);
    db.prepare("DELETE FROM unlinked_items WHERE kind = 'ai_mr_without_ticket' AND ref IN (SELECT value FROM json_each(?))").run(JSON.stringify([...scope.mrRefs]));
    db.prepare("DELETE FROM unlinked_items WHERE kind = 'billing_line_without_run' AND substr(occurred_at, 1, 10) IN (SELECT value FROM json_each(?))").run(JSON.stringify([...scope.days]));
    for (const u of built.unlinked) {
      const inScope =
        u.kind === 'ai_mr_without_ticket' ? scope.mrRefs.has(u.ref) : u.kind === 'billing_line_without_run' ? scope.days.has(u.occurredAt.slice(0, 10)) : scope.runs.has(u.ref);
      if (inScope) insertUnlinked.run(u);
    }
    const deleteBucket = db.prepare('DELETE FROM reconciliation WHERE workspace = ? AND month = ?');
    for (const b of scope.buckets) deleteBucket.run(b.slice(0, b.lastIndexOf('|')), b.slice(b.lastIndexOf('|') + 1));
    for (const row of built.reconciliation) if (scope.buckets.has(`${row.workspace}|${row.month}`)) insertReconciliation.run(row);
  })();
  return stats;
}

/** Re-converts every record's money after exchange rates or the workspace currency changed. */
export function refreshConvertedCosts(db: Db, currency: string): void {
  const convert = converter(loadRates(db), currency);
  const update = db.prepare(`UPDATE records SET ${COST_MEASURES.map((c) => `${c} = @${c}`).join(', ')}, missing_rates = @missingRates WHERE id = @id`);
  const lines = db.prepare('SELECT record_id AS id, kind, amount_micros AS amountMicros, currency, occurred_on AS occurredOn FROM record_cost_lines ORDER BY record_id').all() as Array<
    { id: number } & Pick<CostLine, 'kind' | 'amountMicros' | 'currency' | 'occurredOn'>
  >;
  db.transaction(() => {
    // Records without cost lines keep zeros; reset all first so a removed line cannot linger.
    db.prepare(`UPDATE records SET ${COST_MEASURES.map((c) => `${c} = 0`).join(', ')}, missing_rates = NULL`).run();
    let id = -1;
    let batch: Pick<CostLine, 'kind' | 'amountMicros' | 'currency' | 'occurredOn'>[] = [];
    const flush = () => {
      if (id >= 0) update.run({ id, ...convertCosts(batch, convert) });
    };
    for (const l of lines) {
      if (l.id !== id) {
        flush();
        id = l.id;
        batch = [];
      }
      batch.push(l);
    }
    flush();
  })();
}

export const latestActivity = (db: Db): { from: string; to: string } | null => {
  const row = db.prepare('SELECT min(started_at) AS "from", max(ended_at) AS "to" FROM records').get() as { from: string | null; to: string | null };
  return row.from && row.to ? { from: row.from, to: row.to } : null;
};
