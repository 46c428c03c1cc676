import { createHash } from 'node:crypto';
import { json, listParam, type FakeReply, type FakeRequest } from './fake-server';
import {
  errorCollection, INVALID_PAYLOAD, visibleIssue, visibleIssues, type JiraContext, type SearchSnapshot,
} from './jira-context';
import type { JiraIssueRecord } from './jira-dataset';
import { compareIssues, matchesJql, parseJql } from './jira-jql';

const CLOUD_PAGE_MAX = 100;
const DC_PAGE_MAX = 1000;
/** Enhanced search embeds at most this many histories, newest first (reference §1.2). */
export const EMBEDDED_HISTORY_CAP = 20;
const UNBOUNDED = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
const BAD_TOKEN = 'The provided next page token is invalid or expired.';

type SearchInput = {
  jql: string;
  nextPageToken: string | null;
  startAt: number;
  maxResults: number;
  fields: string[] | null;
  expand: string[];
};

/** Reads GET query parameters or a POST body into one shape; a wrong body type answers 400 like Jira. */
function readInput(req: FakeRequest, ctx: JiraContext): SearchInput | FakeReply {
  if (req.method === 'GET') {
    const num = (name: string, fallback: number): number | null => {
      const raw = req.query.get(name);
      return raw === null || raw === '' ? fallback : /^-?\d+$/.test(raw) ? Number(raw) : null;
    };
    const maxResults = num('maxResults', 50);
    const startAt = num('startAt', 0);
    if (maxResults === null || startAt === null) return errorCollection(400, [INVALID_PAYLOAD]);
    const fields = listParam(req.query, 'fields');
    return { jql: req.query.get('jql') ?? '', nextPageToken: req.query.get('nextPageToken'), startAt, maxResults,
      fields: fields.length > 0 ? fields : null, expand: listParam(req.query, 'expand') };
  }
  if (req.bodyError || typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) return errorCollection(400, [INVALID_PAYLOAD]);
  const b = req.body as Record<string, unknown>;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const okJql = b.jql === undefined || b.jql === null || typeof b.jql === 'string';
  const okToken = b.nextPageToken === undefined || b.nextPageToken === null || typeof b.nextPageToken === 'string';
  const okInts = [b.maxResults, b.startAt].every((v) => v === undefined || Number.isInteger(v));
  const okFields = b.fields === undefined || strings(b.fields);
  // Cloud's SearchAndReconcileRequestBean has `expand` as a comma-delimited string; DC's SearchRequestBean as a list.
  const okExpand = b.expand === undefined || (ctx.flavour === 'cloud' ? typeof b.expand === 'string' : strings(b.expand) || typeof b.expand === 'string');
  if (!okJql || !okToken || !okInts || !okFields || !okExpand) return errorCollection(400, [INVALID_PAYLOAD]);
  const expand = typeof b.expand === 'string' ? b.expand.split(',') : strings(b.expand) ? b.expand : [];
  return {
    jql: typeof b.jql === 'string' ? b.jql : '', nextPageToken: typeof b.nextPageToken === 'string' ? b.nextPageToken : null,
    startAt: typeof b.startAt === 'number' ? b.startAt : 0, maxResults: typeof b.maxResults === 'number' ? b.maxResults : 50,
    fields: strings(b.fields) && b.fields.length > 0 ? b.fields.flatMap((f) => f.split(',')).map((f) => f.trim()) : null,
    expand: expand.map((e) => e.trim()).filter((e) => e.length > 0),
  };
}

/** Runs the JQL against the visible issues; unknown or hidden projects are an error, as in Jira. */
function runJql(jql: string, ctx: JiraContext): { ids: string[] } | FakeReply {
  const parsed = parseJql(jql, ctx.now());
  if (!parsed.ok) return errorCollection(400, [parsed.message]);
  const visible = visibleIssues(ctx);
  for (const c of parsed.query.clauses) {
    if (c.kind !== 'in' || c.field !== 'project') continue;
    for (const v of c.values) {
      const lower = v.toLowerCase();
      const known = visible.some((r) => [r.bean.fields.project.key, r.bean.fields.project.id, r.bean.fields.project.name].some((x) => x.toLowerCase() === lower));
      if (!known) return errorCollection(400, [`The value '${v}' does not exist for the field 'project'.`]);
    }
  }
  const ids = visible.filter((r) => matchesJql(r, parsed.query)).sort(compareIssues(parsed.query.orderBy)).map((r) => r.bean.id);
  return { ids };
}

