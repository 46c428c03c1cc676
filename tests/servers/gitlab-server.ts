import { dispatch, json, startFakeServer, text, type FakeReply, type FakeRequest, type FakeServer, type Route, type VendorDialect } from './fake-server';
import type { FaultPlan } from './faults';
import { ciRoutes } from './gitlab-ci-routes';
import { findGroup, findProject, notFound, type GitLabContext } from './gitlab-context';
import type { GitLabDataset, GitLabProjectRecord } from './gitlab-dataset';
import { mergeRequestRoutes } from './gitlab-mr-routes';
import { enumQuery, isReply, paginate, sortBy } from './gitlab-paging';

export type { GitLabDataset, GitLabNamespace, GitLabProjectRecord } from './gitlab-dataset';
export { addMergeRequest, addPipeline, findMergeRequest, gitlabDatasetFromBundle, updateMergeRequest } from './gitlab-dataset';

export type GitLabServerOptions = {
  /** e.g. '/gitlab' for an instance under a relative URL root; the API lives at `<basePath>/api/v4`. */
  basePath?: string;
  /** Accepted as `PRIVATE-TOKEN`, `Authorization: Bearer` or `?private_token=`. */
  token: string;
  data: GitLabDataset;
  faults?: FaultPlan;
  /** Force every /approvals answer into the Free or Premium shape; default: as the bundle has it per project. */
  approvalsProfile?: 'free' | 'premium';
  /** Lists longer than this omit x-total, x-total-pages and rel="last". GitLab's is 10,000. */
  totalsThreshold?: number;
};

const UNAUTHORIZED = (): FakeReply => json(401, { message: '401 Unauthorized' });

const HTML_502 = '<!DOCTYPE html><html><head><title>GitLab is not responding (502)</title></head><body><h1>502</h1>'
  + '<h3>Whoops, GitLab is taking too much time to respond.</h3></body></html>';
const HTML_503 = '<!DOCTYPE html><html><head><title>GitLab is currently unavailable (503)</title></head><body><h1>503</h1>'
  + '<h3>GitLab is currently unavailable.</h3></body></html>';

function statusReply(status: number): FakeReply {
  switch (status) {
    case 401: return UNAUTHORIZED();
    case 403: return json(403, { message: '403 Forbidden' });
    case 404: return json(404, { message: '404 Not Found' });
    // 502/503 come from Workhorse/nginx in front of Rails: HTML error pages, not JSON.
    case 502: return text(502, HTML_502, 'text/html; charset=utf-8');
    case 503: return text(503, HTML_503, 'text/html; charset=utf-8');
    default: return json(status, { message: `${status} Internal Server Error` });
  }
}

/** 429 per reference §2.3: plain-text `Retry later` with Retry-After and RateLimit-* headers. */
function rateLimitReply(fault: { retryAfterSeconds: number; reason?: string }): FakeReply {
  const reset = Date.now() + fault.retryAfterSeconds * 1000;
  return text(429, 'Retry later\n', 'text/plain', {
    'Retry-After': String(fault.retryAfterSeconds), 'RateLimit-Name': fault.reason ?? 'throttle_authenticated_api', 'RateLimit-Limit': '600',
    'RateLimit-Observed': '601', 'RateLimit-Remaining': '0', 'RateLimit-Reset': String(Math.ceil(reset / 1000)),
    'RateLimit-ResetTime': new Date(reset).toUTCString(),
  });
}

function credentialOf(req: FakeRequest): string | null {
  const header = req.headers['private-token'];
  if (typeof header === 'string') return header;
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (bearer?.[1]) return bearer[1];
  return req.query.get('private_token');
}

function gitlabDialect(sourceBaseUrl: () => string): VendorDialect {
  return {
    jsonType: 'application/json',
    statusReply,
    rateLimitReply,
    routeNotFound: () => json(404, { error: '404 Not Found' }),
    credentialOf,
    serialize(value, req) {
      // The bundle links to its demo instance; a real instance links to itself (under its relative root).
      const root = req.baseUrl;
      return JSON.stringify(value).split(sourceBaseUrl()).join(root);
    },
  };
}

