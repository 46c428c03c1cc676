import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoBundle } from '../../electron/demo/generate';
import type { FakeServer } from './fake-server';
import { bumpIssue, jiraDatasetFromBundle, parseJiraTime, startJiraServer, type JiraDataset } from './jira-server';
import { basic, bearer, postJson, request, walkJiraCursor, type JiraIssueJson } from './test-http';

const EMAIL = 'mia.krystof@northwind.example';
const TOKEN = 'cloud-api-token';
const AUTH = basic(EMAIL, TOKEN);
const JIRA_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

let bundle: DemoBundle;
let server: FakeServer<JiraDataset>;
let projects: string[];
let search: string;

const minute = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

beforeAll(async () => {
  bundle = generateDemo({ seed: 11, scale: 0.1 });
  server = await startJiraServer({ flavour: 'cloud', auth: { email: EMAIL, token: TOKEN }, data: jiraDatasetFromBundle(bundle) });
  projects = [...new Set([...server.data.issues.values()].map((r) => r.bean.fields.project.key))].sort();
  search = `${server.url}/rest/api/3/search/jql`;
});
afterAll(() => server.close());

const allIds = (): string[] => [...server.data.issues.keys()].sort();
const ids = (pages: { issues: JiraIssueJson[] }[]): string[] => pages.flatMap((p) => p.issues.map((i) => i.id));

describe('Jira Cloud: identity and auth', () => {
  it('answers myself and serverInfo for the Basic credential', async () => {
    const me = await request(`${server.url}/rest/api/3/myself`, { headers: AUTH });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ emailAddress: EMAIL, displayName: 'Mia Krystof', accountType: 'atlassian', active: true });
    expect((me.body as { accountId: string }).accountId).toMatch(/^712020:/);
    const info = await request(`${server.url}/rest/api/3/serverInfo`, { headers: AUTH });
    expect(info.body).toMatchObject({ baseUrl: server.url, deploymentType: 'Cloud', serverTitle: 'Jira' });
    expect((info.body as { serverTime: string }).serverTime).toMatch(JIRA_TIME);
  });

  it('refuses missing, wrong and Bearer credentials with a plain-text 401 (not JSON)', async () => {
    for (const headers of [{}, basic(EMAIL, 'wrong'), bearer(TOKEN)]) {
      const got = await request(`${server.url}/rest/api/3/myself`, { headers });
      expect(got.status).toBe(401);
      expect(got.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(got.body).toBeUndefined();
    }
  });

  it('records requests with the credential redacted', async () => {
    await request(`${server.url}/rest/api/3/field`, { headers: AUTH });
    const last = server.requests[server.requests.length - 1];
    expect(last).toMatchObject({ method: 'GET', path: '/rest/api/3/field', status: 200 });
    expect(last?.headers.authorization).toBe('Basic [REDACTED]');
    expect(JSON.stringify(server.requests)).not.toContain(Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64'));
  });
});

