import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoBundle } from '../../electron/demo/generate';
import type { GitLabMergeRequest } from '../../electron/demo/generate/types';
import type { FakeServer } from './fake-server';
import { gitlabDatasetFromBundle, startGitLabServer, type GitLabDataset } from './gitlab-server';
import { parseLink, request, walkGitLab } from './test-http';

const TOKEN = 'glpat-test-token';
const AUTH = { 'PRIVATE-TOKEN': TOKEN };
const DETAIL_ONLY = ['changes_count', 'diff_refs', 'head_pipeline', 'pipeline', 'diverged_commits_count', 'first_contribution'];

let bundle: DemoBundle;
let server: FakeServer<GitLabDataset>;
let api: string;
let project: { id: number; path_with_namespace: string };
let mrs: GitLabMergeRequest[];

beforeAll(async () => {
  bundle = generateDemo({ seed: 21, scale: 0.1 });
  server = await startGitLabServer({ basePath: '/gitlab', token: TOKEN, data: gitlabDatasetFromBundle(bundle) });
  api = `${server.url}/api/v4`;
  const busiest = [...server.data.mergeRequests.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  project = server.data.projects.find((p) => p.id === busiest?.[0]) ?? { id: 0, path_with_namespace: '' };
  mrs = busiest?.[1] ?? [];
});
afterAll(() => server.close());

const encoded = (): string => encodeURIComponent(project.path_with_namespace);

describe('GitLab: auth, identity, projects', () => {
  it('accepts PRIVATE-TOKEN, Bearer and private_token; anything else is a JSON 401', async () => {
    for (const [url, headers] of [[`${api}/user`, AUTH], [`${api}/user`, { Authorization: `Bearer ${TOKEN}` }], [`${api}/user?private_token=${TOKEN}`, {}]] as const) {
      const got = await request(url, { headers });
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ username: 'yardstick-reader', state: 'active' });
    }
    for (const headers of [{}, { 'PRIVATE-TOKEN': 'nope' }, { Authorization: `Basic ${TOKEN}` }] as Record<string, string>[]) {
      const got = await request(`${api}/user`, { headers });
      expect(got.status).toBe(401);
      expect(got.body).toEqual({ message: '401 Unauthorized' });
    }
    expect(server.requests.some((r) => r.headers['private-token'] === '[REDACTED]')).toBe(true);
    expect(JSON.stringify(server.requests)).not.toContain(TOKEN);
  });

  it('answers /version and unknown routes like GitLab', async () => {
    expect((await request(`${api}/version`, { headers: AUTH })).body).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const unknown = await request(`${api}/nope`, { headers: AUTH });
    expect([unknown.status, unknown.body]).toEqual([404, { error: '404 Not Found' }]);
  });

  it('lists a group\'s projects by path or id, and finds a project by URL-encoded path or id', async () => {
    const group = server.data.groups[0];
    const byPath = await request(`${api}/groups/${encodeURIComponent(group?.full_path ?? '')}/projects?include_subgroups=true&per_page=100`, { headers: AUTH });
    const byId = await request(`${api}/groups/${group?.id}/projects?include_subgroups=true&per_page=100`, { headers: AUTH });
    expect((byPath.body as { id: number }[]).map((p) => p.id).sort()).toEqual(server.data.projects.map((p) => p.id).sort());
    expect(byId.body).toEqual(byPath.body);
    const one = await request(`${api}/projects/${encoded()}`, { headers: AUTH });
    expect(one.body).toMatchObject({ id: project.id, path_with_namespace: project.path_with_namespace });
    expect((one.body as { web_url: string }).web_url.startsWith(`${server.url}/`)).toBe(true);
    expect((await request(`${api}/projects/${project.id}`, { headers: AUTH })).body).toEqual(one.body);
    const unencoded = await request(`${api}/projects/${project.path_with_namespace}`, { headers: AUTH });
    expect(unencoded.status).toBe(404);
    expect((await request(`${api}/projects/999999`, { headers: AUTH })).body).toEqual({ message: '404 Project Not Found' });
    expect((await request(`${api}/groups/nope/projects`, { headers: AUTH })).body).toEqual({ message: '404 Group Not Found' });
  });
});

