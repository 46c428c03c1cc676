import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate';
import type { FakeServer } from './fake-server';
import { addMergeRequest, addPipeline, gitlabDatasetFromBundle, startGitLabServer, updateMergeRequest, type GitLabDataset } from './gitlab-server';
import { parseLink, request, walkGitLab } from './test-http';

const TOKEN = 'glpat-changes';
const AUTH = { Authorization: `Bearer ${TOKEN}` };

let server: FakeServer<GitLabDataset>;
let projectId: number;

beforeAll(async () => {
  // A threshold of 25 stands in for GitLab's 10,000 so small data crosses it.
  server = await startGitLabServer({ token: TOKEN, data: gitlabDatasetFromBundle(generateDemo({ seed: 8, scale: 0.1 })), totalsThreshold: 25 });
  projectId = [...server.data.pipelines.entries()].sort((a, b) => b[1].length - a[1].length)[0]?.[0] ?? 0;
});
afterAll(() => server.close());

describe('GitLab: large lists and changing data', () => {
  it('drops x-total, x-total-pages and rel="last" above the threshold but still pages to the end', async () => {
    const all = server.data.pipelines.get(projectId) ?? [];
    expect(all.length).toBeGreaterThan(25);
    const pages = await walkGitLab<{ id: number }>(`${server.url}/api/v4/projects/${projectId}/pipelines?per_page=10`, AUTH);
    expect(pages.flatMap((p) => p.items.map((x) => x.id)).sort()).toEqual(all.map((p) => p.id).sort());
    for (const p of pages) {
      expect(p.headers.has('x-total')).toBe(false);
      expect(p.headers.has('x-total-pages')).toBe(false);
      expect(parseLink(p.headers.get('link')).last).toBeUndefined();
      expect(parseLink(p.headers.get('link')).first).toBeDefined();
    }
    const small = await request(`${server.url}/api/v4/projects/${projectId}/pipelines?per_page=5&status=failed`, { headers: AUTH });
    const failed = all.filter((p) => p.status === 'failed').length;
    expect(failed).toBeLessThanOrEqual(25);
    expect(small.headers.get('x-total')).toBe(String(failed));
  });

  it('shows an updated MR to the next updated_after query, with updated_at bumped', async () => {
    const mrs = server.data.mergeRequests.get(projectId) ?? [];
    const target = mrs.find((m) => m.state === 'opened') ?? mrs[0];
    const since = new Date(Date.now() - 1000).toISOString();
    server.mutate((d) => updateMergeRequest(d, projectId, target?.iid ?? 0, { title: 'Draft: reworked', draft: true }));
    const got = await request(`${server.url}/api/v4/projects/${projectId}/merge_requests?state=all&order_by=updated_at&sort=asc&updated_after=${since}`, { headers: AUTH });
    expect(got.body).toEqual([expect.objectContaining({ iid: target?.iid, title: 'Draft: reworked', draft: true })]);
    expect(Date.parse((got.body as { updated_at: string }[])[0]?.updated_at ?? '')).toBeGreaterThanOrEqual(Date.parse(since));
  });

  it('lists a newly opened MR and a new pipeline with its jobs', async () => {
    const at = Date.now() + 60_000;
    const mr = addMergeRequest(server.data, projectId, { title: 'New work', at });
    const pipeline = addPipeline(server.data, projectId, { at, ref: `refs/merge-requests/${mr.iid}/head`, source: 'merge_request_event', status: 'running' });
    const opened = await request(`${server.url}/api/v4/projects/${projectId}/merge_requests?state=opened&order_by=created_at&per_page=1`, { headers: AUTH });
    expect(opened.body).toEqual([expect.objectContaining({ id: mr.id, iid: mr.iid, state: 'opened', title: 'New work' })]);
    const simple = await request(`${server.url}/api/v4/projects/${projectId}/merge_requests?view=simple&iids[]=${mr.iid}`, { headers: AUTH });
    expect(Object.keys((simple.body as object[])[0] ?? {}).sort()).toEqual(['created_at', 'description', 'id', 'iid', 'project_id', 'state', 'title', 'updated_at', 'web_url']);
    const mrPipelines = await request(`${server.url}/api/v4/projects/${projectId}/merge_requests/${mr.iid}/pipelines`, { headers: AUTH });
    expect(mrPipelines.body).toEqual([expect.objectContaining({ id: pipeline.id, status: 'running' })]);
    const running = await request(`${server.url}/api/v4/projects/${projectId}/pipelines?scope=running&order_by=id&sort=desc&per_page=1`, { headers: AUTH });
    expect((running.body as { id: number }[])[0]?.id).toBe(pipeline.id);
    const jobs = await request(`${server.url}/api/v4/projects/${projectId}/pipelines/${pipeline.id}/jobs`, { headers: AUTH });
    expect(jobs.body).toEqual([]);
    expect(mr.created_at).toBe(new Date(at).toISOString());
  });

  it('refuses unknown enum values the way Grape does', async () => {
    const bad = await request(`${server.url}/api/v4/projects/${projectId}/merge_requests?state=bogus`, { headers: AUTH });
    expect([bad.status, bad.body]).toEqual([400, { error: 'state does not have a valid value' }]);
    const page = await request(`${server.url}/api/v4/projects/${projectId}/merge_requests?page=x`, { headers: AUTH });
    expect([page.status, page.body]).toEqual([400, { error: 'page is invalid' }]);
  });
});
