import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoBundle } from '../../electron/demo/generate';
import type { FakeServer } from './fake-server';
import {
  addWorklog, deleteWorklog, jiraDatasetFromBundle, parseJiraTime, startJiraServer, updateWorklog, type JiraDataset,
} from './jira-server';
import { basic, postJson, request, walkJiraCursor } from './test-http';

const EMAIL = 'jonas.weber@northwind.example';
const TOKEN = 'cloud-api-token';
const AUTH = basic(EMAIL, TOKEN);
const PAGE = 40;

let bundle: DemoBundle;
let server: FakeServer<JiraDataset>;
// The server's clock: tests move it to cross the "last minute" the worklog feed hides.
let clock = Date.now();

beforeAll(async () => {
  bundle = generateDemo({ seed: 5, scale: 0.05 });
  server = await startJiraServer({
    flavour: 'cloud', auth: { email: EMAIL, token: TOKEN }, data: jiraDatasetFromBundle(bundle), now: () => clock,
    limits: { worklogFeedPageSize: PAGE },
  });
});
afterAll(() => server.close());

type FeedPage = { values: { worklogId: number; updatedTime: number; properties: unknown[] }[]; since: number; until: number; self: string; nextPage: string; lastPage: boolean };

/** Follows nextPage until lastPage, as reference §1.4 prescribes (nextPage is present on the last page too). */
async function walkFeed(path: 'updated' | 'deleted', since: number): Promise<FeedPage[]> {
  const pages: FeedPage[] = [];
  let url = `${server.url}/rest/api/3/worklog/${path}?since=${since}`;
  for (;;) {
    const got = await request(url, { headers: AUTH });
    expect(got.status).toBe(200);
    const page = got.body as FeedPage;
    pages.push(page);
    if (page.lastPage) return pages;
    url = page.nextPage;
    if (pages.length > 1000) throw new Error('runaway');
  }
}

const allWorklogIds = (): number[] => [...server.data.issues.values()].flatMap((r) => r.worklogs.map((w) => Number(w.id))).sort((a, b) => a - b);

describe('Jira Cloud: worklogs', () => {
  it('pages one issue\'s worklogs with startAt/maxResults and total', async () => {
    const rec = [...server.data.issues.values()].sort((a, b) => b.worklogs.length - a.worklogs.length)[0];
    expect(rec && rec.worklogs.length).toBeGreaterThan(2);
    const seen: string[] = [];
    for (let startAt = 0; ; startAt += 2) {
      const got = await request(`${server.url}/rest/api/3/issue/${rec?.bean.key}/worklog?startAt=${startAt}&maxResults=2`, { headers: AUTH });
      const page = got.body as { startAt: number; maxResults: number; total: number; worklogs: { id: string; issueId: string }[] };
      expect(page).toMatchObject({ startAt, maxResults: 2, total: rec?.worklogs.length });
      seen.push(...page.worklogs.map((w) => w.id));
      if (startAt + 2 >= page.total) break;
    }
    expect(seen).toEqual(rec?.worklogs.map((w) => w.id));
    const dflt = await request(`${server.url}/rest/api/3/issue/${rec?.bean.id}/worklog`, { headers: AUTH });
    expect(dflt.body).toMatchObject({ startAt: 0, maxResults: 5000, total: rec?.worklogs.length });
    const bad = await request(`${server.url}/rest/api/3/issue/${rec?.bean.id}/worklog?startAt=abc`, { headers: AUTH });
    expect(bad.status).toBe(404);
  });

  it('filters one issue\'s worklogs by startedAfter/startedBefore (Unix ms)', async () => {
    const rec = [...server.data.issues.values()].find((r) => r.worklogs.length >= 3);
    const starts = (rec?.worklogs ?? []).map((w) => parseJiraTime(w.started)).sort((a, b) => a - b);
    const mid = starts[1] ?? 0;
    const got = await request(`${server.url}/rest/api/3/issue/${rec?.bean.id}/worklog?startedAfter=${mid}`, { headers: AUTH });
    expect((got.body as { total: number }).total).toBe(starts.filter((s) => s >= mid).length);
  });

  it('feeds /worklog/updated oldest first, a page at a time, with no gaps and repeats only at page edges', async () => {
    const pages = await walkFeed('updated', 0);
    expect(pages.length).toBeGreaterThan(1);
    const seen = pages.flatMap((p) => p.values.map((v) => v.worklogId));
    expect([...new Set(seen)].sort((a, b) => a - b)).toEqual(allWorklogIds());
    pages.forEach((p, i) => {
      expect(p.values.length).toBeLessThanOrEqual(PAGE);
      expect(p.nextPage).toMatch(/\/rest\/api\/3\/worklog\/updated\?since=\d+$/);
      expect(p.lastPage).toBe(i === pages.length - 1);
      const times = p.values.map((v) => v.updatedTime);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect([p.since, p.until]).toEqual([times[0], times[times.length - 1]]);
      // `since` is inclusive, so the item(s) at the previous page's `until` come again: clients upsert by id.
      const prev = pages[i - 1];
      for (const v of p.values) {
        if (prev?.values.some((x) => x.worklogId === v.worklogId)) expect(v.updatedTime).toBe(prev.until);
      }
    });
  });

  it('hides worklogs updated during the last minute of server time', async () => {
    const rec = [...server.data.issues.values()][0];
    const logged = addWorklog(server.data, rec?.bean.key ?? '', { timeSpentSeconds: 1800, at: clock - 10_000, comment: 'pairing' });
    const lastUntil = (await walkFeed('updated', 0)).at(-1)?.until ?? 0;
    const before = await walkFeed('updated', lastUntil);
    expect(before.flatMap((p) => p.values.map((v) => v.worklogId))).not.toContain(Number(logged.id));
    clock += 61_000;
    const after = await walkFeed('updated', lastUntil);
    expect(after.flatMap((p) => p.values.map((v) => v.worklogId))).toContain(Number(logged.id));

    updateWorklog(server.data, logged.id, { timeSpentSeconds: 3600, at: clock - 5_000 });
    expect((await walkFeed('updated', clock - 120_000)).flatMap((p) => p.values)).toHaveLength(0);
    clock += 61_000;
    const edited = (await walkFeed('updated', clock - 120_000)).flatMap((p) => p.values);
    expect(edited.map((v) => v.worklogId)).toEqual([Number(logged.id)]);
  });

  it('lists worklogs by id (plain array) and refuses an empty list or more than 1000 ids', async () => {
    const wanted = allWorklogIds().slice(0, 5);
    const got = await postJson(`${server.url}/rest/api/3/worklog/list`, { ids: [...wanted, 987654321] }, AUTH);
    expect(got.status).toBe(200);
    expect((got.body as { id: string }[]).map((w) => Number(w.id)).sort((a, b) => a - b)).toEqual(wanted);
    const tooMany = await postJson(`${server.url}/rest/api/3/worklog/list`, { ids: Array.from({ length: 1001 }, (_, i) => i + 1) }, AUTH);
    const none = await postJson(`${server.url}/rest/api/3/worklog/list`, { ids: [] }, AUTH);
    for (const bad of [tooMany, none]) {
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ errorMessages: [expect.any(String)], errors: expect.any(Object) });
    }
  });

  it('reports deletions through /worklog/deleted, after the hidden minute', async () => {
    const victim = allWorklogIds()[0] ?? 0;
    const issueId = [...server.data.issues.values()].find((r) => r.worklogs.some((w) => Number(w.id) === victim))?.bean.id;
    const totalBefore = (await request(`${server.url}/rest/api/3/issue/${issueId}/worklog`, { headers: AUTH })).body as { total: number };
    server.mutate((d) => deleteWorklog(d, victim, clock - 5_000));
    expect((await walkFeed('deleted', 0)).flatMap((p) => p.values)).toHaveLength(0);
    clock += 61_000;
    const deleted = (await walkFeed('deleted', 0)).flatMap((p) => p.values);
    expect(deleted.map((v) => v.worklogId)).toEqual([victim]);
    const listed = await postJson(`${server.url}/rest/api/3/worklog/list`, { ids: [victim] }, AUTH);
    expect(listed.body).toEqual([]);
    const totalAfter = (await request(`${server.url}/rest/api/3/issue/${issueId}/worklog`, { headers: AUTH })).body as { total: number };
    expect(totalAfter.total).toBe(totalBefore.total - 1);
  });

  it('answers /field with a plain array that includes the story-points field', async () => {
    const got = await request(`${server.url}/rest/api/3/field`, { headers: AUTH });
    expect(Array.isArray(got.body)).toBe(true);
    expect(got.body).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'customfield_10016', custom: true, schema: expect.objectContaining({ custom: 'com.pyxis.greenhopper.jira:jsw-story-points' }) }),
    ]));
  });
});

