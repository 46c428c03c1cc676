import { z } from 'zod';
import { gitlabWriter } from '../../db/repositories/gitlab';
import { cursorStore } from '../../db/repositories/sync-cursors';
import type { GitLabSourceConfigSchema } from '../../../shared/domain/sources';
import { toIsoUtc } from '../../../shared/domain/time';
import { createHttpClient, type ResponseHeaders } from '../http/http-client';
import { CURSOR_OVERLAP_MS, type SyncContext } from '../sync-context';
import { describeGitLabError, gitlabApi, type GitLabApi } from './gitlab-api';
import { ingestApprovals, ingestCommits, ingestDiscussions, ingestJobs, ingestMergeRequests, ingestPipelines } from './ingest';
import { ProjectSchema } from './schemas';

type GitLabConfig = z.infer<typeof GitLabSourceConfigSchema>;

/** The REST root of an instance, keeping a path prefix (self-managed under https://host/gitlab). */
export const gitlabApiRoot = (baseUrl: string): string => `${baseUrl.replace(/\/+$/, '')}/api/v4`;

export function gitlabClient(ctx: Pick<SyncContext, 'signal' | 'log' | 'progress'>, baseUrl: string, token: string): GitLabApi {
  const http = createHttpClient({
    baseUrl: gitlabApiRoot(baseUrl),
    authHeaders: () => ({ 'PRIVATE-TOKEN': token }),
    signal: ctx.signal,
    log: ctx.log,
    describeError: describeGitLabError,
    onWait: (ms, reason) => ctx.progress({ waiting: `${reason}; retrying in ${Math.ceil(ms / 1000)} s` }),
  });
  return gitlabApi(http);
}

/**
 * Incremental GitLab sync per project: merge requests changed since the cursor (each with its
 * detail, approvals, discussions and commits), then pipelines changed since theirs (each with its
 * detail for durations and every job including retried ones). Each page is written in one
 * transaction with the cursor that covers it.
 */
export async function syncGitLab(ctx: SyncContext): Promise<void> {
  const config = ctx.source.config as GitLabConfig;
  const api = gitlabClient(ctx, ctx.source.baseUrl, ctx.token);
  const writer = gitlabWriter(ctx.db, ctx.source.id, { botUsernames: ctx.botUsernames });
  const cursors = cursorStore(ctx.db, ctx.source.id);

  try {
    await syncGitLabWith(ctx, api, writer, cursors, config);
  } finally {
    await api.close();
  }
}

async function syncGitLabWith(ctx: SyncContext, api: GitLabApi, writer: Writer, cursors: Cursors, config: GitLabConfig): Promise<void> {
  ctx.progress({ step: 'Connecting to GitLab', done: 0, total: null });
  await api.user();
  const projects = new Map<number, z.infer<typeof ProjectSchema>>();
  for (const group of config.scope.groups) for (const p of await api.groupProjects(group)) projects.set(ProjectSchema.parse(p).id, ProjectSchema.parse(p));
  for (const path of config.scope.projects) {
    const p = ProjectSchema.parse(await api.project(path));
    projects.set(p.id, p);
  }
  const startIso = config.scope.startDate ? `${config.scope.startDate}T00:00:00.000Z` : undefined;
  let index = 0;
  for (const project of projects.values()) {
    index += 1;
    const repositoryId = ctx.db.transaction(() => writer.upsertProject(project))();
    const label = `${project.path_with_namespace} (${index}/${projects.size})`;
    await syncMergeRequests(ctx, api, writer, cursors, project.id, repositoryId, label, startIso);
    await syncPipelines(ctx, api, writer, cursors, project.id, repositoryId, label, startIso);
  }
}

const sinceFor = (cursor: string | null, startIso: string | undefined, full: boolean): string | undefined => {
  const fromCursor = !full && cursor ? new Date(Date.parse(cursor) - CURSOR_OVERLAP_MS).toISOString() : undefined;
  return [fromCursor, startIso].filter((d): d is string => d !== undefined).sort().pop();
};