describe('Jira Cloud: enhanced search', () => {
  it('refuses empty and ORDER-BY-only JQL with a 400 ErrorCollection, on GET and POST', async () => {
    for (const jql of ['', 'ORDER BY updated ASC', 'order by key desc']) {
      const get = await request(`${search}?jql=${encodeURIComponent(jql)}`, { headers: AUTH });
      const post = await postJson(search, { jql }, AUTH);
      for (const got of [get, post]) {
        expect(got.status).toBe(400);
        expect(got.body).toEqual({ errorMessages: [expect.stringMatching(/Unbounded JQL/)], errors: {} });
      }
    }
  });

  it('answers the removed /rest/api/3/search with 410 and a migration message', async () => {
    const get = await request(`${server.url}/rest/api/3/search?jql=project%3DPLAT`, { headers: AUTH });
    const post = await postJson(`${server.url}/rest/api/3/search`, { jql: 'project = PLAT' }, AUTH);
    for (const got of [get, post]) {
      expect(got.status).toBe(410);
      expect((got.body as { errorMessages: string[] }).errorMessages[0]).toMatch(/search\/jql/);
    }
  });

  it('walks every issue exactly once with the cursor; default fields are ids only; last page has no token', async () => {
    const jql = `project in (${projects.join(', ')}) ORDER BY updated ASC`;
    const { pages } = await walkJiraCursor(search, { jql, maxResults: '37' }, AUTH);
    const seen = ids(pages);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(allIds());
    pages.forEach((p, i) => {
      expect(p.issues.length).toBeLessThanOrEqual(37);
      const last = i === pages.length - 1;
      expect(p.isLast).toBe(last);
      expect('nextPageToken' in p).toBe(!last);
      expect('total' in p).toBe(false);
    });
    for (const issue of pages.flatMap((p) => p.issues)) expect(Object.keys(issue).sort()).toEqual(['expand', 'id', 'key', 'self']);
    expect(pages[0]?.issues[0]?.key).toMatch(/^[A-Z]+-\d+$/);
  });

  it('orders by updated ascending with ties by id, and serves its own URLs', async () => {
    const jql = `project in (${projects.join(', ')}) ORDER BY updated ASC`;
    const { pages } = await walkJiraCursor(search, { jql, maxResults: '100', fields: 'updated' }, AUTH);
    const rows = pages.flatMap((p) => p.issues).map((i) => ({ id: Number(i.id), t: parseJiraTime(String(i.fields?.updated)) }));
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]] as [{ id: number; t: number }, { id: number; t: number }];
      expect(a.t < b.t || (a.t === b.t && a.id < b.id)).toBe(true);
    }
    const page = await request(`${search}?jql=project%3D${projects[0]}&fields=updated,project`, { headers: AUTH });
    const issue = (page.body as { issues: (JiraIssueJson & { self: string })[] }).issues[0];
    expect(issue?.self.startsWith(`${server.url}/rest/api/3/issue/`)).toBe(true);
    expect(JSON.stringify(page.body)).not.toContain(bundle.jira.baseUrl);
    expect(String(issue?.fields?.updated)).toMatch(JIRA_TIME);
  });

  it('defaults maxResults to 50 and caps it at 100', async () => {
    const jql = `project in (${projects.join(', ')})`;
    const dflt = await request(`${search}?jql=${encodeURIComponent(jql)}`, { headers: AUTH });
    expect((dflt.body as { issues: unknown[] }).issues).toHaveLength(50);
    const big = await request(`${search}?jql=${encodeURIComponent(jql)}&maxResults=5000`, { headers: AUTH });
    expect((big.body as { issues: unknown[] }).issues).toHaveLength(100);
  });

  it('honours explicit fields, *all, *navigable, exclusions and unknown names', async () => {
    const one = async (fields: string): Promise<Record<string, unknown>> => {
      const got = await request(`${search}?jql=project%3D${projects[0]}&maxResults=1&${fields}`, { headers: AUTH });
      return (got.body as { issues: JiraIssueJson[] }).issues[0]?.fields ?? {};
    };
    expect(Object.keys(await one('fields=summary,status')).sort()).toEqual(['status', 'summary']);
    expect(Object.keys(await one('fields=summary&fields=labels')).sort()).toEqual(['labels', 'summary']);
    const all = await one('fields=*all');
    expect(all).toMatchObject({ summary: expect.any(String), customfield_10028: null, customfield_10020: null });
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['status', 'issuetype', 'project', 'assignee', 'created', 'updated', 'customfield_10016']));
    expect(Object.keys(await one('fields=*navigable'))).toContain('summary');
    const trimmed = Object.keys(await one('fields=*all,-issuelinks,-components'));
    expect(trimmed).toContain('summary');
    expect(trimmed).not.toContain('issuelinks');
    expect(trimmed).not.toContain('components');
    expect(await one('fields=customfield_10028,nonexistent')).toEqual({ customfield_10028: null });
  });

  it('filters by updated >= "yyyy-MM-dd HH:mm" (UTC) and by user JQL wrapped in parentheses', async () => {
    const recs = [...server.data.issues.values()];
    const times = recs.map((r) => parseJiraTime(r.bean.fields.updated)).sort((a, b) => a - b);
    const cutoff = Math.floor((times[Math.floor(times.length / 2)] ?? 0) / 60_000) * 60_000;
    const walk = async (jql: string): Promise<string[]> => ids((await walkJiraCursor(search, { jql, maxResults: '100' }, AUTH)).pages).sort();
    const expected = recs.filter((r) => parseJiraTime(r.bean.fields.updated) >= cutoff).map((r) => r.bean.id).sort();
    expect(await walk(`project in (${projects.join(', ')}) AND updated >= "${minute(cutoff)}" ORDER BY updated ASC`)).toEqual(expected);

    const label = 'backend';
    const withLabel = recs.filter((r) => r.bean.fields.labels.includes(label) && parseJiraTime(r.bean.fields.updated) >= cutoff);
    expect(withLabel.length).toBeGreaterThan(0);
    expect(await walk(`(labels = ${label}) AND updated >= "${minute(cutoff)}" ORDER BY updated ASC`)).toEqual(withLabel.map((r) => r.bean.id).sort());
    const p = withLabel[0]?.bean.fields.project.key ?? '';
    expect(await walk(`(project = ${p} AND labels = "${label}") AND updated >= "${minute(cutoff)}" ORDER BY updated ASC`))
      .toEqual(withLabel.filter((r) => r.bean.fields.project.key === p).map((r) => r.bean.id).sort());
  });

  it('refuses JQL it cannot run with Jira-style 400s', async () => {
    const cases: [string, RegExp][] = [
      ['(assignee = currentUser()) AND updated >= "2026-01-01 00:00"', /not supported/],
      ['foo = bar', /Field 'foo' does not exist/],
      ['project = NOPE', /The value 'NOPE' does not exist for the field 'project'/],
      ['labels = a OR labels = b', /'OR'/],
      ['updated >= "yesterday"', /Date value 'yesterday'/],
      [`project = ${'PLAT'} ORDER BY priority`, /Not able to sort/],
    ];
    for (const [jql, message] of cases) {
      const got = await request(`${search}?jql=${encodeURIComponent(jql)}`, { headers: AUTH });
      expect(got.status, jql).toBe(400);
      expect((got.body as { errorMessages: string[] }).errorMessages[0], jql).toMatch(message);
    }
  });

  it('POST matches GET and refuses expand sent as an array (it is a comma-delimited string)', async () => {
    const jql = `project = ${projects[0]} ORDER BY updated ASC`;
    const get = await request(`${search}?jql=${encodeURIComponent(jql)}&fields=summary,status&maxResults=10&expand=changelog`, { headers: AUTH });
    const post = await postJson(search, { jql, fields: ['summary', 'status'], maxResults: 10, expand: 'changelog' }, AUTH);
    expect(post.status).toBe(200);
    expect(post.body).toEqual(expect.objectContaining({ issues: (get.body as { issues: unknown[] }).issues }));
    const bad = await postJson(search, { jql, expand: ['changelog'] }, AUTH);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ errorMessages: [expect.stringMatching(/Invalid request payload/)], errors: {} });
  });

  it('counts matches with approximate-count (bounded JQL only)', async () => {
    const p = projects[0] ?? '';
    const expected = [...server.data.issues.values()].filter((r) => r.bean.fields.project.key === p).length;
    const got = await postJson(`${server.url}/rest/api/3/search/approximate-count`, { jql: `project = ${p}` }, AUTH);
    expect(got.body).toEqual({ count: expected });
    const unbounded = await postJson(`${server.url}/rest/api/3/search/approximate-count`, { jql: 'ORDER BY key' }, AUTH);
    expect(unbounded.status).toBe(400);
  });

  it('refuses a token from another query, or a forged one', async () => {
    const first = await request(`${search}?jql=${encodeURIComponent(`project = ${projects[0]}`)}&maxResults=1`, { headers: AUTH });
    const token = (first.body as { nextPageToken: string }).nextPageToken;
    expect(typeof token).toBe('string');
    const other = await request(`${search}?jql=${encodeURIComponent(`project = ${projects[1]}`)}&nextPageToken=${token}`, { headers: AUTH });
    const forged = await request(`${search}?jql=${encodeURIComponent(`project = ${projects[0]}`)}&nextPageToken=CAEaAggD`, { headers: AUTH });
    expect([other.status, forged.status]).toEqual([400, 400]);
  });
});

