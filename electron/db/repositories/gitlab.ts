import type { Db } from '../connection';
import { toIsoUtc, toIsoUtcOrNull } from '../../../shared/domain/time';
import type { GitLabJob, GitLabMergeRequest, GitLabNote, GitLabPipeline, GitLabUser } from '../../sync/gitlab/schemas';
import { parseChangesCount, pipelineMergeRequestIid, reviewEventKindOf } from '../../sync/gitlab/map';
import { peopleWriter } from './people';

/** Idempotent writes of GitLab data keyed on GitLab's ids; callers batch them in transactions. */
export function gitlabWriter(db: Db, sourceId: number, opts: { botUsernames?: readonly string[] } = {}) {
  const people = peopleWriter(db, sourceId);
  const bots = new Set(opts.botUsernames ?? []);
  const person = (u: GitLabUser | null | undefined): number | null =>
    u ? people({ externalId: String(u.id), username: u.username, displayName: u.name ?? null, isBot: bots.has(u.username) }) : null;

  const upsertRepo = db.prepare(
    `INSERT INTO repositories (source_id, external_id, path, name, web_url) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(source_id, external_id) DO UPDATE SET path = excluded.path, name = excluded.name, web_url = excluded.web_url
     RETURNING id`,
  );
  const repoByExternal = db.prepare('SELECT id FROM repositories WHERE source_id = ? AND external_id = ?');
  const upsertMr = db.prepare(
    `INSERT INTO merge_requests (source_id, external_id, repository_id, iid, title, description, state, draft, source_branch, target_branch,
       author_id, labels_json, sha, merge_commit_sha, squash_commit_sha, changes_count, changes_capped, created_at, updated_at, merged_at, closed_at, web_url)
     VALUES (@sourceId, @externalId, @repositoryId, @iid, @title, @description, @state, @draft, @sourceBranch, @targetBranch,
       @authorId, @labels, @sha, @mergeCommitSha, @squashCommitSha, @changesCount, @changesCapped, @createdAt, @updatedAt, @mergedAt, @closedAt, @webUrl)
     ON CONFLICT(source_id, external_id) DO UPDATE SET repository_id = excluded.repository_id, iid = excluded.iid, title = excluded.title,
       description = excluded.description, state = excluded.state, draft = excluded.draft, source_branch = excluded.source_branch,
       target_branch = excluded.target_branch, author_id = excluded.author_id, labels_json = excluded.labels_json, sha = excluded.sha,
       merge_commit_sha = excluded.merge_commit_sha, squash_commit_sha = excluded.squash_commit_sha,
       changes_count = coalesce(excluded.changes_count, merge_requests.changes_count),
       changes_capped = CASE WHEN excluded.changes_count IS NULL THEN merge_requests.changes_capped ELSE excluded.changes_capped END,
       created_at = excluded.created_at, updated_at = excluded.updated_at, merged_at = excluded.merged_at, closed_at = excluded.closed_at,
       web_url = excluded.web_url
     RETURNING id`,
  );
  const mrByExternal = db.prepare('SELECT id FROM merge_requests WHERE source_id = ? AND external_id = ?');
  const insertEvent = db.prepare(
    'INSERT OR REPLACE INTO review_events (merge_request_id, external_id, kind, author_id, created_at, body) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const deleteApprovals = db.prepare('DELETE FROM approvals WHERE merge_request_id = ?');
  const insertApproval = db.prepare('INSERT OR REPLACE INTO approvals (merge_request_id, user_id, approved_at) VALUES (?, ?, ?)');
  const insertCommit = db.prepare('INSERT OR REPLACE INTO mr_commits (merge_request_id, sha, title, message, authored_at) VALUES (?, ?, ?, ?, ?)');
  const upsertPipeline = db.prepare(
    `INSERT INTO pipelines (source_id, external_id, repository_id, merge_request_iid, sha, ref, status, trigger_source, created_at, updated_at,
       started_at, finished_at, duration_s, queued_duration_s, web_url)
     VALUES (@sourceId, @externalId, @repositoryId, @mrIid, @sha, @ref, @status, @source, @createdAt, @updatedAt, @startedAt, @finishedAt,
       @duration, @queuedDuration, @webUrl)
     ON CONFLICT(source_id, external_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at,
       started_at = coalesce(excluded.started_at, pipelines.started_at), finished_at = coalesce(excluded.finished_at, pipelines.finished_at),
       duration_s = coalesce(excluded.duration_s, pipelines.duration_s), queued_duration_s = coalesce(excluded.queued_duration_s, pipelines.queued_duration_s)
     RETURNING id`,
  );
  const pipelineByExternal = db.prepare('SELECT id FROM pipelines WHERE source_id = ? AND external_id = ?');
  const upsertJob = db.prepare(
    `INSERT INTO ci_jobs (source_id, external_id, pipeline_id, name, stage, status, allow_failure, retried, failure_reason, created_at,
       started_at, finished_at, duration_s, queued_duration_s, runner_type, runner_external_id, runner_description, web_url)
     VALUES (@sourceId, @externalId, @pipelineId, @name, @stage, @status, @allowFailure, @retried, @failureReason, @createdAt,
       @startedAt, @finishedAt, @duration, @queuedDuration, @runnerType, @runnerId, @runnerDescription, @webUrl)
     ON CONFLICT(source_id, external_id) DO UPDATE SET status = excluded.status, retried = excluded.retried,
       failure_reason = excluded.failure_reason, started_at = excluded.started_at, finished_at = excluded.finished_at,
       duration_s = excluded.duration_s, queued_duration_s = excluded.queued_duration_s, runner_type = excluded.runner_type,
       runner_external_id = excluded.runner_external_id, runner_description = excluded.runner_description`,
  );

  const idOf = (stmt: { get(...params: unknown[]): unknown }, externalId: number): number | null =>
    (stmt.get(sourceId, String(externalId)) as { id: number } | undefined)?.id ?? null;

  return {
    upsertProject(p: { id: number; path_with_namespace: string; name: string; web_url?: string | null | undefined }): number {
      return (upsertRepo.get(sourceId, String(p.id), p.path_with_namespace, p.name, p.web_url ?? null) as { id: number }).id;
    },
    repositoryId: (projectId: number) => idOf(repoByExternal, projectId),
    mergeRequestId: (mrId: number) => idOf(mrByExternal, mrId),
    pipelineId: (pipelineId: number) => idOf(pipelineByExternal, pipelineId),
    upsertMergeRequest(repositoryId: number, mr: GitLabMergeRequest): number {
      const changes = parseChangesCount(mr.changes_count);
      return (
        upsertMr.get({
          sourceId,
          externalId: String(mr.id),
          repositoryId,
          iid: mr.iid,
          title: mr.title,
          description: mr.description ?? '',
          state: mr.state,
          draft: mr.draft || mr.work_in_progress ? 1 : 0,
          sourceBranch: mr.source_branch,
          targetBranch: mr.target_branch,
          authorId: person(mr.author),
          labels: JSON.stringify(mr.labels ?? []),
          sha: mr.sha ?? null,
          mergeCommitSha: mr.merge_commit_sha ?? null,
          squashCommitSha: mr.squash_commit_sha ?? null,
          changesCount: changes.count,
          changesCapped: changes.capped ? 1 : 0,
          createdAt: toIsoUtc(mr.created_at),
          updatedAt: toIsoUtc(mr.updated_at),
          mergedAt: toIsoUtcOrNull(mr.merged_at),
          closedAt: toIsoUtcOrNull(mr.closed_at),
          webUrl: mr.web_url,
        }) as { id: number }
      ).id;
    },
    upsertNotes(mergeRequestId: number, notes: readonly GitLabNote[]): void {
      for (const n of notes) {
        insertEvent.run(mergeRequestId, String(n.id), reviewEventKindOf(n), person(n.author), toIsoUtc(n.created_at), n.body ?? null);
      }
    },
    replaceApprovals(mergeRequestId: number, approvedBy: readonly { user: GitLabUser; approved_at?: string | null | undefined }[]): void {
      deleteApprovals.run(mergeRequestId);
      for (const a of approvedBy) insertApproval.run(mergeRequestId, person(a.user), toIsoUtcOrNull(a.approved_at));
    },
    upsertCommits(mergeRequestId: number, commits: readonly { id: string; title: string; message?: string | null | undefined; authored_date?: string | null | undefined }[]): void {
      for (const c of commits) insertCommit.run(mergeRequestId, c.id, c.title, c.message ?? '', toIsoUtcOrNull(c.authored_date));
    },
    upsertPipeline(repositoryId: number, p: GitLabPipeline): number {
      return (
        upsertPipeline.get({
          sourceId,
          externalId: String(p.id),
          repositoryId,
          mrIid: pipelineMergeRequestIid(p.ref),
          sha: p.sha,
          ref: p.ref,
          status: p.status,
          source: p.source ?? null,
          createdAt: toIsoUtc(p.created_at),
          updatedAt: toIsoUtc(p.updated_at),
          startedAt: toIsoUtcOrNull(p.started_at),
          finishedAt: toIsoUtcOrNull(p.finished_at),
          duration: p.duration ?? null,
          queuedDuration: p.queued_duration ?? null,
          webUrl: p.web_url ?? null,
        }) as { id: number }
      ).id;
    },
    upsertJob(pipelineId: number, j: GitLabJob, retried: boolean): void {
      upsertJob.run({
        sourceId,
        externalId: String(j.id),
        pipelineId,
        name: j.name,
        stage: j.stage,
        status: j.status,
        allowFailure: j.allow_failure ? 1 : 0,
        retried: retried || j.retried ? 1 : 0,
        failureReason: j.failure_reason ?? null,
        createdAt: toIsoUtc(j.created_at),
        startedAt: toIsoUtcOrNull(j.started_at),
        finishedAt: toIsoUtcOrNull(j.finished_at),
        duration: j.duration ?? null,
        queuedDuration: j.queued_duration ?? null,
        runnerType: j.runner?.runner_type ?? null,
        runnerId: j.runner ? String(j.runner.id) : null,
        runnerDescription: j.runner?.description ?? null,
        webUrl: j.web_url ?? null,
      });
    },
  };
}
export type GitLabWriter = ReturnType<typeof gitlabWriter>;
