import { json, listParam, type FakeReply, type FakeRequest, type Route } from './fake-server';
import { findProject, notFound, type GitLabContext } from './gitlab-context';
import { findMergeRequest } from './gitlab-dataset';
import { enumQuery, isReply, paginate, sortBy, timeQuery } from './gitlab-paging';
import type {
  GitLabApprovalsFree, GitLabApprovalsPremium, GitLabBasicPipeline, GitLabMergeRequest, GitLabPipeline,
} from '../../electron/demo/generate/types';

/** Fields only the single-MR endpoint returns (reference §2.5/§2.6); list items never carry them. */
const DETAIL_ONLY = [
  'changes_count', 'diff_refs', 'head_pipeline', 'pipeline', 'diverged_commits_count', 'first_contribution', 'latest_build_started_at',
  'latest_build_finished_at', 'first_deployed_to_production_at', 'merge_error', 'subscribed', 'user', 'rebase_in_progress',
] as const;

export function listShape(mr: GitLabMergeRequest): Record<string, unknown> {
  const out: Record<string, unknown> = { ...mr };
  for (const key of DETAIL_ONLY) delete out[key];
  return out;
}

const simpleShape = (mr: GitLabMergeRequest): Record<string, unknown> => ({
  id: mr.id, iid: mr.iid, project_id: mr.project_id, title: mr.title, description: mr.description, state: mr.state,
  created_at: mr.created_at, updated_at: mr.updated_at, web_url: mr.web_url,
});

export const basicPipeline = (p: GitLabPipeline): GitLabBasicPipeline => ({
  id: p.id, iid: p.iid, project_id: p.project_id, sha: p.sha, ref: p.ref, status: p.status, source: p.source,
  created_at: p.created_at, updated_at: p.updated_at, web_url: p.web_url,
});

/** `GET /projects/:id/merge_requests`: state, order_by/sort, inclusive date bounds, iids[], view=simple. */
function listMergeRequests(req: FakeRequest, [rawId]: string[], ctx: GitLabContext): FakeReply {
  const project = findProject(ctx, rawId ?? '');
  if (!project) return notFound('Project');
  const state = enumQuery(req, 'state', ['opened', 'closed', 'locked', 'merged', 'all'] as const, 'all');
  const orderBy = enumQuery(req, 'order_by', ['created_at', 'updated_at', 'title'] as const, 'created_at');
  const sort = enumQuery(req, 'sort', ['asc', 'desc'] as const, 'desc');
  const view = enumQuery(req, 'view', ['simple', 'full'] as const, 'full');
  const bounds = ['updated_after', 'updated_before', 'created_after', 'created_before'].map((name) => timeQuery(req, name));
  for (const v of [state, orderBy, sort, view, ...bounds]) if (isReply(v)) return v;
  const [updatedAfter, updatedBefore, createdAfter, createdBefore] = bounds as (number | null)[];
  const iids = listParam(req.query, 'iids[]', 'iids').map(Number);
  const inRange = (iso: string, after: number | null | undefined, before: number | null | undefined): boolean => {
    const t = Date.parse(iso);
    // Both bounds are inclusive ("on or after", "on or before").
    return (after == null || t >= after) && (before == null || t <= before);
  };
  const mrs = (ctx.data.mergeRequests.get(project.id) ?? []).filter((mr) =>
    (state === 'all' || mr.state === state)
    && inRange(mr.updated_at, updatedAfter, updatedBefore) && inRange(mr.created_at, createdAfter, createdBefore)
    && (iids.length === 0 || iids.includes(mr.iid)));
  const sorted = sortBy(mrs, (mr) => mr[orderBy as 'created_at' | 'updated_at' | 'title'], sort as 'asc' | 'desc');
  return paginate(req, sorted.map(view === 'simple' ? simpleShape : listShape), ctx.paging);
}

function withMergeRequest(handle: (req: FakeRequest, mr: GitLabMergeRequest, ctx: GitLabContext) => FakeReply): Route<GitLabContext>['handle'] {
  return (req, [rawId, rawIid], ctx) => {
    const project = findProject(ctx, rawId ?? '');
    if (!project) return notFound('Project');
    const mr = findMergeRequest(ctx.data, project.id, Number(rawIid));
    return mr ? handle(req, mr, ctx) : notFound('Merge Request');
  };
}

