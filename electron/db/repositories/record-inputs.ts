import type { Db } from '../connection';
import { pushTo } from '../../../shared/domain/collections';
import type { MergeRequestInput, RecordInputs, RunEventInput, WorkItemInput } from '../../../shared/domain/records/types';

/** Loads everything the record builder links, with per-item aggregates computed in SQL. */
export function loadRecordInputs(db: Db): RecordInputs {
  const workItems = db
    .prepare(
      `SELECT w.id, w.key, coalesce(p.key, substr(w.key, 1, instr(w.key, '-') - 1)) AS projectKey, w.issue_type AS issueType,
         w.story_points AS storyPoints, w.status_category AS statusCategory, w.created_at AS createdAt, w.resolved_at AS resolvedAt,
         coalesce((SELECT sum(seconds) FROM worklogs l WHERE l.work_item_id = w.id), 0) AS loggedSeconds
       FROM work_items w LEFT JOIN jira_projects p ON p.id = w.project_id`,
    )
    .all() as WorkItemInput[];

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
         (SELECT count(*) FROM review_events e WHERE e.merge_request_id = m.id AND e.kind = 'requested_changes') AS requestedChanges,
         (SELECT count(*) FROM review_events e WHERE e.merge_request_id = m.id AND e.kind IN ('comment', 'diff_comment', 'requested_changes', 'approved'))
           + (SELECT count(*) FROM approvals ap WHERE ap.merge_request_id = m.id) AS reviewActivity
       FROM merge_requests m JOIN repositories r ON r.id = m.repository_id LEFT JOIN people a ON a.id = m.author_id`,
    )
    .all() as (Omit<MergeRequestInput, 'labels' | 'draft' | 'shas' | 'ciMinutesByRunner'> & {
    repositoryId: number;
    labelsJson: string;
    draft: number;
    sha: string | null;
    mergeCommitSha: string | null;
    squashCommitSha: string | null;
  })[];
  const mergeRequests: MergeRequestInput[] = mrRows.map(({ repositoryId, labelsJson, draft, sha, mergeCommitSha, squashCommitSha, ...m }) => ({
    ...m,
    labels: JSON.parse(labelsJson) as string[],
    draft: draft === 1,
    shas: [mergeCommitSha, squashCommitSha, sha, ...(shas.get(m.id) ?? [])].filter((s): s is string => !!s),
    ciMinutesByRunner: ci.get(`${repositoryId}:${m.iid}`) ?? {},
  }));

  const runEvents = db
    .prepare(
      `SELECT event_id AS eventId, occurred_at AS occurredAt, event_type AS type, ticket_key AS ticketKey, run_id AS runId,
         parent_run_id AS parentRunId, run_credits_micros AS runCreditsMicros, ai_credits_micros AS aiCreditsMicros,
         amount_micros AS amountMicros, currency, mr_url AS mrUrl, supersedes_event_id AS supersedesEventId
       FROM run_events`,
    )
    .all() as RunEventInput[];
  return { workItems, mergeRequests, runEvents };
}
