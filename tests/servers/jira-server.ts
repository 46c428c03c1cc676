import { createHash } from 'node:crypto';
import { dispatch, json, startFakeServer, type FakeReply, type FakeRequest, type FakeServer, type Route } from './fake-server';
import type { FaultPlan } from './faults';
import { errorCollection, type JiraContext, type JiraFlavour, type SearchSnapshot } from './jira-context';
import { toJiraTime, type JiraDataset } from './jira-dataset';
import { expectedAuthorization, jiraDialect, unauthorized, type JiraAuth } from './jira-dialect';
import { approximateCount, changelogPage, cloudSearch, dataCenterSearch } from './jira-search';
import { deletedWorklogs, issueWorklogs, listWorklogs, updatedWorklogs } from './jira-worklogs';

export type { JiraFlavour } from './jira-context';
export type { JiraDataset, JiraIssueRecord, DeletedWorklog, IssueChanges, NewWorklog } from './jira-dataset';
export {
  addIssue, addWorklog, bumpIssue, deleteWorklog, findIssue, jiraDatasetFromBundle, parseJiraTime, toJiraTime, updateWorklog,
} from './jira-dataset';

export type JiraServerOptions = {
  flavour: JiraFlavour;
  /** e.g. '/jira' for Data Center under a context path; default ''. */
  basePath?: string;
  /** Cloud: Basic base64(email:token); Data Center: Bearer PAT. */
  auth: JiraAuth;
  /** Built with `jiraDatasetFromBundle(bundle)`. */
  data: JiraDataset;
  faults?: FaultPlan;
  /** Project keys the user may not browse: their issues are simply absent, `/issue/{key}/…` is 404, JQL naming them is 400. */
  hiddenProjects?: string[];
  /** Paths below basePath that answer 403 with an ErrorCollection (tested without the query string). */
  forbiddenPaths?: RegExp[];
  /** Server clock (ms). `/worklog/updated` hides the minute before it; relative JQL dates use it. Default Date.now. */
  now?: () => number;
  /** Real limits are large; shrink them to reach them with little data. */
  limits?: {
    /** Items per /worklog/updated and /worklog/deleted page; Jira's is 1000. */
    worklogFeedPageSize?: number;
    /** Data Center's OpenSearch max_result_window: startAt + maxResults beyond it is a 500. Default 10,000. */
    maxResultWindow?: number;
  };
};

const REMOVED_SEARCH = 'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. '
  + 'A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