type Selection = { all: boolean; navigable: boolean; include: string[]; exclude: Set<string> };

function selection(fields: string[]): Selection {
  const sel: Selection = { all: false, navigable: false, include: [], exclude: new Set() };
  for (const f of fields) {
    if (f === '*all') sel.all = true;
    else if (f === '*navigable') sel.navigable = true;
    else if (f.startsWith('-')) sel.exclude.add(f.slice(1));
    else sel.include.push(f);
  }
  return sel;
}

/** The issue as search returns it: top-level id/key always, `fields` only for fields asked for. */
function renderIssue(rec: JiraIssueRecord, sel: Selection, expand: Set<string>, ctx: JiraContext): Record<string, unknown> {
  const source = rec.bean.fields as Record<string, unknown>;
  const known = ctx.data.fields;
  const wanted = new Set<string>();
  if (sel.all || sel.navigable) {
    for (const f of known) if (sel.all || f.navigable) wanted.add(f.id);
    for (const id of Object.keys(source)) wanted.add(id);
  }
  for (const id of sel.include) if (id !== 'id' && id !== 'key' && (id in source || known.some((f) => f.id === id))) wanted.add(id);
  for (const id of sel.exclude) wanted.delete(id);
  const out: Record<string, unknown> = { expand: rec.bean.expand, id: rec.bean.id, self: rec.bean.self, key: rec.bean.key };
  if (wanted.size > 0) {
    // A field the site has but this issue never set comes back as null, as Jira does.
    out.fields = Object.fromEntries([...wanted].map((id) => [id, source[id] ?? null]));
  }
  if (expand.has('changelog')) {
    const total = rec.histories.length;
    // Cloud embeds the newest 20; Data Center the whole history, oldest first.
    const histories = ctx.flavour === 'cloud' ? rec.histories.slice().reverse().slice(0, EMBEDDED_HISTORY_CAP) : rec.histories;
    out.changelog = { startAt: 0, maxResults: histories.length, total, histories };
  }
  return out;
}

function namesAndSchema(issues: Record<string, unknown>[], expand: Set<string>, ctx: JiraContext): Record<string, unknown> {
  const ids = new Set(issues.flatMap((i) => Object.keys((i.fields as Record<string, unknown> | undefined) ?? {})));
  const meta = ctx.data.fields.filter((f) => ids.has(f.id));
  const out: Record<string, unknown> = {};
  if (expand.has('names')) out.names = Object.fromEntries(meta.map((f) => [f.id, f.name]));
  if (expand.has('schema')) out.schema = Object.fromEntries(meta.filter((f) => f.schema).map((f) => [f.id, f.schema]));
  return out;
}

const jqlKey = (jql: string): string => createHash('sha256').update(jql.trim()).digest('hex').slice(0, 12);

function encodeToken(snapshotId: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: snapshotId, o: offset })).toString('base64url');
}

function decodeToken(token: string): { s: string; o: number } | null {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    return typeof v.s === 'string' && typeof v.o === 'number' ? { s: v.s, o: v.o } : null;
  } catch {
    return null;
  }
}

/**
 * `GET|POST /rest/api/3/search/jql`: bounded JQL only, default `fields=id`, at most 100 a page,
 * an opaque cursor naming a frozen result list, no `total`, and no token at all on the last page.
 */
export function cloudSearch(req: FakeRequest, ctx: JiraContext): FakeReply {
  const input = readInput(req, ctx);
  if ('status' in input) return input;
  const parsed = parseJql(input.jql, ctx.now());
  if (parsed.ok && parsed.query.clauses.length === 0) return errorCollection(400, [UNBOUNDED]);
  let snapshot: SearchSnapshot;
  let snapshotId: string;
  let offset = 0;
  if (input.nextPageToken) {
    const token = decodeToken(input.nextPageToken);
    const found = token ? ctx.snapshots.get(token.s) : undefined;
    // A token only continues the query it came from.
    if (!token || !found || found.jql !== jqlKey(input.jql)) return errorCollection(400, [BAD_TOKEN]);
    snapshot = found;
    snapshotId = token.s;
    offset = token.o;
  } else {
    const result = runJql(input.jql, ctx);
    if ('status' in result) return result;
    snapshotId = `${ctx.snapshots.size + 1}-${jqlKey(input.jql).slice(0, 6)}`;
    snapshot = { jql: jqlKey(input.jql), ids: result.ids };
    ctx.snapshots.set(snapshotId, snapshot);
  }
  const max = Math.min(Math.max(input.maxResults, 1), CLOUD_PAGE_MAX);
  const expand = new Set(input.expand);
  const sel = selection(input.fields ?? ['id']);
  const issues = snapshot.ids.slice(offset, offset + max)
    .map((id) => visibleIssue(ctx, id))
    .filter((rec): rec is JiraIssueRecord => rec !== undefined)
    .map((rec) => renderIssue(rec, sel, expand, ctx));
  const isLast = offset + max >= snapshot.ids.length;
  return json(200, {
    issues, ...namesAndSchema(issues, expand, ctx), ...(isLast ? {} : { nextPageToken: encodeToken(snapshotId, offset + max) }), isLast,
  });
}

