import type { Db } from '../connection';
import { pushTo } from '../../../shared/domain/collections';
import type { EvidenceMergeRequest, EvidenceParts, EvidencePipeline, EvidenceReviewEvent, EvidenceRunEvent } from '../../../shared/domain/records/evidence';
import { RECORD_SIGNALS, type CostLine, type RecordSignalCode } from '../../../shared/domain/records/types';
import { RECORD_ROW_SQL, recordRowOf } from './record-queries';

/** A `records` row with its signal codes; mapped by the records list's own recordRowOf (one mapping for both). */
export type DbRecordRow = Parameters<typeof recordRowOf>[0];

const isSignalCode = (code: string): code is RecordSignalCode => Object.hasOwn(RECORD_SIGNALS, code);

// Every lookup goes through a primary key or an index (record_id prefixes, work_items_key,
// run_events_ticket, run_events_run, pipelines_mr, ci_jobs_pipeline, worklogs_item); the
// integration test checks the plans so that no statement scans a table per call.
export const RECORD_EVIDENCE_SQL = {
  record: `${RECORD_ROW_SQL} WHERE r.id = ?`,
  costLines: `SELECT kind, basis, evidence, occurred_on AS occurredOn, quantity, unit, amount_micros AS amountMicros, currency
    FROM record_cost_lines WHERE record_id = ? ORDER BY line_no`,
  signals: 'SELECT code, detail FROM record_signals WHERE record_id = ? ORDER BY code',
  ticket: 'SELECT key, summary, issue_type AS issueType, created_at AS createdAt, web_url AS webUrl FROM work_items WHERE id = ?',
  statusChanges: `SELECT c.changed_at AS at, c.from_string AS "from", c.to_string AS "to", s.category_key AS toCategory
    FROM work_item_status_changes c JOIN work_items w ON w.id = c.work_item_id
    LEFT JOIN jira_statuses s ON s.source_id = w.source_id AND s.external_id = c.to_value
    WHERE c.work_item_id = ? AND c.field = 'status' ORDER BY c.changed_at, c.changelog_id, c.item_index`,
  worklogs: `SELECT l.started_at AS startedAt, l.seconds, l.comment, coalesce(p.display_name, p.username) AS author
    FROM worklogs l LEFT JOIN people p ON p.id = l.author_id WHERE l.work_item_id = ? ORDER BY l.started_at`,
  linkedItems: `SELECT DISTINCT o.key, o.issue_type AS issueType, o.summary, o.created_at AS createdAt, o.web_url AS webUrl
    FROM work_item_links l JOIN work_items o ON o.key = l.other_key WHERE l.work_item_id = ?`,
  // A record holds the events naming its ticket and every event of its runs (model calls may omit the ticket).
  runEvents: `SELECT e.event_id AS eventId, e.occurred_at AS occurredAt, e.event_type AS type, e.ticket_key AS ticketKey, e.run_id AS runId,
      e.parent_run_id AS parentRunId, e.reason_code AS reasonCode, e.reason_detail AS reasonDetail, e.run_credits_micros AS runCreditsMicros,
      e.ai_credits_micros AS aiCreditsMicros, e.amount_micros AS amountMicros, e.currency, e.model,
      coalesce(e.input_tokens, 0) + coalesce(e.output_tokens, 0) + coalesce(e.cache_read_tokens, 0) + coalesce(e.cache_write_tokens, 0) AS tokens,
      e.reservation_id AS reservationId, e.mr_url AS mrUrl, e.supersedes_event_id AS supersedesEventId, i.file_name AS file, e.source_line AS line
    FROM run_events e LEFT JOIN imports i ON i.id = e.import_id
    WHERE e.event_id IN (
      SELECT event_id FROM run_events WHERE ticket_key = @ticketKey
      UNION SELECT event_id FROM run_events WHERE run_id IN (SELECT run_id FROM record_runs WHERE record_id = @id))
    ORDER BY e.occurred_at, e.event_id`,
  mergeRequests: `SELECT m.id, rm.role, r.path AS repository, m.iid, m.title, m.state, m.draft, m.author_id AS authorId, coalesce(a.is_bot, 0) AS authorIsBot,
      m.created_at AS createdAt, m.merged_at AS mergedAt, m.closed_at AS closedAt, m.web_url AS webUrl
    FROM record_merge_requests rm JOIN merge_requests m ON m.id = rm.merge_request_id JOIN repositories r ON r.id = m.repository_id
    LEFT JOIN people a ON a.id = m.author_id
    WHERE rm.record_id = ? ORDER BY m.created_at, m.id`,
  // Note bodies are read only for system notes ("requested review from ..."); comments are counted, never quoted.
  reviews: `SELECT e.merge_request_id AS mrId, e.kind, e.created_at AS at, e.author_id AS authorId, coalesce(p.display_name, p.username) AS author,
      coalesce(p.is_bot, 0) AS authorIsBot, CASE WHEN e.kind = 'system' THEN e.body END AS body
    FROM record_merge_requests rm JOIN review_events e ON e.merge_request_id = rm.merge_request_id LEFT JOIN people p ON p.id = e.author_id
    WHERE rm.record_id = ? AND rm.role = 'change' ORDER BY e.created_at, e.external_id`,
  approvals: `SELECT a.merge_request_id AS mrId, a.approved_at AS at, a.user_id AS userId, coalesce(p.display_name, p.username) AS author
    FROM record_merge_requests rm JOIN approvals a ON a.merge_request_id = rm.merge_request_id LEFT JOIN people p ON p.id = a.user_id
    WHERE rm.record_id = ? AND rm.role = 'change'`,
  pipelines: `SELECT m.id AS mrId, p.id, p.external_id AS externalId, p.status, p.created_at AS createdAt, p.updated_at AS updatedAt,
      p.finished_at AS finishedAt, p.duration_s AS durationS, p.web_url AS webUrl
    FROM record_merge_requests rm JOIN merge_requests m ON m.id = rm.merge_request_id
    JOIN pipelines p ON p.repository_id = m.repository_id AND p.merge_request_iid = m.iid
    WHERE rm.record_id = ? AND rm.role = 'change' ORDER BY p.created_at, p.id`,
  jobs: `SELECT j.pipeline_id AS pipelineId, j.name, j.status, j.allow_failure AS allowFailure, j.retried, j.failure_reason AS failureReason
    FROM record_merge_requests rm JOIN merge_requests m ON m.id = rm.merge_request_id
    JOIN pipelines p ON p.repository_id = m.repository_id AND p.merge_request_iid = m.iid
    JOIN ci_jobs j ON j.pipeline_id = p.id
    WHERE rm.record_id = ? AND rm.role = 'change' ORDER BY j.pipeline_id, j.id`,
} as const;

