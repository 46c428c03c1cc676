import { json, type FakeReply, type FakeRequest } from './fake-server';
import { apiUrl, errorCollection, INVALID_PAYLOAD, intParam, isVisible, visibleIssue, type JiraContext } from './jira-context';
import { parseJiraTime } from './jira-dataset';
import type { JiraWorklog } from '../../electron/demo/generate/types';

const MAX_LIST_IDS = 1000;
/** /worklog/updated and /deleted leave out the minute before the request (reference §1.4). */
const HIDDEN_WINDOW_MS = 60_000;

/** `GET /issue/{idOrKey}/worklog`: PageOfWorklogs ordered by created; non-numeric paging is a 404, as documented. */
export function issueWorklogs(req: FakeRequest, idOrKey: string, ctx: JiraContext): FakeReply {
  const rec = visibleIssue(ctx, idOrKey);
  const startAt = intParam(req, 'startAt', 0);
  const maxResults = intParam(req, 'maxResults', 5000);
  const after = intParam(req, 'startedAfter', Number.NEGATIVE_INFINITY);
  const before = intParam(req, 'startedBefore', Number.POSITIVE_INFINITY);
  if (!rec || startAt === null || maxResults === null || after === null || before === null) {
    return errorCollection(404, ['Issue does not exist or you do not have permission to see it.']);
  }
  const max = Math.min(Math.max(maxResults, 1), 5000);
  const matching = rec.worklogs
    .filter((w) => {
      const started = parseJiraTime(w.started);
      return started >= after && started < before;
    })
    .sort((a, b) => parseJiraTime(a.created) - parseJiraTime(b.created) || Number(a.id) - Number(b.id));
  const from = Math.max(startAt, 0);
  return json(200, { startAt: from, maxResults: max, total: matching.length, worklogs: matching.slice(from, from + max) });
}

type FeedItem = { worklogId: number; updatedTime: number };

/**
 * The shared paging of /worklog/updated and /worklog/deleted: items at or after `since`, oldest
 * first, at most a page, none from the last minute. `nextPage` is present even on the last page
 * (as in Atlassian's own example), so clients must stop on `lastPage`, not on a missing link.
 */
function feed(req: FakeRequest, ctx: JiraContext, items: FeedItem[], path: string): FakeReply {
  const since = intParam(req, 'since', 0);
  if (since === null) return errorCollection(400, ["The 'since' parameter must be a number of milliseconds."]);
  const cutoff = ctx.now() - HIDDEN_WINDOW_MS;
  const eligible = items
    .filter((i) => i.updatedTime >= since && i.updatedTime < cutoff)
    .sort((a, b) => a.updatedTime - b.updatedTime || a.worklogId - b.worklogId);
  const page = eligible.slice(0, ctx.limits.worklogFeedPageSize);
  const lastPage = page.length === eligible.length;
  const first = page[0]?.updatedTime ?? since;
  const until = page[page.length - 1]?.updatedTime ?? since;
  return json(200, {
    values: page.map((i) => ({ worklogId: i.worklogId, updatedTime: i.updatedTime, properties: [] })),
    since: first, until, self: apiUrl(req, ctx, `${path}?since=${since}`), nextPage: apiUrl(req, ctx, `${path}?since=${until}`), lastPage,
  });
}

export function updatedWorklogs(req: FakeRequest, ctx: JiraContext): FakeReply {
  const items: FeedItem[] = [];
  for (const rec of ctx.data.issues.values()) {
    if (!isVisible(ctx, rec)) continue;
    for (const w of rec.worklogs) items.push({ worklogId: Number(w.id), updatedTime: parseJiraTime(w.updated) });
  }
  return feed(req, ctx, items, 'worklog/updated');
}

export function deletedWorklogs(req: FakeRequest, ctx: JiraContext): FakeReply {
  const items = ctx.data.deletedWorklogs
    .filter((d) => {
      const rec = ctx.data.issues.get(d.issueId);
      return !rec || isVisible(ctx, rec);
    })
    .map((d) => ({ worklogId: d.worklogId, updatedTime: d.deletedAt }));
  return feed(req, ctx, items, 'worklog/deleted');
}

/** `POST /worklog/list {ids}`: a plain Worklog array; unknown or invisible ids are skipped; 1..1000 ids. */
export function listWorklogs(req: FakeRequest, ctx: JiraContext): FakeReply {
  const body = req.body as { ids?: unknown } | undefined;
  const ids = body?.ids;
  if (req.bodyError || !Array.isArray(ids) || !ids.every((id) => Number.isInteger(id) || (typeof id === 'string' && /^\d+$/.test(id)))) {
    return errorCollection(400, [INVALID_PAYLOAD]);
  }
  if (ids.length === 0 || ids.length > MAX_LIST_IDS) {
    return errorCollection(400, [`The number of worklog IDs must be between 1 and ${MAX_LIST_IDS}.`], { ids: `Provide 1 to ${MAX_LIST_IDS} worklog IDs.` });
  }
  const wanted = new Set(ids.map((id) => String(id)));
  const out: JiraWorklog[] = [];
  for (const rec of ctx.data.issues.values()) {
    if (!isVisible(ctx, rec)) continue;
    for (const w of rec.worklogs) if (wanted.has(w.id)) out.push(w);
  }
  return json(200, out);
}