/** `POST /rest/api/3/search/approximate-count {jql}` -> `{count}`: bounded JQL only; exact here, "approximate" in Jira. */
export function approximateCount(req: FakeRequest, ctx: JiraContext): FakeReply {
  const body = req.body as { jql?: unknown } | undefined;
  if (req.bodyError || typeof body !== 'object' || body === null || (body.jql !== undefined && typeof body.jql !== 'string')) {
    return errorCollection(400, [INVALID_PAYLOAD]);
  }
  const jql = typeof body.jql === 'string' ? body.jql : '';
  const parsed = parseJql(jql, ctx.now());
  if (parsed.ok && parsed.query.clauses.length === 0) return errorCollection(400, [UNBOUNDED]);
  const result = runJql(jql, ctx);
  return 'status' in result ? result : json(200, { count: result.ids.length });
}

/** `GET|POST /rest/api/2/search` on Data Center: offset paging over live results, with `total`. */
export function dataCenterSearch(req: FakeRequest, ctx: JiraContext): FakeReply {
  const input = readInput(req, ctx);
  if ('status' in input) return input;
  const result = input.jql.trim() === '' ? { ids: visibleIssues(ctx).sort(compareIssues([])).map((r) => r.bean.id) } : runJql(input.jql, ctx);
  if ('status' in result) return result;
  const max = Math.min(Math.max(input.maxResults, 0), DC_PAGE_MAX);
  const startAt = Math.max(input.startAt, 0);
  if (startAt + max > ctx.limits.maxResultWindow) {
    // OpenSearch-backed DC refuses to page past max_result_window (reference §1.8).
    return errorCollection(500, [`Search limit exceeded. Jira can not return results beyond ${ctx.limits.maxResultWindow} issues; narrow the query (for example by date ranges).`]);
  }
  const expand = new Set(input.expand);
  const sel = selection(input.fields ?? ['*navigable']);
  const issues = result.ids.slice(startAt, startAt + max)
    .map((id) => visibleIssue(ctx, id))
    .filter((rec): rec is JiraIssueRecord => rec !== undefined)
    .map((rec) => renderIssue(rec, sel, expand, ctx));
  return json(200, { expand: 'schema,names', startAt, maxResults: max, total: result.ids.length, issues, ...namesAndSchema(issues, expand, ctx) });
}

/** `GET /rest/api/3/issue/{idOrKey}/changelog`: oldest first, offset paged, 404 when not visible. */
export function changelogPage(req: FakeRequest, idOrKey: string, ctx: JiraContext): FakeReply {
  const rec = visibleIssue(ctx, idOrKey);
  if (!rec) return errorCollection(404, ['Issue does not exist or you do not have permission to see it.']);
  const startAt = Math.max(Number(req.query.get('startAt') ?? 0) || 0, 0);
  const maxResults = Math.min(Math.max(Number(req.query.get('maxResults') ?? 100) || 100, 1), 100);
  const url = (s: number): string => `${req.baseUrl}/rest/api/${ctx.api}/issue/${encodeURIComponent(idOrKey)}/changelog?startAt=${s}&maxResults=${maxResults}`;
  const total = rec.histories.length;
  const isLast = startAt + maxResults >= total;
  return json(200, {
    self: url(startAt), ...(isLast ? {} : { nextPage: url(startAt + maxResults) }), maxResults, startAt, total, isLast,
    values: rec.histories.slice(startAt, startAt + maxResults),
  });
}
