import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedJira } from '../../electron/demo/seed';
import type { FakeServer } from '../servers/fake-server';
import { addPipeline, gitlabDatasetFromBundle, startGitLabServer, updateMergeRequest, type GitLabDataset } from '../servers/gitlab-server';
import { addWorklog, bumpIssue, deleteWorklog, findIssue, jiraDatasetFromBundle, startJiraServer, type JiraDataset } from '../servers/jira-server';
import { keychainAvailable, uniqueToken } from '../support/keychain';
import { call, callRaw, modelDigest, smallBundle, syncAndWait, testWorkspace, type TestWorkspace } from '../support/sync-harness';

const hasKeychain = await keychainAvailable();
// About 150 issues: more than one search page of 100.
const bundle = smallBundle(7, 0.08);
const EMAIL = 'lead@northwind.example';

/** Every file in the workspace folder, as bytes (database, WAL, logs, backups). */
function workspaceBytes(dir: string): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ file: p, bytes: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

describe.skipIf(!hasKeychain)('syncing Jira and GitLab through changes and faults', () => {
  let jira: FakeServer<JiraDataset>;
  let gitlab: FakeServer<GitLabDataset>;
  let t: TestWorkspace;
  let token: string;
  let glToken: string;
  // The Jira server's clock: its worklog feeds hide the last minute, so tests move time on explicitly.
  let clock = Date.now();

  beforeAll(async () => {
    token = uniqueToken('jira-secret');
    glToken = uniqueToken('gitlab-secret');
  });
  beforeEach(async () => {
    clock = Date.now();
    jira = await startJiraServer({ flavour: 'cloud', auth: { email: EMAIL, token }, data: jiraDatasetFromBundle(bundle), now: () => clock });
    gitlab = await startGitLabServer({ token: glToken, data: gitlabDatasetFromBundle(bundle) });
    t = testWorkspace();
    await call(t, 'sources:add', { kind: 'jira', name: 'Jira', baseUrl: jira.url, flavour: 'cloud', email: EMAIL, token, scope: { projects: ['PLAT', 'PAY', 'MOB', 'DATA'] } });
    await call(t, 'sources:add', { kind: 'gitlab', name: 'GitLab', baseUrl: gitlab.url, token: glToken, scope: { groups: ['northwind'], projects: [] } });
  });
  afterEach(async () => {
    for (const s of await call(t, 'sources:list', {})) if (s.hasToken) await call(t, 'sources:remove', { name: s.name });
    t.cleanup();
    await jira.close();
    await gitlab.close();
  });
  afterAll(() => undefined);

  it('picks up exactly what changed between two syncs, including odd values and deletions', async () => {
    await syncAndWait(t);
    const [first, second] = [...jira.data.issues.values()].filter((r) => r.worklogs.length > 0);
    const victim = first!.worklogs[0]!;
    clock += 60_000;
    jira.mutate((d) => {
      // Localised status name, non-Latin summary, a "-1" story-point placeholder: mapped by category, kept, dropped.
      bumpIssue(d, first!.bean.key, {
        fields: {
          summary: '修复登录问题 — Ölfeld',
          status: { ...first!.bean.fields.status, name: 'Erledigt', statusCategory: { ...first!.bean.fields.status.statusCategory, key: 'done', name: 'Fertig' } },
          customfield_10016: '-1' as unknown as number,
        },
        at: clock,
      });
      addWorklog(d, second!.bean.key, { timeSpentSeconds: 5400, at: clock });
      deleteWorklog(d, victim.id, clock);
    });
    clock += 120_000; // past the minute the worklog feeds hide
    const project = [...gitlab.data.mergeRequests.keys()][0]!;
    const mr = gitlab.data.mergeRequests.get(project)![0]!;
    const renamed = `${mr.title} (renamed)`;
    gitlab.mutate((d) => {
      updateMergeRequest(d, project, mr.iid, { title: renamed });
      addPipeline(d, project, { status: 'failed' });
    });
    const outcomes = await syncAndWait(t);
    expect(outcomes.map((o) => o.status)).toEqual(['succeeded', 'succeeded']);
    const db = t.ws.db;
    expect(db.prepare('SELECT summary, status, status_category, story_points FROM work_items WHERE key = ?').get(first!.bean.key)).toEqual({
      summary: '修复登录问题 — Ölfeld',
      status: 'Erledigt',
      status_category: 'done',
      story_points: null,
    });
    expect(db.prepare('SELECT count(*) FROM worklogs WHERE external_id = ?').pluck().get(String(victim.id))).toBe(0);
    expect(db.prepare('SELECT sum(seconds) FROM worklogs l JOIN work_items w ON w.id = l.work_item_id WHERE w.key = ?').pluck().get(second!.bean.key)).toBe(
      [...findIssue(jira.data, second!.bean.key)!.worklogs].reduce((n, w) => n + w.timeSpentSeconds, 0),
    );
    expect(db.prepare('SELECT title FROM merge_requests WHERE external_id = ?').pluck().get(String(mr.id))).toBe(renamed);
    const pipelines = gitlab.data.pipelines.get(project)!;
    expect(db.prepare('SELECT status FROM pipelines WHERE external_id = ?').pluck().get(String(pipelines[pipelines.length - 1]!.id))).toBe('failed');
  });

  it('rides out 429 storms, 5xx answers, garbled and cut-off bodies', async () => {
    jira.setFaults({ rules: [
      { match: { path: /\/search\/jql$/, times: 3 }, fault: { kind: 'rate-limit', retryAfterSeconds: 1, reason: 'jira-burst-based' } },
      { match: { path: /\/changelog$/, times: 1 }, fault: { kind: 'malformed-json' } },
      { match: { path: /\/worklog\/list$/, times: 1 }, fault: { kind: 'status', status: 503 } },
    ] });
    gitlab.setFaults({ rules: [
      { match: { path: /\/merge_requests$/, times: 2 }, fault: { kind: 'status', status: 500 } },
      { match: { path: /\/jobs$/, times: 2 }, fault: { kind: 'cut-off' } },
      { match: { path: /\/pipelines$/, times: 2 }, fault: { kind: 'rate-limit', retryAfterSeconds: 1 } },
    ] });
    const outcomes = await syncAndWait(t);
    expect(outcomes.map((o) => [o.source, o.status, o.error])).toEqual([['GitLab', 'succeeded', null], ['Jira', 'succeeded', null]]);
    expect(jira.requests.filter((r) => r.status === 429)).toHaveLength(3);
    expect(t.events.some((e) => e.waiting?.startsWith('rate limited'))).toBe(true);
    // The same rows as a clean sync of the same data.
    const reference = testWorkspace();
    seedJira(reference.ws.db, bundle, () => undefined, () => new Date().toISOString());
    expect(modelDigest(t.ws.db)['work_items']).toEqual(modelDigest(reference.ws.db)['work_items']);
    expect(modelDigest(t.ws.db)['status_changes']).toEqual(modelDigest(reference.ws.db)['status_changes']);
    expect(modelDigest(t.ws.db)['worklogs']).toEqual(modelDigest(reference.ws.db)['worklogs']);
    reference.cleanup();
  }, 60_000);

  it('fails one source cleanly on a persistent 500 and keeps the other', async () => {
    gitlab.setFaults({ rules: [{ match: { path: /\/pipelines$/ }, fault: { kind: 'status', status: 500 } }] });
    const outcomes = await syncAndWait(t);
    const byName = Object.fromEntries(outcomes.map((o) => [o.source, o]));
    expect(byName['Jira']!.status).toBe('succeeded');
    expect(byName['GitLab']!.status).toBe('failed');
    expect(byName['GitLab']!.error).toMatch(/failed with 500/);
    // Merge requests synced before the failing pipelines are kept.
    expect(t.ws.db.prepare('SELECT count(*) FROM merge_requests').pluck().get()).toBeGreaterThan(0);
  }, 120_000);

  it('stops on an expired token mid-sync, keeps whole pages, and finishes after the token is replaced', async () => {
    jira.setFaults({ rules: [{ match: { path: /\/search\/jql$/, afterN: 1, times: 1 }, fault: { kind: 'expire-token' } }] });
    const first = await syncAndWait(t, { source: 'Jira' });
    expect(first[0]!.status).toBe('failed');
    expect(first[0]!.error).toMatch(/rejected the credentials \(401\)/);
    const kept = t.ws.db.prepare('SELECT count(*) FROM work_items').pluck().get() as number;
    expect(kept).toBe(100); // exactly the first page, written with its cursor
    // The user enters a new token; the server accepts it; the sync resumes from the cursor.
    const fresh = uniqueToken('jira-new');
    await jira.close();
    jira = await startJiraServer({ flavour: 'cloud', auth: { email: EMAIL, token: fresh }, data: jira.data, now: () => clock });
    await call(t, 'sources:update', { name: 'Jira', token: fresh, baseUrl: jira.url });
    const second = await syncAndWait(t, { source: 'Jira' });
    expect(second[0]!.status).toBe('succeeded');
    const reference = testWorkspace();
    seedJira(reference.ws.db, bundle, () => undefined, () => new Date().toISOString());
    expect(modelDigest(t.ws.db)['work_items']).toEqual(modelDigest(reference.ws.db)['work_items']);
    reference.cleanup();
    // Resumed, not restarted: the second run's search was bounded by the first run's cursor.
    const searches = jira.requests.filter((r) => r.path === '/rest/api/3/search/jql');
    expect((searches[0]?.body as { jql: string }).jql).toMatch(/updated >= "/);
  }, 60_000);

  it('never writes a token to the database, its WAL, logs or error messages', async () => {
    jira.setFaults({ rules: [{ match: { path: /\/search\/jql$/, times: 1 }, fault: { kind: 'status', status: 401 } }] });
    const outcomes = await syncAndWait(t);
    await syncAndWait(t);
    const errors = outcomes.map((o) => o.error ?? '').join('\n');
    for (const secret of [token, glToken, Buffer.from(`${EMAIL}:${token}`).toString('base64')]) {
      expect(errors).not.toContain(secret);
      for (const { file, bytes } of workspaceBytes(t.dir)) expect(bytes.includes(Buffer.from(secret)), file).toBe(false);
    }
    expect(readFileSync(join(t.dir, 'logs', 'sync.log'), 'utf8')).toMatch(/"status":200/);
    // Nor does the server's own record of what it received show more than the auth scheme.
    expect(jira.requests[0]!.headers['authorization']).toBe('Basic [REDACTED]');
  }, 60_000);

  it('refuses a second sync while one runs, and reports cancellation', async () => {
    gitlab.setFaults({ rules: [{ match: { path: /./ }, fault: { kind: 'slow', delayMs: 50 } }] });
    const { jobId } = await call(t, 'sync:start', {});
    const again = await callRaw(t, 'sync:start', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect((await call(t, 'sync:status', {}))?.jobId).toBe(jobId);
    await new Promise((r) => setTimeout(r, 300));
    expect(await call(t, 'sync:cancel', { jobId })).toEqual({ cancelled: true });
    const outcomes = await t.ctx.services.sync.wait(jobId);
    expect(outcomes.some((o) => o.status === 'cancelled')).toBe(true);
    expect((await call(t, 'sync:history', {})).some((h) => h.status === 'cancelled')).toBe(true);
    expect(await call(t, 'sync:status', {})).toBeNull();
  }, 60_000);
});
