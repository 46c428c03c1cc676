import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate';
import type { FakeServer } from './fake-server';
import { jiraDatasetFromBundle, startJiraServer, type JiraDataset } from './jira-server';
import { basic, bearer, postJson, request, type JiraIssueJson } from './test-http';

const PAT = 'dc-personal-access-token';
const AUTH = bearer(PAT);

let server: FakeServer<JiraDataset>;
let api: string;

beforeAll(async () => {
  const bundle = generateDemo({ seed: 3, scale: 0.1 });
  server = await startJiraServer({ flavour: 'datacenter', basePath: '/jira', auth: { pat: PAT }, data: jiraDatasetFromBundle(bundle) });
  api = `${server.url}/rest/api/2`;
});
afterAll(() => server.close());

type DcPage = { startAt: number; maxResults: number; total: number; issues: JiraIssueJson[] };

async function walkOffsets(params: Record<string, string>, pageSize: number): Promise<DcPage[]> {
  const pages: DcPage[] = [];
  for (let startAt = 0; ; startAt += pageSize) {
    const q = new URLSearchParams({ ...params, startAt: String(startAt), maxResults: String(pageSize) });
    const got = await request(`${api}/search?${q.toString()}`, { headers: AUTH });
    expect(got.status, got.text).toBe(200);
    const page = got.body as DcPage;
    pages.push(page);
    if (startAt + page.issues.length >= page.total || page.issues.length === 0) return pages;
  }
}

describe('Jira Data Center', () => {
  it('lives under its base path and identifies the PAT user by name and key', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/jira$/);
    const me = await request(`${api}/myself`, { headers: AUTH });
    expect(me.body).toMatchObject({ name: 'svc-yardstick', key: expect.stringMatching(/^JIRAUSER/), displayName: expect.any(String) });
    expect(me.body).not.toHaveProperty('accountId');
    const info = await request(`${api}/serverInfo`, { headers: AUTH });
    expect(info.body).toMatchObject({ baseUrl: server.url, deploymentType: 'Server' });
    const outside = await request(server.url.replace('/jira', '/rest/api/2/myself'), { headers: AUTH });
    expect(outside.status).toBe(404);
  });

  it('refuses Basic (Cloud-style) and wrong tokens with an HTML 401', async () => {
    for (const headers of [basic('someone@northwind.example', PAT), bearer('wrong'), {}]) {
      const got = await request(`${api}/myself`, { headers });
      expect(got.status).toBe(401);
      expect(got.headers.get('content-type')).toMatch(/^text\/html/);
      expect(got.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    }
  });

  it('pages /search by startAt with a stable total, every issue once; an empty JQL is allowed', async () => {
    const projects = [...new Set([...server.data.issues.values()].map((r) => r.bean.fields.project.key))];
    const pages = await walkOffsets({ jql: `project in (${projects.join(',')}) ORDER BY updated ASC`, fields: 'updated' }, 40);
    const ids = pages.flatMap((p) => p.issues.map((i) => i.id));
    expect(new Set(pages.map((p) => p.total))).toEqual(new Set([server.data.issues.size]));
    expect(ids).toHaveLength(server.data.issues.size);
    expect(new Set(ids).size).toBe(ids.length);
    const all = await request(`${api}/search?jql=&maxResults=1`, { headers: AUTH });
    expect(all.body).toMatchObject({ startAt: 0, maxResults: 1, total: server.data.issues.size });
  });

  it('returns navigable fields by default, accepts expand as a list on POST, and caps maxResults at 1000', async () => {
    const got = await postJson(`${api}/search`, { jql: 'created >= "2000-01-01"', maxResults: 2, expand: ['changelog'] }, AUTH);
    const issue = (got.body as DcPage).issues[0];
    expect(Object.keys(issue?.fields ?? {})).toEqual(expect.arrayContaining(['summary', 'status', 'updated', 'assignee']));
    expect(issue?.changelog).toBeDefined();
    const capped = await request(`${api}/search?jql=&startAt=0&maxResults=5000&fields=id`, { headers: AUTH });
    expect(capped.body).toMatchObject({ maxResults: 1000, total: server.data.issues.size });
  });

  it('embeds the whole history (oldest first) with expand=changelog', async () => {
    const rec = [...server.data.issues.values()].sort((a, b) => b.histories.length - a.histories.length)[0];
    expect(rec && rec.histories.length).toBeGreaterThan(20);
    const got = await request(`${api}/search?jql=key%3D${rec?.bean.key}&expand=changelog`, { headers: AUTH });
    const changelog = (got.body as DcPage).issues[0]?.changelog;
    expect(changelog?.total).toBe(rec?.histories.length);
    expect(changelog?.histories.map((h) => h.id)).toEqual(rec?.histories.map((h) => h.id));
  });

  it('speaks v2: users by name/key, plain-text worklog comments, its own /jira/rest/api/2 links', async () => {
    const withAssignee = [...server.data.issues.values()].find((r) => r.bean.fields.assignee && r.histories.some((h) => h.items.some((i) => i.fieldId === 'assignee' && i.toString)));
    const got = await request(`${api}/search?jql=key%3D${withAssignee?.bean.key}&expand=changelog`, { headers: AUTH });
    expect(got.text).not.toContain('accountId');
    const issue = (got.body as { issues: { self: string; fields: { assignee: Record<string, unknown> }; changelog: { histories: { items: Record<string, unknown>[] }[] } }[] }).issues[0];
    expect(issue?.self.startsWith(`${server.url}/rest/api/2/issue/`)).toBe(true);
    expect(issue?.fields.assignee).toMatchObject({ name: expect.stringMatching(/^[a-z.]+$/), key: expect.stringMatching(/^JIRAUSER\d+$/) });
    const change = issue?.changelog.histories.flatMap((h) => h.items).find((i) => i.fieldId === 'assignee' && i.toString);
    expect(change?.to).toMatch(/^[a-z.]+$/);

    const commented = [...server.data.issues.values()].find((r) => r.worklogs.some((w) => w.comment));
    const wl = await request(`${api}/issue/${commented?.bean.key}/worklog`, { headers: AUTH });
    const comments = (wl.body as { worklogs: { comment?: unknown }[] }).worklogs.map((w) => w.comment).filter((c) => c !== undefined);
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) expect(typeof c).toBe('string');
  });

  it('fails past max_result_window with a 500 (split the JQL by dates instead)', async () => {
    const small = await startJiraServer({ flavour: 'datacenter', auth: { pat: PAT }, data: server.data, limits: { maxResultWindow: 150 } });
    try {
      const ok = await request(`${small.url}/rest/api/2/search?jql=&startAt=100&maxResults=50`, { headers: AUTH });
      expect(ok.status).toBe(200);
      const beyond = await request(`${small.url}/rest/api/2/search?jql=&startAt=120&maxResults=50`, { headers: AUTH });
      expect(beyond.status).toBe(500);
      expect((beyond.body as { errorMessages: string[] }).errorMessages[0]).toMatch(/Search limit exceeded/);
    } finally {
      await small.close();
    }
  });

  it('has no Cloud-only endpoints', async () => {
    const key = [...server.data.issues.values()][0]?.bean.key;
    for (const path of ['/rest/api/3/search/jql?jql=project%3DPLAT', '/rest/api/2/search/jql?jql=project%3DPLAT', `/rest/api/2/issue/${key}/changelog`]) {
      const got = await request(`${server.url}${path}`, { headers: AUTH });
      expect(got.status, path).toBe(404);
    }
  });
});