describe('GitLab: merge requests', () => {
  it('walks the MR list by Link rel="next" with totals, each MR once, in list shape', async () => {
    const pages = await walkGitLab<Record<string, unknown>>(`${api}/projects/${encoded()}/merge_requests?state=all&order_by=updated_at&sort=asc&per_page=7`, AUTH);
    const items = pages.flatMap((p) => p.items);
    expect(items.map((m) => m.id).sort()).toEqual(mrs.map((m) => m.id).sort());
    expect(new Set(items.map((m) => m.id)).size).toBe(items.length);
    const updated = items.map((m) => String(m.updated_at));
    expect(updated).toEqual([...updated].sort());
    for (const mr of items) for (const key of DETAIL_ONLY) expect(mr).not.toHaveProperty(key);
    pages.forEach((p, i) => {
      const links = parseLink(p.headers.get('link'));
      expect(p.headers.get('x-total')).toBe(String(mrs.length));
      expect(p.headers.get('x-total-pages')).toBe(String(pages.length));
      expect(p.headers.get('x-page')).toBe(String(i + 1));
      expect(p.headers.get('x-per-page')).toBe('7');
      expect(p.headers.get('x-prev-page')).toBe(i === 0 ? '' : String(i));
      expect(links.first).toMatch(new RegExp(`^${server.url}/api/v4/projects/${encoded()}/merge_requests\\?.*page=1`));
      expect(links.last).toContain(`page=${pages.length}`);
      expect(links.next === undefined).toBe(i === pages.length - 1);
      expect(links.prev === undefined).toBe(i === 0);
    });
  });

  it('defaults per_page to 20 and caps it at 100', async () => {
    const dflt = await request(`${api}/projects/${project.id}/merge_requests`, { headers: AUTH });
    expect([dflt.headers.get('x-per-page'), (dflt.body as unknown[]).length]).toEqual(['20', Math.min(20, mrs.length)]);
    const big = await request(`${api}/projects/${project.id}/merge_requests?per_page=500`, { headers: AUTH });
    expect(big.headers.get('x-per-page')).toBe('100');
  });

  it('treats updated_after as inclusive and refuses a "+" offset that arrived as a space', async () => {
    const pivot = [...mrs].sort((a, b) => a.updated_at.localeCompare(b.updated_at))[Math.floor(mrs.length / 2)];
    const expected = mrs.filter((m) => m.updated_at >= (pivot?.updated_at ?? '')).map((m) => m.id).sort();
    const pages = await walkGitLab<{ id: number }>(`${api}/projects/${project.id}/merge_requests?state=all&updated_after=${pivot?.updated_at}&per_page=100`, AUTH);
    expect(pages.flatMap((p) => p.items.map((m) => m.id)).sort()).toEqual(expected);
    const plusRaw = await request(`${api}/projects/${project.id}/merge_requests?updated_after=2026-09-01T10:00:00+02:00`, { headers: AUTH });
    expect([plusRaw.status, plusRaw.body]).toEqual([400, { error: 'updated_after is invalid' }]);
    const plusEncoded = await request(`${api}/projects/${project.id}/merge_requests?updated_after=2026-09-01T10:00:00%2B02:00`, { headers: AUTH });
    expect(plusEncoded.status).toBe(200);
  });

  it('returns the single MR with detail fields and changes_count as a string', async () => {
    const mr = mrs[0];
    const got = await request(`${api}/projects/${project.id}/merge_requests/${mr?.iid}`, { headers: AUTH });
    expect(got.body).toMatchObject({ id: mr?.id, iid: mr?.iid, changes_count: expect.any(String), diff_refs: expect.any(Object) });
    expect(got.body).toHaveProperty('head_pipeline');
    expect((await request(`${api}/projects/${project.id}/merge_requests/999999`, { headers: AUTH })).body).toEqual({ message: '404 Merge Request Not Found' });
  });

  it('walks discussions, notes and commits completely; notes sort by created_at', async () => {
    const mr = [...mrs].sort((a, b) => (server.data.discussions.get(b.id)?.length ?? 0) - (server.data.discussions.get(a.id)?.length ?? 0))[0];
    const base = `${api}/projects/${project.id}/merge_requests/${mr?.iid}`;
    const discussions = (await walkGitLab<{ id: string }>(`${base}/discussions?per_page=3`, AUTH)).flatMap((p) => p.items);
    expect(discussions.map((d) => d.id)).toEqual(server.data.discussions.get(mr?.id ?? 0)?.map((d) => d.id));
    const notes = (await walkGitLab<{ id: number; created_at: string; system: boolean }>(`${base}/notes?sort=asc&order_by=created_at&per_page=4`, AUTH)).flatMap((p) => p.items);
    expect(notes.map((n) => n.id).sort()).toEqual(server.data.discussions.get(mr?.id ?? 0)?.flatMap((d) => d.notes.map((n) => n.id)).sort());
    expect(notes.map((n) => n.created_at)).toEqual(notes.map((n) => n.created_at).sort());
    const commits = (await walkGitLab<{ id: string }>(`${base}/commits?per_page=2`, AUTH)).flatMap((p) => p.items);
    expect(commits.map((c) => c.id)).toEqual(server.data.commits.get(mr?.id ?? 0)?.map((c) => c.id));
  });

  it('lists an MR\'s pipelines in the basic shape', async () => {
    const mr = mrs.find((m) => m.head_pipeline);
    const got = await request(`${api}/projects/${project.id}/merge_requests/${mr?.iid}/pipelines`, { headers: AUTH });
    const list = got.body as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.map((p) => p.id)).toContain(mr?.head_pipeline?.id);
    for (const p of list) expect(Object.keys(p).sort()).toEqual(['created_at', 'id', 'iid', 'project_id', 'ref', 'sha', 'source', 'status', 'updated_at', 'web_url']);
  });

  it('answers /approvals in the Free or Premium shape', async () => {
    const mr = mrs[0];
    const path = `/api/v4/projects/${project.id}/merge_requests/${mr?.iid}/approvals`;
    const freeServer = await startGitLabServer({ token: TOKEN, data: server.data, approvalsProfile: 'free' });
    const premiumServer = await startGitLabServer({ token: TOKEN, data: server.data, approvalsProfile: 'premium' });
    try {
      const free = await request(`${freeServer.url}${path}`, { headers: AUTH });
      expect(Object.keys(free.body as object).sort()).toEqual(['approved', 'approved_by', 'user_can_approve', 'user_has_approved']);
      const premium = await request(`${premiumServer.url}${path}`, { headers: AUTH });
      expect(premium.body).toMatchObject({ id: mr?.id, iid: mr?.iid, approvals_required: expect.any(Number), approvals_left: expect.any(Number), approved_by: expect.any(Array) });
      const asBundled = await request(`${server.url}${path}`, { headers: AUTH });
      const stored = bundle.gitlab.approvals[mr?.id ?? 0];
      expect(Object.keys(asBundled.body as object).sort()).toEqual(Object.keys(stored ?? {}).sort());
      expect(asBundled.body).toMatchObject({ approved: stored?.approved, approved_by: stored?.approved_by.map((a) => ({ approved_at: a.approved_at })) });
    } finally {
      await Promise.all([freeServer.close(), premiumServer.close()]);
    }
  });
});

