import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGitLab, seedJira } from '../../electron/demo/seed';
import type { FakeServer } from '../servers/fake-server';
import { gitlabDatasetFromBundle, startGitLabServer, type GitLabDataset } from '../servers/gitlab-server';
import { jiraDatasetFromBundle, startJiraServer, type JiraDataset } from '../servers/jira-server';
import { assertBuilt, runCli, spawnCli } from '../support/cli';
import { keychainAvailable, uniqueToken } from '../support/keychain';
import { modelDigest, smallBundle, testWorkspace } from '../support/sync-harness';
import { tempDir } from '../support/temp';

const hasKeychain = await keychainAvailable();
const bundle = smallBundle(3, 0.15);

const waitFor = async (what: string, check: () => boolean, timeoutMs = 60_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(!hasKeychain)('a sync killed with SIGKILL', () => {
  let jira: FakeServer<JiraDataset>;
  let gitlab: FakeServer<GitLabDataset>;
  let dir: string;
  let cleanup: () => void;
  const token = uniqueToken('jira');
  const glToken = uniqueToken('gl');

  beforeAll(async () => {
    assertBuilt();
    jira = await startJiraServer({ flavour: 'cloud', auth: { email: 'a@b.example', token }, data: jiraDatasetFromBundle(bundle) });
    gitlab = await startGitLabServer({ token: glToken, data: gitlabDatasetFromBundle(bundle) });
    const t = tempDir();
    cleanup = t.cleanup;
    dir = join(t.dir, 'ws');
    expect((await runCli(['source', 'add', 'jira', '--workspace', dir, '--name', 'Jira', '--url', jira.url, '--email', 'a@b.example', '--projects', 'PLAT,PAY,MOB,DATA', '--token-stdin'], { input: token })).status).toBe(0);
    expect((await runCli(['source', 'add', 'gitlab', '--workspace', dir, '--name', 'GitLab', '--url', gitlab.url, '--groups', 'northwind', '--token-stdin'], { input: glToken })).status).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await runCli(['source', 'remove', '--workspace', dir, '--name', 'Jira']);
    await runCli(['source', 'remove', '--workspace', dir, '--name', 'GitLab']);
    await jira.close();
    await gitlab.close();
    cleanup();
  });

  it('is refused a second sync meanwhile, then leaves a workspace that opens, reports the run as interrupted and resumes to the same rows', async () => {
    // Slow answers so the kill lands mid-sync, after some pages were committed.
    jira.setFaults({ rules: [{ match: { path: /./ }, fault: { kind: 'slow', delayMs: 40 } }] });
    gitlab.setFaults({ rules: [{ match: { path: /./ }, fault: { kind: 'slow', delayMs: 20 } }] });
    const child = spawnCli(['sync', '--workspace', dir]);
    const db = new Database(join(dir, 'yardstick.sqlite'), { readonly: true });
    const mrs = () => db.prepare('SELECT count(*) FROM merge_requests').pluck().get() as number;
    await waitFor('some merge requests to be committed', () => mrs() > 0);
    // While it runs, a second sync from another process is refused, not interleaved.
    const second = await runCli(['sync', '--workspace', dir]);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/A sync is already running for this workspace \(process \d+/);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = mrs();
    db.close();
    expect(partial).toBeGreaterThan(0);

    // The workspace opens; the run is reported as interrupted (by whoever opens it next).
    const status = await runCli(['status', '--workspace', dir, '--format', 'json']);
    expect(status.status, status.stderr).toBe(0);
    jira.setFaults({ rules: [] });
    gitlab.setFaults({ rules: [] });
    const resumed = await runCli(['sync', '--workspace', dir, '--format', 'json']);
    expect(resumed.status, resumed.stderr).toBe(0);
    const history = JSON.parse((await runCli(['status', '--workspace', dir, '--format', 'json'])).stdout) as { sources: { name: string; lastSyncStatus: string }[] };
    expect(history.sources.every((s) => s.lastSyncStatus === 'succeeded')).toBe(true);
    const after = new Database(join(dir, 'yardstick.sqlite'), { readonly: true });
    expect(after.prepare("SELECT count(*) FROM sync_runs WHERE status = 'interrupted'").pluck().get()).toBe(1);
    expect(after.prepare("SELECT count(*) FROM sync_runs WHERE status = 'running'").pluck().get()).toBe(0);

    // Same rows as an uninterrupted sync: compared with the payloads written directly.
    const reference = testWorkspace();
    seedJira(reference.ws.db, bundle, () => undefined, () => new Date().toISOString());
    seedGitLab(reference.ws.db, bundle, () => undefined, () => new Date().toISOString());
    const got = modelDigest(after as unknown as Parameters<typeof modelDigest>[0]);
    const want = modelDigest(reference.ws.db);
    for (const table of Object.keys(want)) expect(got[table], table).toEqual(want[table]);
    after.close();
    reference.cleanup();
  }, 180_000);
});
