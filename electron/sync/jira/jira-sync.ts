import { jiraWriter } from '../../db/repositories/jira';
import { cursorStore } from '../../db/repositories/sync-cursors';
import type { JiraSourceConfigSchema } from '../../../shared/domain/sources';
import { createHttpClient } from '../http/http-client';
import { CURSOR_OVERLAP_MS, type SyncContext } from '../sync-context';
import { ChangedWorklogsSchema, describeJiraError, jiraApi, SEARCH_FIELDS, type JiraApi } from './jira-api';
import { ingestChangelogPage, parseSearchPage, truncatedChangelogIssues, writeSearchPage } from './ingest';
import { buildJql } from './jql';
import { findStoryPointsField, mapWorklog } from './map';
import { FieldsSchema, WorklogPageSchema, WorklogSchema } from './schemas';
import { toIsoUtc } from '../../../shared/domain/time';
import { z } from 'zod';

type JiraConfig = z.infer<typeof JiraSourceConfigSchema>;

/** Cloud: Basic email:token; Data Center: Bearer personal access token (they are not interchangeable). */
export function jiraAuthHeaders(config: { flavour: 'cloud' | 'datacenter'; email?: string | undefined }, token: string): Record<string, string> {
  if (config.flavour === 'cloud') return { Authorization: `Basic ${Buffer.from(`${config.email ?? ''}:${token}`).toString('base64')}` };
  return { Authorization: `Bearer ${token}` };
}

export function jiraClient(ctx: Pick<SyncContext, 'signal' | 'log' | 'progress'>, baseUrl: string, config: JiraConfig, token: string): JiraApi {
  const http = createHttpClient({
    baseUrl,
    authHeaders: () => jiraAuthHeaders(config, token),
    signal: ctx.signal,
    log: ctx.log,
    describeError: describeJiraError,
    onWait: (ms, reason) => ctx.progress({ waiting: `${reason}; retrying in ${Math.ceil(ms / 1000)} s` }),
  });
  return jiraApi(http, config.flavour);
}

/**
 * Incremental Jira sync: issues changed since the cursor (with their full status history and,
 * on Data Center, their worklogs) page by page, each page written in one transaction together with
 * the cursor that covers it; then, on Cloud, worklogs through the worklog/updated feed.
 */
export async function syncJira(ctx: SyncContext): Promise<void> {
  const config = ctx.source.config as JiraConfig;
  const api = jiraClient(ctx, ctx.source.baseUrl, config, ctx.token);
  const writer = jiraWriter(ctx.db, ctx.source.id);
  const cursors = cursorStore(ctx.db, ctx.source.id);

  try {
    await syncJiraWith(ctx, api, writer, cursors, config);
  } finally {
    await api.close();
  }
}

async function syncJiraWith(ctx: SyncContext, api: JiraApi, writer: ReturnType<typeof jiraWriter>, cursors: ReturnType<typeof cursorStore>, config: JiraConfig): Promise<void> {
  ctx.progress({ step: 'Connecting to Jira', done: 0, total: null });
  const me = await api.myself();
  const storyPointsField = findStoryPointsField(FieldsSchema.parse(await api.fields()));
  const cursor = ctx.full ? null : cursors.get('issues');
  const since = cursor ? new Date(Date.parse(cursor) - CURSOR_OVERLAP_MS).toISOString() : null;
  const jql = buildJql(config.scope, since, me.timeZone);
  const fields = [...SEARCH_FIELDS, ...(storyPointsField ? [storyPointsField] : [])];
  let total = await api.approximateCount(jql);
  ctx.progress({ step: 'Jira issues', done: 0, total });

  let nextPageToken: string | null = null;
  let startAt = 0;
  let done = 0;
  for (;;) {
    ctx.signal.throwIfAborted();
    const page = parseSearchPage(await api.search(jql, { nextPageToken, startAt }, fields));
    if (total === null && page.total !== undefined) total = page.total;
    const changelogs = new Map<string, unknown[]>();
    for (const issueId of truncatedChangelogIssues(page)) changelogs.set(issueId, await fetchAllChangelogPages(api, issueId));
    const worklogs = new Map<string, unknown[]>();
    if (config.flavour === 'datacenter') for (const issue of page.issues) worklogs.set(issue.id, await fetchAllWorklogPages(api, issue.id));

    ctx.db.transaction(() => {
      const result = writeSearchPage(writer, page, { storyPointsField, siteUrl: ctx.source.baseUrl });
      for (const issue of result.issues) {
        for (const cl of changelogs.get(issue.externalId) ?? []) ingestChangelogPage(writer, issue.itemId, cl);
        const wl = worklogs.get(issue.externalId);
        if (wl) ctx.count('worklogs', writer.replaceWorklogs(issue.itemId, wl.flatMap((p) => WorklogPageSchema.parse(p).worklogs.map(mapWorklog))));
      }
      const latest = result.issues.map((i) => toIsoUtc(i.updatedAt)).sort().pop();
      if (latest && (!cursors.get('issues') || latest > (cursors.get('issues') ?? ''))) cursors.set('issues', latest);
    })();
    done += page.issues.length;
    ctx.count('issues', page.issues.length);
    ctx.count('changelogs fetched separately', changelogs.size);
    ctx.progress({ step: 'Jira issues', done, total: total === null ? null : Math.max(total, done), waiting: null });

    if (config.flavour === 'cloud') {
      if (page.isLast === true || !page.nextPageToken || page.issues.length === 0) break;
      nextPageToken = page.nextPageToken;
    } else {
      startAt += page.issues.length;
      if (page.issues.length === 0 || (page.total !== undefined && startAt >= page.total)) break;
    }
  }
  if (config.flavour === 'cloud') await syncCloudWorklogs(ctx, api, writer, cursors);
}

