import type { Db } from '../connection';
import { pushTo } from '../../../shared/domain/collections';
import type { MergeRequestInput, ProviderLineInput, RecordInputs, RunEventInput, WorkItemInput } from '../../../shared/domain/records/types';

/** Loads everything the record builder links, with per-item aggregates computed in SQL. */
export function loadRecordInputs(db: Db): RecordInputs {
  const worklogs = new Map<number, WorkItemInput['worklogs']>();
  for (const l of db.prepare('SELECT work_item_id AS id, started_at AS startedAt, seconds, comment FROM worklogs ORDER BY work_item_id, started_at').iterate() as Iterable<
    { id: number } & WorkItemInput['worklogs'][number]
  >) {
    pushTo(worklogs, l.id, { startedAt: l.startedAt, seconds: l.seconds, comment: l.comment });
  }
  const links = new Map<number, string[]>();
  for (const l of db.prepare('SELECT work_item_id AS id, other_key AS key FROM work_item_links').iterate() as Iterable<{ id: number; key: string }>) pushTo(links, l.id, l.key);
  const workItems = (
    db
      .prepare(
        `SELECT w.id, w.key, w.summary, (SELECT coalesce(pp.display_name, pp.username) FROM people pp WHERE pp.id = w.assignee_id) AS assignee, coalesce(p.key, substr(w.key, 1, instr(w.key, '-') - 1)) AS projectKey, w.issue_type AS issueType,
           w.story_points AS storyPoints, w.status_category AS statusCategory, w.created_at AS createdAt, w.resolved_at AS resolvedAt,
           w.labels_json AS labelsJson
         FROM work_items w LEFT JOIN jira_projects p ON p.id = w.project_id`,
      )
      .all() as (Omit<WorkItemInput, 'labels' | 'linkedKeys' | 'worklogs' | 'loggedSeconds'> & { labelsJson: string })[]
  ).map(({ labelsJson, ...w }) => {
    const logs = worklogs.get(w.id) ?? [];
    return { ...w, labels: JSON.parse(labelsJson) as string[], linkedKeys: links.get(w.id) ?? [], worklogs: logs, loggedSeconds: logs.reduce((n, l) => n + l.seconds, 0) };
  });

  const ciRows = db
    .prepare(
      `SELECT p.repository_id AS repositoryId, p.merge_request_iid AS iid, coalesce(j.runner_type, 'unknown') AS runner, sum(coalesce(j.duration_s, 0)) / 60.0 AS minutes
       FROM pipelines p JOIN ci_jobs j ON j.pipeline_id = p.id
       WHERE p.merge_request_iid IS NOT NULL GROUP BY p.repository_id, p.merge_request_iid, runner`,
    )
    .all() as { repositoryId: number; iid: number; runner: string; minutes: number }[];
  const ci = new Map<string, Record<string, number>>();
  for (const r of ciRows) {
    const k = `${r.repositoryId}:${r.iid}`;
    ci.set(k, { ...(ci.get(k) ?? {}), [r.runner]: r.minutes });
  }
  const shaRows = db.prepare('SELECT merge_request_id AS id, sha FROM mr_commits').all() as { id: number; sha: string }[];
  const shas = new Map<number, string[]>();
  for (const r of shaRows) pushTo(shas, r.id, r.sha);

  const mrRows = db
    .prepare(
      `SELECT m.id, m.repository_id AS repositoryId, r.path AS repository, m.iid, m.title, m.description, m.source_branch AS sourceBranch,
         m.labels_json AS labelsJson, a.username AS authorUsername, m.state, m.draft, m.created_at AS createdAt, m.updated_at AS updatedAt,
         m.merged_at AS mergedAt, m.closed_at AS closedAt, m.sha, m.merge_commit_sha AS mergeCommitSha, m.squash_commit_sha AS squashCommitSha,
         m.web_url AS webUrl,
         (SELECT min(e.created_at) FROM review_events e WHERE e.merge_request_id = m.id AND e.kind IN ('comment', 'diff_comment', 'requested_changes', 'approved')) AS firstReviewAt,
         (SELECT count(*) FROM pipelines p WHERE p.repository_id = m.repository_id AND p.merge_request_iid = m.iid) AS pipelines,
         (SELECT count(*) FROM review_events e WHERE e.merge_request_id = m.id AND e.kind = 'requested_changes') AS requestedChanges,
         (SELECT count(*) FROM review_events e WHERE e.merge_request_id = m.id AND e.kind IN ('comment', 'diff_comment', 'requested_changes', 'approved'))
           + (SELECT count(*) FROM approvals ap WHERE ap.merge_request_id = m.id) AS reviewActivity
       FROM merge_requests m JOIN repositories r ON r.id = m.repository_id LEFT JOIN people a ON a.id = m.author_id`,
    )
    .all() as (Omit<MergeRequestInput, 'labels' | 'draft' | 'shas' | 'ciMinutesByRunner' | 'passedPipelineBeforeReview'> & {
    repositoryId: number;
    labelsJson: string;
    draft: number;
    sha: string | null;
    mergeCommitSha: string | null;
    squashCommitSha: string | null;
  })[];
  // The first passing pipeline of each MR, to tell whether validation evidence existed before review.
  const passed = new Map<string, string>();
  for (const p of db
    .prepare(
      `SELECT repository_id AS repositoryId, merge_request_iid AS iid, min(coalesce(finished_at, updated_at)) AS at
       FROM pipelines WHERE merge_request_iid IS NOT NULL AND status = 'success' GROUP BY repository_id, merge_request_iid`,
    )
    .iterate() as Iterable<{ repositoryId: number; iid: number; at: string }>) {
    passed.set(`${p.repositoryId}:${p.iid}`, p.at);
  }
  const mergeRequests: MergeRequestInput[] = mrRows.map(({ repositoryId, labelsJson, draft, sha, mergeCommitSha, squashCommitSha, ...m }) => ({
    ...m,
    passedPipelineBeforeReview: (() => {
      const at = passed.get(`${repositoryId}:${m.iid}`);
      const gate = m.firstReviewAt ?? m.mergedAt;
      return at !== undefined && (gate === null || at <= gate);
    })(),
    labels: JSON.parse(labelsJson) as string[],
    draft: draft === 1,
    shas: [mergeCommitSha, squashCommitSha, sha, ...(shas.get(m.id) ?? [])].filter((s): s is string => !!s),
    ciMinutesByRunner: ci.get(`${repositoryId}:${m.iid}`) ?? {},
  }));

  const runEvents = db
    .prepare(
      `SELECT event_id AS eventId, occurred_at AS occurredAt, event_type AS type, ticket_key AS ticketKey, run_id AS runId,
         parent_run_id AS parentRunId, run_credits_micros AS runCreditsMicros, ai_credits_micros AS aiCreditsMicros,
         amount_micros AS amountMicros, currency, mr_url AS mrUrl, supersedes_event_id AS supersedesEventId, workspace, provider, model,
         coalesce(input_tokens, 0) + coalesce(output_tokens, 0) + coalesce(cache_read_tokens, 0) + coalesce(cache_write_tokens, 0) AS tokens
       FROM run_events`,
    )
    .all() as RunEventInput[];
  const providerLines = db
    .prepare(
      `SELECT id, occurred_on AS occurredOn, amount_micros AS amountMicros, currency, model, team AS account
       FROM billing_lines WHERE ledger = 'provider'`,
    )
    .all() as ProviderLineInput[];
  return { workItems, mergeRequests, runEvents, providerLines };
}
