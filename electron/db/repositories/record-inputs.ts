import type { Db } from '../connection';
import { pushTo } from '../../../shared/domain/collections';
import type { MergeRequestInput, ProviderLineInput, RecordInputs, RunEventInput, WorkItemInput } from '../../../shared/domain/records/types';

/**
 * What an incremental rebuild loads: work items, merge requests and run events by id, plus the
 * provider lines of some days. Ids go to temporary tables the queries join, so a scope of any size
 * is one indexed join rather than a long IN list.
 */
export type InputScope = { workItemIds: number[]; mergeRequestIds: number[]; eventIds: string[]; providerDays: string[] };

type MrRow = Omit<MergeRequestInput, 'labels' | 'draft' | 'shas' | 'ciMinutesByRunner' | 'passedPipelineBeforeReview' | 'requestedChanges' | 'reviewActivity' | 'firstReviewAt' | 'pipelines'> & {
  repositoryId: number;
  labelsJson: string;
  draft: number;
  sha: string | null;
  mergeCommitSha: string | null;
  squashCommitSha: string | null;
};

function fillScope(db: Db, scope: InputScope): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS scope_items (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS scope_mrs (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS scope_events (id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS scope_days (day TEXT PRIMARY KEY) WITHOUT ROWID;
    DELETE FROM scope_items; DELETE FROM scope_mrs; DELETE FROM scope_events; DELETE FROM scope_days;`);
  const fill = (table: string, values: readonly (string | number)[]) => {
    const insert = db.prepare(`INSERT OR IGNORE INTO ${table} VALUES (?)`);
    for (const v of values) insert.run(v);
  };
  fill('scope_items', scope.workItemIds);
  fill('scope_mrs', scope.mergeRequestIds);
  fill('scope_events', scope.eventIds);
  fill('scope_days', scope.providerDays);
}

/**
 * Loads what the record builder links, with per-item aggregates computed in SQL: everything, or
 * (for an incremental rebuild) only the scope's rows.
 */
export function loadRecordInputs(db: Db, scope?: InputScope): RecordInputs {
  if (scope) fillScope(db, scope);
  const only = (column: string, table: string) => (scope ? `${column} IN (SELECT id FROM temp.${table})` : '1');

  const worklogs = new Map<number, WorkItemInput['worklogs']>();
  for (const l of db.prepare(`SELECT work_item_id AS id, started_at AS startedAt, seconds, comment FROM worklogs WHERE ${only('work_item_id', 'scope_items')} ORDER BY work_item_id, started_at`).iterate() as Iterable<
    { id: number } & WorkItemInput['worklogs'][number]
  >) {
    pushTo(worklogs, l.id, { startedAt: l.startedAt, seconds: l.seconds, comment: l.comment });
  }
  const links = new Map<number, string[]>();
  for (const l of db.prepare(`SELECT work_item_id AS id, other_key AS key FROM work_item_links WHERE ${only('work_item_id', 'scope_items')}`).iterate() as Iterable<{ id: number; key: string }>) {
    pushTo(links, l.id, l.key);
  }
  const workItems = (
    db
      .prepare(
        `SELECT w.id, w.key, w.summary, (SELECT coalesce(pp.display_name, pp.username) FROM people pp WHERE pp.id = w.assignee_id) AS assignee,
           coalesce(p.key, substr(w.key, 1, instr(w.key, '-') - 1)) AS projectKey, w.issue_type AS issueType,
           w.story_points AS storyPoints, w.status_category AS statusCategory, w.created_at AS createdAt, w.resolved_at AS resolvedAt,
           w.labels_json AS labelsJson
         FROM work_items w LEFT JOIN jira_projects p ON p.id = w.project_id WHERE ${only('w.id', 'scope_items')}`,
      )
      .all() as (Omit<WorkItemInput, 'labels' | 'linkedKeys' | 'worklogs' | 'loggedSeconds'> & { labelsJson: string })[]
  ).map(({ labelsJson, ...w }) => {
    const logs = worklogs.get(w.id) ?? [];
    return { ...w, labels: JSON.parse(labelsJson) as string[], linkedKeys: links.get(w.id) ?? [], worklogs: logs, loggedSeconds: logs.reduce((n, l) => n + l.seconds, 0) };
  });

  const mrRows = db
    .prepare(
      // Descriptions matter only to revert detection: load those that say "This reverts commit".
      `SELECT m.id, m.repository_id AS repositoryId, r.path AS repository, m.iid, m.title,
         CASE WHEN m.description LIKE '%reverts commit%' THEN m.description ELSE '' END AS description, m.source_branch AS sourceBranch,
         m.labels_json AS labelsJson, a.username AS authorUsername, m.state, m.draft, m.created_at AS createdAt, m.updated_at AS updatedAt,
         m.merged_at AS mergedAt, m.closed_at AS closedAt, m.sha, m.merge_commit_sha AS mergeCommitSha, m.squash_commit_sha AS squashCommitSha,
         m.web_url AS webUrl
       FROM merge_requests m JOIN repositories r ON r.id = m.repository_id LEFT JOIN people a ON a.id = m.author_id WHERE ${only('m.id', 'scope_mrs')}`,
    )
    .all() as MrRow[];
  // Pipelines are keyed by (repository, MR iid): in a scope, those of the scope's MRs.
  const mrPipelines = scope
    ? 'JOIN merge_requests sm ON sm.repository_id = p.repository_id AND sm.iid = p.merge_request_iid AND sm.id IN (SELECT id FROM temp.scope_mrs)'
    : '';
  const ci = new Map<string, Record<string, number>>();
  for (const r of db
    .prepare(
      `SELECT p.repository_id AS repositoryId, p.merge_request_iid AS iid, coalesce(j.runner_type, 'unknown') AS runner, sum(coalesce(j.duration_s, 0)) / 60.0 AS minutes
       FROM pipelines p ${mrPipelines} JOIN ci_jobs j ON j.pipeline_id = p.id
       WHERE p.merge_request_iid IS NOT NULL GROUP BY p.repository_id, p.merge_request_iid, runner`,
    )
    .iterate() as Iterable<{ repositoryId: number; iid: number; runner: string; minutes: number }>) {
    const k = `${r.repositoryId}:${r.iid}`;
    ci.set(k, { ...(ci.get(k) ?? {}), [r.runner]: r.minutes });
  }
  const pipelineStats = new Map<string, { n: number; passedAt: string | null }>();
  for (const r of db
    .prepare(
      // The first passing pipeline tells whether validation evidence existed before review.
      `SELECT p.repository_id AS repositoryId, p.merge_request_iid AS iid, count(*) AS n,
         min(CASE WHEN p.status = 'success' THEN coalesce(p.finished_at, p.updated_at) END) AS passedAt
       FROM pipelines p ${mrPipelines} WHERE p.merge_request_iid IS NOT NULL GROUP BY p.repository_id, p.merge_request_iid`,
    )
    .iterate() as Iterable<{ repositoryId: number; iid: number; n: number; passedAt: string | null }>) {
    pipelineStats.set(`${r.repositoryId}:${r.iid}`, { n: r.n, passedAt: r.passedAt });
  }
  const shas = new Map<number, string[]>();
  for (const r of db.prepare(`SELECT merge_request_id AS id, sha FROM mr_commits WHERE ${only('merge_request_id', 'scope_mrs')}`).iterate() as Iterable<{ id: number; sha: string }>) {
    pushTo(shas, r.id, r.sha);
  }
  // Review activity per MR in one pass (correlated subqueries per MR cost seconds at scale).
  const review = new Map<number, { requested: number; activity: number; first: string | null }>();
  for (const r of db
    .prepare(
      `SELECT merge_request_id AS id, sum(kind = 'requested_changes') AS requested, count(*) AS activity, min(created_at) AS first
       FROM review_events WHERE kind IN ('comment', 'diff_comment', 'requested_changes', 'approved') AND ${only('merge_request_id', 'scope_mrs')} GROUP BY merge_request_id`,
    )
    .iterate() as Iterable<{ id: number; requested: number; activity: number; first: string }>) {
    review.set(r.id, { requested: r.requested, activity: r.activity, first: r.first });
  }
  const approvals = new Map<number, number>();
  for (const r of db.prepare(`SELECT merge_request_id AS id, count(*) AS n FROM approvals WHERE ${only('merge_request_id', 'scope_mrs')} GROUP BY merge_request_id`).iterate() as Iterable<{
    id: number;
    n: number;
  }>) {
    approvals.set(r.id, r.n);
  }
  const mergeRequests: MergeRequestInput[] = mrRows.map(({ repositoryId, labelsJson, draft, sha, mergeCommitSha, squashCommitSha, ...m }) => {
    const rv = review.get(m.id);
    const firstReviewAt = rv?.first ?? null;
    const p = pipelineStats.get(`${repositoryId}:${m.iid}`);
    const gate = firstReviewAt ?? m.mergedAt;
    return {
      ...m,
      requestedChanges: rv?.requested ?? 0,
      reviewActivity: (rv?.activity ?? 0) + (approvals.get(m.id) ?? 0),
      firstReviewAt,
      pipelines: p?.n ?? 0,
      passedPipelineBeforeReview: !!p?.passedAt && (gate === null || p.passedAt <= gate),
      labels: JSON.parse(labelsJson) as string[],
      draft: draft === 1,
      shas: [mergeCommitSha, squashCommitSha, sha, ...(shas.get(m.id) ?? [])].filter((s): s is string => !!s),
      ciMinutesByRunner: ci.get(`${repositoryId}:${m.iid}`) ?? {},
    };
  });

  const runEvents = db
    .prepare(
      `SELECT event_id AS eventId, occurred_at AS occurredAt, event_type AS type, ticket_key AS ticketKey, run_id AS runId,
         parent_run_id AS parentRunId, run_credits_micros AS runCreditsMicros, ai_credits_micros AS aiCreditsMicros,
         amount_micros AS amountMicros, currency, mr_url AS mrUrl, supersedes_event_id AS supersedesEventId, workspace, provider, model,
         coalesce(input_tokens, 0) + coalesce(output_tokens, 0) + coalesce(cache_read_tokens, 0) + coalesce(cache_write_tokens, 0) AS tokens
       FROM run_events
       -- Holds are never cost and never superseded by a billable row (reference §5.3 rule 3).
       WHERE event_type <> 'model_call_reserved' AND ${scope ? 'event_id IN (SELECT id FROM temp.scope_events)' : '1'}`,
    )
    .all() as RunEventInput[];
  const providerLines = db
    .prepare(
      `SELECT id, occurred_on AS occurredOn, amount_micros AS amountMicros, currency, model, team AS account
       FROM billing_lines WHERE ledger = 'provider' AND ${scope ? 'occurred_on IN (SELECT day FROM temp.scope_days)' : '1'}`,
    )
    .all() as ProviderLineInput[];
  return { workItems, mergeRequests, runEvents, providerLines };
}