export type RecordEvidence = {
  row: DbRecordRow;
  costLines: CostLine[];
  signals: { code: RecordSignalCode; detail: string }[];
  parts: EvidenceParts;
};

type Statements = { [K in keyof typeof RECORD_EVIDENCE_SQL]: ReturnType<Db['prepare']> };
const statements = new WeakMap<Db, Statements>();
const prepared = (db: Db): Statements => {
  let s = statements.get(db);
  if (!s) {
    s = Object.fromEntries(Object.entries(RECORD_EVIDENCE_SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Statements;
    statements.set(db, s);
  }
  return s;
};

type MrRow = Omit<EvidenceMergeRequest, 'draft' | 'authorIsBot' | 'reviews' | 'approvals' | 'pipelines'> & { draft: number; authorIsBot: number };
type ReviewRow = Omit<EvidenceReviewEvent, 'authorIsBot'> & { mrId: number; authorIsBot: number };
type ApprovalRow = EvidenceMergeRequest['approvals'][number] & { mrId: number };
type PipelineRow = Omit<EvidencePipeline, 'jobs'> & { mrId: number; id: number };
type JobRow = { pipelineId: number; name: string; status: string; allowFailure: number; retried: number; failureReason: string | null };

/**
 * Everything the record detail shows, in one read transaction (a consistent snapshot while a sync or
 * rebuild writes): the row, its cost lines and signals, and the parts of its evidence chain.
 * Null when no record has this id.
 */
export function loadRecordEvidence(db: Db, id: number): RecordEvidence | null {
  const q = prepared(db);
  return db.transaction((): RecordEvidence | null => {
    const record = q.record.get(id) as (DbRecordRow & { work_item_id: number | null }) | undefined;
    if (!record) return null;
    const { work_item_id: workItemId, ...row } = record;
    const costLines = q.costLines.all(id) as CostLine[];
    const signals = (q.signals.all(id) as { code: string; detail: string }[]).filter((s): s is { code: RecordSignalCode; detail: string } => isSignalCode(s.code));

    const ticket = workItemId !== null ? ((q.ticket.get(workItemId) as EvidenceParts['ticket'] | undefined) ?? null) : null;
    const ofItem = <T>(stmt: Statements[keyof Statements]): T[] => (ticket && workItemId !== null ? (stmt.all(workItemId) as T[]) : []);
    const statusChanges = ofItem<EvidenceParts['statusChanges'][number]>(q.statusChanges);
    const worklogs = ofItem<EvidenceParts['worklogs'][number]>(q.worklogs);
    const linkedItems = ofItem<EvidenceParts['linkedItems'][number]>(q.linkedItems);
    const runEvents = q.runEvents.all({ id, ticketKey: row.ticket_key }) as EvidenceRunEvent[];

    const reviews = new Map<number, EvidenceReviewEvent[]>();
    for (const { mrId, authorIsBot, ...r } of q.reviews.all(id) as ReviewRow[]) pushTo(reviews, mrId, { ...r, authorIsBot: authorIsBot === 1 });
    const approvals = new Map<number, EvidenceMergeRequest['approvals']>();
    for (const { mrId, ...a } of q.approvals.all(id) as ApprovalRow[]) pushTo(approvals, mrId, a);
    const jobs = new Map<number, EvidencePipeline['jobs']>();
    for (const { pipelineId, allowFailure, retried, ...j } of q.jobs.all(id) as JobRow[]) pushTo(jobs, pipelineId, { ...j, allowFailure: allowFailure === 1, retried: retried === 1 });
    const pipelines = new Map<number, EvidencePipeline[]>();
    for (const { mrId, id: pipelineId, ...p } of q.pipelines.all(id) as PipelineRow[]) pushTo(pipelines, mrId, { ...p, jobs: jobs.get(pipelineId) ?? [] });
    const mergeRequests = (q.mergeRequests.all(id) as MrRow[]).map(
      (m): EvidenceMergeRequest => ({
        ...m,
        draft: m.draft === 1,
        authorIsBot: m.authorIsBot === 1,
        reviews: reviews.get(m.id) ?? [],
        approvals: approvals.get(m.id) ?? [],
        pipelines: pipelines.get(m.id) ?? [],
      }),
    );
    return { row, costLines, signals, parts: { ticket, statusChanges, worklogs, linkedItems, runEvents, mergeRequests } };
  })();
}
