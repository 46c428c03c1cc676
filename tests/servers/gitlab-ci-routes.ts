import { json, listParam, type FakeReply, type FakeRequest, type Route } from './fake-server';
import { findProject, notFound, type GitLabContext } from './gitlab-context';
import { enumQuery, invalidParam, isReply, paginate, sortBy, timeQuery } from './gitlab-paging';
import type { GitLabJob, GitLabPipeline } from '../../electron/demo/generate/types';

/** Pipeline list items are basic: no duration, queued_duration, started_at or finished_at (reference §2.9). */
const listItem = (p: GitLabPipeline): Record<string, unknown> => ({
  id: p.id, iid: p.iid, project_id: p.project_id, sha: p.sha, ref: p.ref, status: p.status, source: p.source, name: p.name,
  created_at: p.created_at, updated_at: p.updated_at, web_url: p.web_url,
});

const FINISHED = new Set(['success', 'failed', 'canceled', 'skipped']);

function listPipelines(req: FakeRequest, [rawId]: string[], ctx: GitLabContext): FakeReply {
  const project = findProject(ctx, rawId ?? '');
  if (!project) return notFound('Project');
  const orderBy = enumQuery(req, 'order_by', ['id', 'status', 'ref', 'updated_at', 'user_id'] as const, 'id');
  const sort = enumQuery(req, 'sort', ['asc', 'desc'] as const, 'desc');
  const scope = enumQuery(req, 'scope', ['running', 'pending', 'finished', 'branches', 'tags', 'all'] as const, 'all');
  const bounds = ['updated_after', 'updated_before', 'created_after', 'created_before'].map((name) => timeQuery(req, name));
  for (const v of [orderBy, sort, scope, ...bounds]) if (isReply(v)) return v;
  const [updatedAfter, updatedBefore, createdAfter, createdBefore] = bounds as (number | null)[];
  const eq = (name: string, value: string | null): boolean => {
    const want = req.query.get(name);
    return want === null || want === '' || want === value;
  };
  const within = (iso: string, after: number | null | undefined, before: number | null | undefined): boolean => {
    const t = Date.parse(iso);
    return (after == null || t >= after) && (before == null || t <= before);
  };
  let list = (ctx.data.pipelines.get(project.id) ?? []).filter((p) =>
    eq('status', p.status) && eq('ref', p.ref) && eq('sha', p.sha) && eq('name', p.name) && eq('username', p.user.username)
    // Child pipelines only show up when asked for by source (17.0+).
    && (req.query.get('source') ? p.source === req.query.get('source') : p.source !== 'parent_pipeline')
    && within(p.updated_at, updatedAfter, updatedBefore) && within(p.created_at, createdAfter, createdBefore)
    && (scope === 'running' ? p.status === 'running' : scope === 'pending' ? p.status === 'pending' : scope === 'finished' ? FINISHED.has(p.status) : true));
  if (scope === 'branches' || scope === 'tags') {
    // The latest pipeline per ref only.
    const latest = new Map<string, GitLabPipeline>();
    for (const p of list) if (p.tag === (scope === 'tags') && (latest.get(p.ref)?.id ?? -1) < p.id) latest.set(p.ref, p);
    list = [...latest.values()];
  }
  const key = (p: GitLabPipeline): string | number =>
    orderBy === 'id' ? p.id : orderBy === 'user_id' ? p.user.id : orderBy === 'updated_at' ? p.updated_at : orderBy === 'ref' ? p.ref : p.status;
  return paginate(req, sortBy(list, key, sort as 'asc' | 'desc').map(listItem), ctx.paging);
}

function findPipeline(ctx: GitLabContext, rawId: string, rawPipeline: string): GitLabPipeline | FakeReply {
  const project = findProject(ctx, rawId);
  if (!project) return notFound('Project');
  const p = (ctx.data.pipelines.get(project.id) ?? []).find((x) => x.id === Number(rawPipeline));
  return p ?? notFound('Pipeline');
}

const JOB_SCOPES = ['created', 'pending', 'running', 'failed', 'success', 'canceled', 'skipped', 'waiting_for_resource', 'manual'];

/** Without include_retried only the newest job per name is listed (reference §2.10); always id descending. */
function listJobs(req: FakeRequest, [rawId, rawPipeline]: string[], ctx: GitLabContext): FakeReply {
  const p = findPipeline(ctx, rawId ?? '', rawPipeline ?? '');
  if (isReply(p)) return p;
  const scopes = listParam(req.query, 'scope[]', 'scope');
  if (scopes.some((s) => !JOB_SCOPES.includes(s))) return invalidParam('scope', 'does not have a valid value');
  const includeRetried = req.query.get('include_retried') === 'true';
  const all = ctx.data.jobs.get(p.id) ?? [];
  const newest = new Map<string, number>();
  for (const j of all) newest.set(j.name, Math.max(newest.get(j.name) ?? -1, j.id));
  const jobs = all
    .filter((j: GitLabJob) => (includeRetried || newest.get(j.name) === j.id) && (scopes.length === 0 || scopes.includes(j.status)))
    .sort((a, b) => b.id - a.id);
  return paginate(req, jobs, ctx.paging);
}

export const ciRoutes: Route<GitLabContext>[] = [
  { method: 'GET', pattern: /^\/api\/v4\/projects\/([^/]+)\/pipelines$/, handle: listPipelines },
  {
    method: 'GET', pattern: /^\/api\/v4\/projects\/([^/]+)\/pipelines\/(\d+)$/,
    handle: (_req, [rawId, rawPipeline], ctx) => {
      const p = findPipeline(ctx, rawId ?? '', rawPipeline ?? '');
      return isReply(p) ? p : json(200, p);
    },
  },
  { method: 'GET', pattern: /^\/api\/v4\/projects\/([^/]+)\/pipelines\/(\d+)\/jobs$/, handle: listJobs },
];