describe('Jira Cloud: changelogs', () => {
  it('embeds at most 20 histories, newest first, with the true total', async () => {
    const { pages } = await walkJiraCursor(search, { jql: `project in (${projects.join(', ')})`, maxResults: '100', fields: 'updated', expand: 'changelog' }, AUTH);
    const issues = pages.flatMap((p) => p.issues);
    expect(issues.some((i) => (i.changelog?.total ?? 0) > 20)).toBe(true);
    for (const issue of issues) {
      const rec = server.data.issues.get(issue.id);
      const embedded = issue.changelog?.histories ?? [];
      expect(issue.changelog?.total).toBe(rec?.histories.length);
      expect(embedded.length).toBe(Math.min(20, rec?.histories.length ?? 0));
      expect(embedded.map((h) => h.id)).toEqual(rec?.histories.slice().reverse().slice(0, 20).map((h) => h.id));
    }
  });

  it('pages the full history oldest first through nextPage, for every truncated issue', async () => {
    const truncated = [...server.data.issues.values()].filter((r) => r.histories.length > 20);
    expect(truncated.length).toBeGreaterThan(0);
    for (const rec of truncated) {
      for (const pageSize of [undefined, 7]) {
        let url: string | undefined = `${server.url}/rest/api/3/issue/${rec.bean.key}/changelog${pageSize ? `?maxResults=${pageSize}` : ''}`;
        const seen: string[] = [];
        while (url) {
          const got = await request(url, { headers: AUTH });
          const page = got.body as { values: { id: string }[]; isLast: boolean; nextPage?: string; total: number; maxResults: number; self: string };
          expect(page.total).toBe(rec.histories.length);
          expect(page.maxResults).toBe(pageSize ?? 100);
          expect(page.self.startsWith(server.url)).toBe(true);
          expect(page.isLast).toBe(page.nextPage === undefined);
          seen.push(...page.values.map((v) => v.id));
          url = page.nextPage;
        }
        expect(seen).toEqual(rec.histories.map((h) => h.id));
      }
    }
  });

  it('answers 404 with an ErrorCollection for an unknown issue', async () => {
    for (const path of ['issue/NOPE-1/changelog', 'issue/99999999/worklog']) {
      const got = await request(`${server.url}/rest/api/3/${path}`, { headers: AUTH });
      expect(got.status).toBe(404);
      expect(got.body).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    }
  });

  it('keeps a cursor walk stable while issues change, and shows the change to the next incremental query', async () => {
    const jql = `project in (${projects.join(', ')}) ORDER BY updated ASC`;
    const first = await request(`${search}?jql=${encodeURIComponent(jql)}&maxResults=40`, { headers: AUTH });
    const page1 = first.body as { issues: JiraIssueJson[]; nextPageToken: string };
    const seenFirst = page1.issues[0]?.id ?? '';
    const notYet = allIds().find((id) => !page1.issues.some((i) => i.id === id)) ?? '';
    const at = Date.now();
    const done = [...server.data.issues.values()].map((r) => r.bean.fields.status).find((s) => s.statusCategory.key === 'done');
    server.mutate((d) => {
      bumpIssue(d, seenFirst, { fields: { status: done }, at });
      bumpIssue(d, notYet, { fields: { customfield_10016: 13 }, at });
    });
    const continued: string[] = page1.issues.map((i) => i.id);
    let token: string | undefined = page1.nextPageToken;
    while (token) {
      const got = await request(`${search}?jql=${encodeURIComponent(jql)}&maxResults=40&nextPageToken=${token}`, { headers: AUTH });
      const page = got.body as { issues: JiraIssueJson[]; nextPageToken?: string };
      continued.push(...page.issues.map((i) => i.id));
      token = page.nextPageToken;
    }
    expect(continued.sort()).toEqual(allIds());
    const incremental = await walkJiraCursor(search, {
      jql: `project in (${projects.join(', ')}) AND updated >= "${minute(at)}" ORDER BY updated ASC`, fields: 'status,customfield_10016', expand: 'changelog',
    }, AUTH);
    const changed = incremental.pages.flatMap((p) => p.issues);
    expect(changed.map((i) => i.id).sort()).toEqual([seenFirst, notYet].sort());
    const bumped = changed.find((i) => i.id === notYet);
    expect(bumped?.fields?.customfield_10016).toBe(13);
    expect(bumped?.changelog?.histories[0]).toMatchObject({ items: [{ fieldId: 'customfield_10016', toString: '13' }] });
  });
});
