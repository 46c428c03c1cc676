import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../servers/fake-server';
import { gitlabDatasetFromBundle, startGitLabServer, type GitLabDataset } from '../servers/gitlab-server';
import { jiraDatasetFromBundle, startJiraServer, type JiraDataset } from '../servers/jira-server';
import { assertBuilt, runCli } from '../support/cli';
import { keychainAvailable, testSecrets, uniqueToken } from '../support/keychain';
import { smallBundle } from '../support/sync-harness';
import { tempDir } from '../support/temp';

const hasKeychain = await keychainAvailable();
const bundle = smallBundle(5, 0.04);

describe.skipIf(!hasKeychain)('yardstick source … and sync from the command line', () => {
  let dc: FakeServer<JiraDataset>;
  let gitlab: FakeServer<GitLabDataset>;
  let plain: ReturnType<typeof createServer>;
  let plainUrl: string;
  let ws: string;
  let cleanup: () => void;
  const pat = uniqueToken('dc-pat');
  const glToken = uniqueToken('gl');

  beforeAll(async () => {
    assertBuilt();
    dc = await startJiraServer({ flavour: 'datacenter', basePath: '/jira', auth: { pat }, data: jiraDatasetFromBundle(bundle), forbiddenPaths: [/^\/rest\/api\/2\/serverInfo$/] });
    gitlab = await startGitLabServer({ basePath: '/gitlab', token: glToken, data: gitlabDatasetFromBundle(bundle) });
    // A plain HTTP server: https:// to it fails the TLS handshake, as a misconfigured proxy would.
    plain = createServer((_req, res) => res.end('hello'));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    plainUrl = `127.0.0.1:${(plain.address() as AddressInfo).port}`;
    const t = tempDir();
    cleanup = t.cleanup;
    ws = join(t.dir, 'ws');
  }, 60_000);
  afterAll(async () => {
    await dc.close();
    await gitlab.close();
    plain.close();
    cleanup();
  });

  it('starts a workspace with its first source, taking the token only from standard input', async () => {
    expect((await runCli(['status', '--workspace', ws])).stderr).toMatch(/^yardstick status: No Yardstick workspace in /);
    const noStdin = await runCli(['source', 'add', 'jira', '--workspace', ws, '--name', 'DC', '--url', dc.url, '--projects', 'PLAT']);
    expect(noStdin.status).toBe(1);
    expect(noStdin.stderr).toMatch(/--token-stdin .*shell history/);
    const invalid = await runCli(['source', 'add', 'jira', '--workspace', ws, '--name', 'DC', '--url', 'not a url', '--token-stdin'], { input: pat });
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/baseUrl: must be a full URL.*scope: choose at least one project or a JQL filter/);
    const added = await runCli(['source', 'add', 'jira', '--workspace', ws, '--name', 'DC', '--url', dc.url, '--projects', 'PLAT', '--token-stdin'], { input: `${pat}\n` });
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^Added DC +jira\/datacenter/);
    expect((await runCli(['source', 'add', 'jira', '--workspace', ws, '--name', 'DC', '--url', dc.url, '--projects', 'PLAT', '--token-stdin'], { input: pat })).stderr).toMatch(/already exists/);
  });

  it('reports connection problems plainly', async () => {
    const dir = join(ws, '..', 'probe');
    await runCli(['demo', '--workspace', dir]);
    const add = (name: string, url: string, token: string) =>
      runCli(['source', 'add', 'jira', '--workspace', dir, '--name', name, '--url', url, '--flavour', 'datacenter', '--projects', 'PLAT', '--token-stdin'], { input: token });
    expect((await add('Good', dc.url, pat)).status).toBe(0);
    expect((await add('Bad token', dc.url, 'nope')).status).toBe(0);
    // A port nothing listens on: bind one, then close it.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect((await add('Unreachable', `http://127.0.0.1:${closedPort}`, pat)).status).toBe(0);
    expect((await add('Not Jira', gitlab.url, pat)).status).toBe(0);
    expect((await add('TLS', `https://${plainUrl}`, pat)).status).toBe(0);
    const test = (name: string) => runCli(['source', 'test', '--workspace', dir, '--name', name]);
    const good = await test('Good');
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^Connected as .+/);
    expect((await test('Bad token')).stderr).toMatch(/rejected the credentials \(401\).*personal access token/);
    expect((await test('Unreachable')).stderr).toMatch(/refused the connection/);
    expect((await test('Not Jira')).stderr).toMatch(/does not answer like a Jira site/);
    expect((await test('TLS')).stderr).toMatch(/TLS certificate .* could not be verified|TLS/);
    // The list shows sources without ever showing a token.
    const list = await runCli(['source', 'list', '--workspace', dir, '--format', 'json']);
    expect(list.stdout).not.toContain(pat);
    expect(JSON.parse(list.stdout).find((s: { name: string }) => s.name === 'Good')).toMatchObject({ kind: 'jira', flavour: 'datacenter', hasToken: true });
  }, 60_000);

  it('syncs Data Center and GitLab from the CLI, prints what changed, and removes a source with its secret', async () => {
    const dir = join(ws, '..', 'cli-sync');
    await runCli(['demo', '--workspace', dir]);
    expect((await runCli(['source', 'add', 'jira', '--workspace', dir, '--name', 'DC', '--url', dc.url, '--projects', 'PLAT,PAY,MOB,DATA', '--token-stdin'], { input: pat })).status).toBe(0);
    expect((await runCli(['source', 'add', 'gitlab', '--workspace', dir, '--name', 'GL', '--url', gitlab.url, '--groups', 'northwind', '--token-stdin'], { input: glToken })).status).toBe(0);
    const sync = await runCli(['sync', '--workspace', dir, '--format', 'json']);
    expect(sync.status, sync.stderr).toBe(0);
    const summary = JSON.parse(sync.stdout) as { sources: { source: string; status: string; stats: Record<string, number> }[] };
    const issues = [...dc.data.issues.values()].length;
    expect(summary.sources.find((s) => s.source === 'DC')).toMatchObject({ status: 'succeeded', stats: { issues } });
    expect(summary.sources.find((s) => s.source === 'GL')?.status).toBe('succeeded');
    expect(sync.stderr).toMatch(/… DC: Jira issues/);
    // Data Center: offset search under /jira, worklogs per issue, never Cloud's v3 endpoints.
    expect(dc.requests.some((r) => r.path === '/rest/api/2/search')).toBe(true);
    expect(dc.requests.some((r) => r.path.startsWith('/rest/api/3/'))).toBe(false);
    const db = new Database(join(dir, 'yardstick.sqlite'), { readonly: true });
    const ref = db.prepare("SELECT secret_ref FROM sources WHERE name = 'GL'").pluck().get() as string;
    db.close();
    expect(await testSecrets().get(ref)).toBe(glToken);
    const removed = await runCli(['source', 'remove', '--workspace', dir, '--name', 'GL']);
    expect(removed.status).toBe(0);
    expect(await testSecrets().get(ref)).toBeNull();
    const after = new Database(join(dir, 'yardstick.sqlite'), { readonly: true });
    // The demo's own GitLab data stays; the removed source's rows went with it.
    expect(after.prepare("SELECT count(*) FROM sources WHERE name = 'GL'").pluck().get()).toBe(0);
    after.close();
  }, 120_000);

  it('refuses to store a token when no Secret Service is running, and says why', async () => {
    const dir = join(ws, '..', 'no-keyring');
    await runCli(['demo', '--workspace', dir]);
    const r = await runCli(['source', 'add', 'gitlab', '--workspace', dir, '--name', 'GL', '--url', gitlab.url, '--groups', 'northwind', '--token-stdin'], {
      input: glToken,
      env: { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No Secret Service is running/);
    const db = new Database(join(dir, 'yardstick.sqlite'), { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sources WHERE name = 'GL'").pluck().get()).toBe(0);
    db.close();
  });
});