async function fetchAllChangelogPages(api: JiraApi, issueId: string): Promise<unknown[]> {
  const pages: unknown[] = [];
  for (let startAt = 0; ; ) {
    const page = (await api.changelog(issueId, startAt)) as { values?: unknown[]; isLast?: boolean; total?: number; startAt?: number };
    pages.push(page);
    const count = page.values?.length ?? 0;
    startAt += count;
    if (count === 0 || page.isLast === true || (page.total !== undefined && startAt >= page.total)) return pages;
  }
}

async function fetchAllWorklogPages(api: JiraApi, issueId: string): Promise<unknown[]> {
  const pages: unknown[] = [];
  for (let startAt = 0; ; ) {
    const page = WorklogPageSchema.parse(await api.worklogs(issueId, startAt));
    pages.push(page);
    startAt += page.worklogs.length;
    if (page.worklogs.length === 0 || startAt >= page.total) return pages;
  }
}

/** Cloud's incremental worklog feed: changed ids since the cursor, fetched 1,000 at a time; then deletions. */
async function syncCloudWorklogs(ctx: SyncContext, api: JiraApi, writer: ReturnType<typeof jiraWriter>, cursors: ReturnType<typeof cursorStore>): Promise<void> {
  const startMs = ctx.source.config.kind === 'jira' && ctx.source.config.scope.startDate ? Date.parse(ctx.source.config.scope.startDate) : 0;
  for (const feed of ['updated', 'deleted'] as const) {
    const entity = `worklogs-${feed}`;
    let since = ctx.full ? startMs : Number(cursors.get(entity) ?? startMs);
    ctx.progress({ step: feed === 'updated' ? 'Jira worklogs' : 'Jira deleted worklogs', done: 0, total: null });
    let done = 0;
    for (;;) {
      ctx.signal.throwIfAborted();
      const page = ChangedWorklogsSchema.parse(feed === 'updated' ? await api.worklogUpdated(since) : await api.worklogDeleted(since));
      const ids = page.values.map((v) => v.worklogId);
      const fetched: z.infer<typeof WorklogSchema>[] = [];
      if (feed === 'updated') for (let i = 0; i < ids.length; i += 1000) fetched.push(...z.array(WorklogSchema).parse(await api.worklogList(ids.slice(i, i + 1000))));
      ctx.db.transaction(() => {
        if (feed === 'updated') {
          for (const w of fetched) {
            const itemId = writer.workItemId(w.issueId);
            if (itemId !== null) writer.upsertWorklog(itemId, mapWorklog(w)); // worklogs of issues outside the scope are skipped
          }
        } else {
          writer.deleteWorklogs(ids.map(String));
        }
        cursors.set(entity, String(page.until));
      })();
      done += ids.length;
      ctx.count(feed === 'updated' ? 'worklogs' : 'worklogs deleted', ids.length);
      ctx.progress({ done });
      if (page.lastPage || ids.length === 0) break;
      // More changes in one millisecond than a page holds would repeat the same page forever.
      if (page.until <= since) break;
      since = page.until;
    }
  }
}
