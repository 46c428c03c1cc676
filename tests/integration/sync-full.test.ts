import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGitLab, seedJira } from '../../electron/demo/seed';
import { gitlabDatasetFromBundle, startGitLabServer } from '../servers/gitlab-server';
import { jiraDatasetFromBundle, startJiraServer } from '../servers/jira-server';
import type { FakeServer } from '../servers/fake-server';
import type { GitLabDataset } from '../servers/gitlab-server';
import type { JiraDataset } from '../servers/jira-server';
import { keychainAvailable, uniqueToken } from '../support/keychain';
import { call, modelDigest, smallBundle, syncAndWait, testWorkspace, type TestWorkspace } from '../support/sync-harness';

const hasKeychain = await keychainAvailable();
const token = uniqueToken('jira');
const glToken = uniqueToken('gitlab');

describe.skipIf(!hasKeychain)('a full sync from Jira Cloud and GitLab servers', () => {
  let jira: FakeServer<JiraDataset>;
  let gitlab: FakeServer<GitLabDataset>;
  let synced: TestWorkspace;
  let reference: TestWorkspace;
  const bundle = smallBundle();

  beforeAll(async () => {
    jira = await startJiraServer({ flavour: 'cloud', auth: { email: 'lead@northwind.example', token }, data: jiraDatasetFromBundle(bundle) });
    gitlab = await startGitLabServer({ basePath: '/gitlab', token: glToken, data: gitlabDatasetFromBundle(bundle) });
    synced = testWorkspace();
    await call(synced, 'sources:add', { kind: 'jira', name: 'Jira', baseUrl: jira.url, flavour: 'cloud', email: 'lead@northwind.example', token, scope: { projects: ['PLAT', 'PAY', 'MOB', 'DATA'] } });
    await call(synced, 'sources:add', { kind: 'gitlab', name: 'GitLab', baseUrl: gitlab.url, token: glToken, scope: { groups: ['northwind'], projects: [] } });
    // The same payloads written straight through the ingest code, as the demo does.
    reference = testWorkspace();
    const noProgress = () => undefined;
    seedJira(reference.ws.db, bundle, noProgress, () => new Date().toISOString());
    seedGitLab(reference.ws.db, bundle, noProgress, () => new Date().toISOString());
  }, 120_000);
  afterAll(async () => {
    await jira?.close();
    await gitlab?.close();
    for (const t of [synced, reference]) if (t) {
      for (const s of await call(t, 'sources:list', {})) if (s.hasToken) await call(t, 'sources:remove', { name: s.name });
      t.cleanup();
    }
  });

  it('fetches over HTTP exactly the model the payloads describe', async () => {
    const outcomes = await syncAndWait(synced);
    expect(outcomes.map((o) => [o.source, o.status, o.error])).toEqual([
      ['GitLab', 'succeeded', null],
      ['Jira', 'succeeded', null],
    ]);
    const got = modelDigest(synced.ws.db);
    const want = modelDigest(reference.ws.db);
    for (const table of Object.keys(want)) {
      expect(got[table]!.length, table).toBe(want[table]!.length);
      expect(got[table], table).toEqual(want[table]);
    }
    expect(got['work_items']!.length).toBeGreaterThan(100);
    // Truncated embedded changelogs were completed from the changelog endpoint.
    expect(jira.requests.some((r) => /\/issue\/[^/]+\/changelog$/.test(r.path))).toBe(true);
    // The removed search endpoint was never called; enhanced search was.
    expect(jira.requests.some((r) => r.path === '/rest/api/3/search')).toBe(false);
    expect(jira.requests.some((r) => r.path === '/rest/api/3/search/jql')).toBe(true);
    // Pipelines came with their durations, so each detail was fetched.
    expect(gitlab.requests.filter((r) => /\/pipelines\/\d+$/.test(r.path)).length).toBeGreaterThan(0);
  }, 120_000);

  it('records what it did in the sync history and builds records', async () => {
    const history = await call(synced, 'sync:history', {});
    expect(history.map((h) => h.status)).toEqual(['succeeded', 'succeeded']);
    const jiraRun = history.find((h) => h.source === 'Jira')!;
    expect(jiraRun.stats['issues']).toBe(modelDigest(reference.ws.db)['work_items']!.length);
    // Progress: counts as pages land, with a total where the server gives one (Jira's approximate count, GitLab's x-total).
    const jiraIssues = synced.events.filter((e) => e.source === 'Jira' && e.step === 'Jira issues');
    expect(jiraIssues.at(-1)?.done).toBe(jiraRun.stats['issues']);
    expect(jiraIssues.some((e) => e.total !== null && e.total >= e.done)).toBe(true);
    expect(synced.events.some((e) => e.source === 'GitLab' && e.step.startsWith('Merge requests') && e.total !== null)).toBe(true);
    expect(synced.ws.db.prepare('SELECT count(*) FROM records').pluck().get()).toBeGreaterThan(0);
  });

  it('a second sync with nothing changed fetches only the overlap and writes nothing new', async () => {
    const before = modelDigest(synced.ws.db);
    const jiraRequests = jira.requests.length;
    const gitlabRequests = gitlab.requests.length;
    const outcomes = await syncAndWait(synced);
    expect(outcomes.every((o) => o.status === 'succeeded')).toBe(true);
    expect(modelDigest(synced.ws.db)).toEqual(before);
    const searches = jira.requests.slice(jiraRequests).filter((r) => r.path === '/rest/api/3/search/jql');
    expect((searches[0]?.body as { jql: string }).jql).toMatch(/updated >= "/);
    // A handful of requests, not the whole site again.
    expect(jira.requests.length - jiraRequests).toBeLessThan(20);
    expect(gitlab.requests.length - gitlabRequests).toBeLessThan(80);
    const mrLists = gitlab.requests.slice(gitlabRequests).filter((r) => /\/merge_requests$/.test(r.path));
    expect(mrLists.every((r) => typeof r.query['updated_after'] === 'string')).toBe(true);
  });
});