describe('GitLab: pipelines and jobs', () => {
  it('lists pipelines without durations; the single pipeline has them', async () => {
    const pages = await walkGitLab<Record<string, unknown>>(`${api}/projects/${project.id}/pipelines?order_by=updated_at&sort=asc&per_page=50`, AUTH);
    const items = pages.flatMap((p) => p.items);
    expect(items.map((p) => p.id).sort()).toEqual(server.data.pipelines.get(project.id)?.map((p) => p.id).sort());
    for (const p of items) for (const key of ['duration', 'queued_duration', 'started_at', 'finished_at']) expect(p).not.toHaveProperty(key);
    const detail = await request(`${api}/projects/${project.id}/pipelines/${items[0]?.id}`, { headers: AUTH });
    expect(detail.body).toHaveProperty('duration');
    expect(detail.body).toHaveProperty('queued_duration');
    expect(detail.body).toMatchObject({ detailed_status: expect.any(Object) });
  });

  it('filters pipelines by updated_after and orders by id descending by default', async () => {
    const all = server.data.pipelines.get(project.id) ?? [];
    const pivot = [...all].sort((a, b) => a.updated_at.localeCompare(b.updated_at))[Math.floor(all.length / 2)]?.updated_at ?? '';
    const items = (await walkGitLab<{ id: number }>(`${api}/projects/${project.id}/pipelines?updated_after=${pivot}&per_page=100`, AUTH)).flatMap((p) => p.items);
    expect(items.map((p) => p.id)).toEqual(all.filter((p) => p.updated_at >= pivot).map((p) => p.id).sort((a, b) => b - a));
  });

  it('hides retried jobs unless include_retried=true, filters by scope[], sorts by id descending', async () => {
    const [pipelineId, jobs] = [...server.data.jobs.entries()].find(([, js]) => new Set(js.map((j) => j.name)).size < js.length) ?? [0, []];
    const pipeline = [...server.data.pipelines.values()].flat().find((p) => p.id === pipelineId);
    const base = `${api}/projects/${pipeline?.project_id}/pipelines/${pipelineId}/jobs`;
    const latest = (await walkGitLab<{ id: number; name: string }>(`${base}?per_page=3`, AUTH)).flatMap((p) => p.items);
    const withRetried = (await walkGitLab<{ id: number; status: string }>(`${base}?include_retried=true&per_page=3`, AUTH)).flatMap((p) => p.items);
    expect(withRetried.map((j) => j.id)).toEqual(jobs.map((j) => j.id).sort((a, b) => b - a));
    expect(latest.length).toBe(new Set(jobs.map((j) => j.name)).size);
    expect(new Set(latest.map((j) => j.name)).size).toBe(latest.length);
    const failed = await request(`${base}?include_retried=true&scope[]=failed&scope[]=canceled&per_page=100`, { headers: AUTH });
    expect((failed.body as { status: string }[]).every((j) => j.status === 'failed' || j.status === 'canceled')).toBe(true);
    expect((failed.body as unknown[]).length).toBe(jobs.filter((j) => j.status === 'failed' || j.status === 'canceled').length);
    const bad = await request(`${base}?scope[]=exploded`, { headers: AUTH });
    expect(bad.status).toBe(400);
  });
});