const simpleProject = (p: GitLabProjectRecord): Record<string, unknown> => ({
  id: p.id, description: p.description, name: p.name, name_with_namespace: p.name_with_namespace, path: p.path,
  path_with_namespace: p.path_with_namespace, created_at: p.created_at, default_branch: p.default_branch, web_url: p.web_url,
  last_activity_at: p.last_activity_at, namespace: p.namespace,
});

function listProjects(req: FakeRequest, projects: readonly GitLabProjectRecord[], ctx: GitLabContext): FakeReply {
  const orderBy = enumQuery(req, 'order_by', ['id', 'name', 'path', 'created_at', 'updated_at', 'last_activity_at'] as const, 'created_at');
  const sort = enumQuery(req, 'sort', ['asc', 'desc'] as const, 'desc');
  if (isReply(orderBy)) return orderBy;
  if (isReply(sort)) return sort;
  const key = (p: GitLabProjectRecord): string | number =>
    orderBy === 'id' ? p.id : orderBy === 'updated_at' ? p.last_activity_at : (p as Record<typeof orderBy, string>)[orderBy];
  const sorted = sortBy(projects, key, sort);
  return paginate(req, req.query.get('simple') === 'true' ? sorted.map(simpleProject) : sorted, ctx.paging);
}

const baseRoutes: Route<GitLabContext>[] = [
  { method: 'GET', pattern: /^\/api\/v4\/user$/, handle: (_req, _p, ctx) => json(200, ctx.data.me) },
  {
    method: 'GET', pattern: /^\/api\/v4\/version$/,
    handle: (_req, _p, ctx) => json(200, { ...ctx.data.version, kas: { enabled: false, externalUrl: null, version: null }, enterprise: true }),
  },
  { method: 'GET', pattern: /^\/api\/v4\/projects$/, handle: (req, _p, ctx) => listProjects(req, ctx.data.projects, ctx) },
  {
    method: 'GET', pattern: /^\/api\/v4\/projects\/([^/]+)$/,
    handle: (_req, [raw], ctx) => {
      const p = findProject(ctx, raw ?? '');
      return p ? json(200, p) : notFound('Project');
    },
  },
  {
    method: 'GET', pattern: /^\/api\/v4\/groups\/([^/]+)\/projects$/,
    handle: (req, [raw], ctx) => {
      const group = findGroup(ctx, raw ?? '');
      if (!group) return notFound('Group');
      const deep = req.query.get('include_subgroups') === 'true';
      const projects = ctx.data.projects.filter((p) => p.namespace.full_path === group.full_path
        || (deep && p.namespace.full_path.startsWith(`${group.full_path}/`)));
      return listProjects(req, projects, ctx);
    },
  },
];

const routes = [...baseRoutes, ...mergeRequestRoutes, ...ciRoutes];

/**
 * A GitLab v4 server on 127.0.0.1 over the given dataset, following reference §2 including its
 * traps (offset paging with Link/x-* headers and no totals above the threshold, list vs detail
 * shapes, string changes_count, Free/Premium approvals, retried jobs hidden by default).
 */
export async function startGitLabServer(opts: GitLabServerOptions): Promise<FakeServer<GitLabDataset>> {
  let server: FakeServer<GitLabDataset> | null = null;
  const dialect = gitlabDialect(() => server?.data.sourceBaseUrl ?? opts.data.sourceBaseUrl);
  const paging = { totalsThreshold: opts.totalsThreshold ?? 10_000 };
  server = await startFakeServer<GitLabDataset>({
    basePath: opts.basePath,
    data: opts.data,
    faults: opts.faults,
    dialect,
    handle(req, data) {
      if (!req.path.startsWith('/api/v4/')) return dialect.routeNotFound(req);
      if (credentialOf(req) !== opts.token) return UNAUTHORIZED();
      const ctx: GitLabContext = { data, paging, approvalsProfile: opts.approvalsProfile };
      return dispatch(routes, req, ctx, { notFound: dialect.routeNotFound(req), notAllowed: json(405, { error: '405 Method Not Allowed' }) });
    },
  });
  return server;
}