function mergeRequestDetail(req: FakeRequest, mr: GitLabMergeRequest): FakeReply {
  const extra = req.query.get('include_diverged_commits_count') === 'true' ? { diverged_commits_count: 0 } : {};
  return json(200, { ...mr, ...extra });
}

const PREMIUM_ONLY = [
  'id', 'iid', 'project_id', 'title', 'description', 'state', 'created_at', 'updated_at', 'merge_status', 'approvals_required', 'approvals_left',
  'require_password_to_approve', 'suggested_approvers', 'approvers', 'approver_groups', 'approval_rules_left', 'has_approval_rules',
  'merge_request_approvers_available', 'multiple_approval_rules_available',
] as const;

/** `/approvals` differs by licence (reference §2.7): Free is four keys, Premium adds the MR and rule summary. */
function approvals(_req: FakeRequest, mr: GitLabMergeRequest, ctx: GitLabContext): FakeReply {
  const stored = ctx.data.approvals.get(mr.id) ?? { user_has_approved: false, user_can_approve: false, approved: false, approved_by: [] };
  if (ctx.approvalsProfile === 'free') {
    const free: Record<string, unknown> = { ...stored };
    for (const key of PREMIUM_ONLY) delete free[key];
    return json(200, free);
  }
  if (ctx.approvalsProfile === 'premium' && !('approvals_required' in stored)) {
    const premium: GitLabApprovalsPremium = {
      id: mr.id, iid: mr.iid, project_id: mr.project_id, title: mr.title, description: mr.description, state: mr.state,
      created_at: mr.created_at, updated_at: mr.updated_at, merge_status: mr.merge_status, ...(stored as GitLabApprovalsFree),
      approvals_required: 0, approvals_left: 0, require_password_to_approve: false, suggested_approvers: [], approvers: [], approver_groups: [],
      approval_rules_left: [], has_approval_rules: false, merge_request_approvers_available: true, multiple_approval_rules_available: true,
    };
    return json(200, premium);
  }
  return json(200, stored);
}

function notes(req: FakeRequest, mr: GitLabMergeRequest, ctx: GitLabContext): FakeReply {
  const sort = enumQuery(req, 'sort', ['asc', 'desc'] as const, 'desc');
  const orderBy = enumQuery(req, 'order_by', ['created_at', 'updated_at'] as const, 'created_at');
  if (isReply(sort)) return sort;
  if (isReply(orderBy)) return orderBy;
  const all = (ctx.data.discussions.get(mr.id) ?? []).flatMap((d) => d.notes);
  return paginate(req, sortBy(all, (n) => n[orderBy], sort), ctx.paging);
}

/** MR pipelines: the basic shape, newest first, for refs/merge-requests/<iid>/head and /merge. */
function mergeRequestPipelines(req: FakeRequest, mr: GitLabMergeRequest, ctx: GitLabContext): FakeReply {
  const refs = new Set([`refs/merge-requests/${mr.iid}/head`, `refs/merge-requests/${mr.iid}/merge`]);
  const list = (ctx.data.pipelines.get(mr.project_id) ?? []).filter((p) => refs.has(p.ref));
  return paginate(req, sortBy(list, (p) => p.id, 'desc').map(basicPipeline), ctx.paging);
}

const MR = '^/api/v4/projects/([^/]+)/merge_requests/(\\d+)';

export const mergeRequestRoutes: Route<GitLabContext>[] = [
  { method: 'GET', pattern: /^\/api\/v4\/projects\/([^/]+)\/merge_requests$/, handle: listMergeRequests },
  { method: 'GET', pattern: new RegExp(`${MR}$`), handle: withMergeRequest(mergeRequestDetail) },
  { method: 'GET', pattern: new RegExp(`${MR}/approvals$`), handle: withMergeRequest(approvals) },
  { method: 'GET', pattern: new RegExp(`${MR}/discussions$`),
    handle: withMergeRequest((req, mr, ctx) => paginate(req, ctx.data.discussions.get(mr.id) ?? [], ctx.paging)) },
  { method: 'GET', pattern: new RegExp(`${MR}/notes$`), handle: withMergeRequest(notes) },
  { method: 'GET', pattern: new RegExp(`${MR}/commits$`), handle: withMergeRequest((req, mr, ctx) => paginate(req, ctx.data.commits.get(mr.id) ?? [], ctx.paging)) },
  { method: 'GET', pattern: new RegExp(`${MR}/pipelines$`), handle: withMergeRequest(mergeRequestPipelines) },
];