const titleCase = (s: string): string => s.split(/[._-]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

function avatarUrls(seed: string): Record<string, string> {
  const base = `https://avatar-management.example/initials/${seed.slice(0, 2).toUpperCase()}-5.png`;
  return Object.fromEntries(['16x16', '24x24', '32x32', '48x48'].map((size) => [size, `${base}?size=${size.split('x')[0]}`]));
}

/** Who the credential belongs to: Cloud by accountId, Data Center by name/key (reference §1.8). */
function myself(req: FakeRequest, ctx: JiraContext, auth: JiraAuth): FakeReply {
  const common = { active: true, timeZone: 'Etc/UTC', locale: 'en_GB', groups: { size: 1, items: [] }, applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles' };
  if ('email' in auth) {
    const hex = createHash('sha1').update(auth.email).digest('hex');
    const accountId = `712020:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
    return json(200, { self: `${req.baseUrl}/rest/api/3/user?accountId=${accountId}`, accountId, accountType: 'atlassian', emailAddress: auth.email,
      avatarUrls: avatarUrls(auth.email), displayName: titleCase(auth.email.split('@')[0] ?? 'user'), ...common });
  }
  return json(200, { self: `${req.baseUrl}/rest/api/${ctx.api}/user?username=svc-yardstick`, key: 'JIRAUSER10000', name: 'svc-yardstick',
    emailAddress: 'svc-yardstick@northwind.example', avatarUrls: avatarUrls('svc'), displayName: 'Yardstick Service', deleted: false, ...common });
}

function serverInfo(req: FakeRequest, ctx: JiraContext): FakeReply {
  const cloud = ctx.flavour === 'cloud';
  return json(200, {
    baseUrl: req.baseUrl, displayUrl: req.baseUrl, version: cloud ? '1001.0.0-SNAPSHOT' : '9.12.15', versionNumbers: cloud ? [1001, 0, 0] : [9, 12, 15],
    deploymentType: cloud ? 'Cloud' : 'Server', buildNumber: cloud ? 100289 : 9120015, buildDate: '2026-10-28T00:00:00.000+0000',
    serverTime: toJiraTime(ctx.now()), scmInfo: '57a0ca5b4a0bb0ac5f3fee4764acb1c14e4d7e71', serverTitle: cloud ? 'Jira' : 'Northwind Jira',
    serverTimeZone: 'Etc/UTC',
  });
}

const decode = (p: string): string => decodeURIComponent(p);

function routesFor(flavour: JiraFlavour, auth: JiraAuth): Route<JiraContext>[] {
  const v = flavour === 'cloud' ? '3' : '2';
  const r = (method: string, path: string, handle: Route<JiraContext>['handle']): Route<JiraContext> =>
    ({ method, pattern: new RegExp(`^/rest/api/${v}${path}$`), handle });
  const common = [
    r('GET', '/myself', (req, _p, ctx) => myself(req, ctx, auth)),
    r('GET', '/serverInfo', (req, _p, ctx) => serverInfo(req, ctx)),
    r('GET', '/field', (_req, _p, ctx) => json(200, ctx.data.fields)),
    r('GET', '/issue/([^/]+)/worklog', (req, [id], ctx) => issueWorklogs(req, decode(id ?? ''), ctx)),
    r('GET', '/worklog/updated', (req, _p, ctx) => updatedWorklogs(req, ctx)),
    r('GET', '/worklog/deleted', (req, _p, ctx) => deletedWorklogs(req, ctx)),
    r('POST', '/worklog/list', (req, _p, ctx) => listWorklogs(req, ctx)),
  ];
  if (flavour === 'datacenter') {
    return [...common, r('GET', '/search', (req, _p, ctx) => dataCenterSearch(req, ctx)), r('POST', '/search', (req, _p, ctx) => dataCenterSearch(req, ctx))];
  }
  const removed = (): FakeReply => errorCollection(410, [REMOVED_SEARCH]);
  return [
    ...common,
    r('GET', '/search/jql', (req, _p, ctx) => cloudSearch(req, ctx)),
    r('POST', '/search/jql', (req, _p, ctx) => cloudSearch(req, ctx)),
    r('POST', '/search/approximate-count', (req, _p, ctx) => approximateCount(req, ctx)),
    // Removed from Cloud (reference §0.1): answer so that accidental use fails loudly.
    r('GET', '/search', removed),
    r('POST', '/search', removed),
    r('GET', '/issue/([^/]+)/changelog', (req, [id], ctx) => changelogPage(req, decode(id ?? ''), ctx)),
  ];
}

/**
 * A Jira Cloud (`/rest/api/3`) or Data Center (`/rest/api/2`) server on 127.0.0.1 over the given
 * dataset, following reference §1 including its traps (bounded JQL, ids-only default fields,
 * cursor without total, 20-entry embedded changelog, worklog feed hiding the last minute).
 */
export async function startJiraServer(opts: JiraServerOptions): Promise<FakeServer<JiraDataset>> {
  const expected = expectedAuthorization(opts.flavour, opts.auth);
  const now = opts.now ?? Date.now;
  const hidden = new Set((opts.hiddenProjects ?? []).map((k) => k.toUpperCase()));
  const snapshots = new Map<string, SearchSnapshot>();
  const routes = routesFor(opts.flavour, opts.auth);
  const limits = { worklogFeedPageSize: opts.limits?.worklogFeedPageSize ?? 1000, maxResultWindow: opts.limits?.maxResultWindow ?? 10_000 };
  let server: FakeServer<JiraDataset> | null = null;
  const dialect = jiraDialect({ flavour: opts.flavour, now, sourceBaseUrl: () => server?.data.sourceBaseUrl ?? opts.data.sourceBaseUrl });

  server = await startFakeServer<JiraDataset>({
    basePath: opts.basePath,
    data: opts.data,
    faults: opts.faults,
    dialect,
    handle(req, data) {
      if (req.headers.authorization !== expected) return unauthorized(opts.flavour);
      if (opts.forbiddenPaths?.some((re) => {
        re.lastIndex = 0;
        return re.test(req.path);
      })) {
        return errorCollection(403, ['You do not have permission to access this resource.']);
      }
      const ctx: JiraContext = { flavour: opts.flavour, api: opts.flavour === 'cloud' ? '3' : '2', data, now, hidden, snapshots, limits };
      return dispatch(routes, req, ctx, { notFound: dialect.routeNotFound(req), notAllowed: errorCollection(405, [`Method ${req.method} is not allowed here.`]) });
    },
  });
  return server;
}