describe('Jira Cloud: permissions', () => {
  let restricted: FakeServer<JiraDataset>;
  beforeAll(async () => {
    restricted = await startJiraServer({
      flavour: 'cloud', auth: { email: EMAIL, token: TOKEN }, data: jiraDatasetFromBundle(bundle), hiddenProjects: ['PAY'],
      forbiddenPaths: [/^\/rest\/api\/3\/field$/], now: () => Date.now() + 3_600_000,
    });
  });
  afterAll(() => restricted.close());

  it('leaves hidden projects\' issues out of every answer, like real Jira', async () => {
    const data = restricted.data;
    const payIssue = [...data.issues.values()].find((r) => r.bean.fields.project.key === 'PAY');
    expect(payIssue).toBeDefined();
    const visible = [...data.issues.values()].filter((r) => r.bean.fields.project.key !== 'PAY').map((r) => r.bean.id).sort();
    const { pages } = await walkJiraCursor(`${restricted.url}/rest/api/3/search/jql`, { jql: 'created >= "2000-01-01"', maxResults: '100' }, AUTH);
    expect(pages.flatMap((p) => p.issues.map((i) => i.id)).sort()).toEqual(visible);
    const byKey = await request(`${restricted.url}/rest/api/3/search/jql?jql=project%20%3D%20PAY`, { headers: AUTH });
    expect(byKey.status).toBe(400);
    for (const path of [`issue/${payIssue?.bean.key}/changelog`, `issue/${payIssue?.bean.id}/worklog`]) {
      expect((await request(`${restricted.url}/rest/api/3/${path}`, { headers: AUTH })).status).toBe(404);
    }
    const feed = await request(`${restricted.url}/rest/api/3/worklog/updated?since=0`, { headers: AUTH });
    const payWorklogs = new Set(payIssue?.worklogs.map((w) => Number(w.id)));
    expect((feed.body as FeedPage).values.some((v) => payWorklogs.has(v.worklogId))).toBe(false);
  });

  it('answers forbidden paths with a 403 ErrorCollection', async () => {
    const got = await request(`${restricted.url}/rest/api/3/field`, { headers: AUTH });
    expect(got.status).toBe(403);
    expect(got.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
  });
});