const totalOf = (headers: ResponseHeaders): number | null => {
  const t = headers.get('x-total');
  return t && /^\d+$/.test(t) ? Number(t) : null; // absent above 10,000 items: never rely on it
};

type Writer = ReturnType<typeof gitlabWriter>;
type Cursors = ReturnType<typeof cursorStore>;

async function syncMergeRequests(ctx: SyncContext, api: GitLabApi, writer: Writer, cursors: Cursors, projectId: number, repositoryId: number, label: string, startIso: string | undefined): Promise<void> {
  const entity = `merge_requests:${projectId}`;
  const updatedAfter = sinceFor(cursors.get(entity), startIso, ctx.full);
  let done = 0;
  ctx.progress({ step: `Merge requests in ${label}`, done: 0, total: null });
  await api.eachPage(`projects/${projectId}/merge_requests`, { state: 'all', order_by: 'updated_at', sort: 'asc', updated_after: updatedAfter, scope: 'all' }, async (items, response) => {
    ctx.signal.throwIfAborted();
    // The list only says which MRs changed; their detail is parsed once, when it is written.
    const listed = z.array(z.object({ iid: z.number(), updated_at: z.string() })).parse(items);
    // Details, approvals, discussions and commits in parallel (the client caps requests per host).
    const details = await Promise.all(
      listed.map(async (mr) => {
        const [detail, approvals, discussions, commits] = await Promise.all([
          api.mergeRequest(projectId, mr.iid),
          api.approvals(projectId, mr.iid),
          api.discussions(projectId, mr.iid),
          api.commits(projectId, mr.iid),
        ]);
        return { detail, approvals, discussions, commits };
      }),
    );
    ctx.db.transaction(() => {
      for (const d of details) {
        const [written] = ingestMergeRequests(writer, repositoryId, d.detail);
        if (!written) continue;
        ingestApprovals(writer, written.mergeRequestId, d.approvals);
        ctx.count('review notes', ingestDiscussions(writer, written.mergeRequestId, d.discussions));
        ingestCommits(writer, written.mergeRequestId, d.commits);
      }
      const latest = listed.map((m) => toIsoUtc(m.updated_at)).sort().pop();
      if (latest && latest > (cursors.get(entity) ?? '')) cursors.set(entity, latest);
    })();
    done += listed.length;
    ctx.count('merge requests', listed.length);
    ctx.progress({ done, total: totalOf(response.headers), waiting: null });
  });
}

async function syncPipelines(ctx: SyncContext, api: GitLabApi, writer: Writer, cursors: Cursors, projectId: number, repositoryId: number, label: string, startIso: string | undefined): Promise<void> {
  const entity = `pipelines:${projectId}`;
  const updatedAfter = sinceFor(cursors.get(entity), startIso, ctx.full);
  let done = 0;
  ctx.progress({ step: `Pipelines and jobs in ${label}`, done: 0, total: null });
  await api.eachPage(`projects/${projectId}/pipelines`, { order_by: 'updated_at', sort: 'asc', updated_after: updatedAfter }, async (items, response) => {
    ctx.signal.throwIfAborted();
    const listed = z.array(z.object({ id: z.number(), updated_at: z.string() })).parse(items);
    // List items lack duration and queued_duration: each pipeline's detail is fetched for them.
    const details = await Promise.all(listed.map(async (p) => ({ detail: await api.pipeline(projectId, p.id), jobs: await api.jobs(projectId, p.id) })));
    let jobs = 0;
    ctx.db.transaction(() => {
      for (const d of details) {
        const [written] = ingestPipelines(writer, repositoryId, d.detail);
        if (written) jobs += ingestJobs(writer, written.pipelineId, d.jobs);
      }
      const latest = listed.map((p) => toIsoUtc(p.updated_at)).sort().pop();
      if (latest && latest > (cursors.get(entity) ?? '')) cursors.set(entity, latest);
    })();
    done += listed.length;
    ctx.count('pipelines', listed.length);
    ctx.count('jobs', jobs);
    ctx.progress({ done, total: totalOf(response.headers), waiting: null });
  });
}
