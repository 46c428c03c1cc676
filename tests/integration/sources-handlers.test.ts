import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainAvailable, testSecrets, uniqueToken } from '../support/keychain';
import { call, callRaw, smallBundle, testWorkspace, type TestWorkspace } from '../support/sync-harness';
import { jiraDatasetFromBundle, startJiraServer } from '../servers/jira-server';

const hasKeychain = await keychainAvailable();

describe.skipIf(!hasKeychain)('sources channels', () => {
  let t: TestWorkspace;
  beforeEach(() => {
    t = testWorkspace();
  });
  afterEach(async () => {
    for (const s of await call(t, 'sources:list', {})) if (s.hasToken) await call(t, 'sources:remove', { name: s.name });
    t.cleanup();
  });

  it('keeps the token in the keychain, replaces it on edit, and checks a new scope against the source kind', async () => {
    const token = uniqueToken('gl');
    const added = await call(t, 'sources:add', { kind: 'gitlab', name: 'GL', baseUrl: 'https://gitlab.example/gitlab/', token, scope: { groups: ['northwind'], projects: [] } });
    expect(added).toMatchObject({ name: 'GL', baseUrl: 'https://gitlab.example/gitlab', hasToken: true, syncable: true, scope: { groups: ['northwind'] } });
    expect(JSON.stringify(added)).not.toContain(token);
    const ref = t.ws.db.prepare("SELECT secret_ref FROM sources WHERE name = 'GL'").pluck().get() as string;
    expect(await testSecrets().get(ref)).toBe(token);
    expect(t.ws.db.prepare('SELECT config_json FROM sources').pluck().get()).not.toContain(token);

    // A GitLab scope of projects only (paths without "/" too) stays a GitLab scope.
    const edited = await call(t, 'sources:update', { name: 'GL', scope: { groups: [], projects: ['tools'] }, token: `${token}-2` });
    expect(edited.scope).toEqual({ groups: [], projects: ['tools'] });
    expect(await testSecrets().get(ref)).toBe(`${token}-2`);
    const wrong = await callRaw(t, 'sources:update', { name: 'GL', scope: { jql: 'project = X' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/does not fit a GitLab source/) } });

    expect(await call(t, 'sources:remove', { name: 'GL' })).toEqual({ removed: true });
    expect(await testSecrets().get(ref)).toBeNull();
  });

  it('refuses duplicates and Jira Cloud without an e-mail, storing nothing', async () => {
    const noEmail = await callRaw(t, 'sources:add', { kind: 'jira', name: 'J', baseUrl: 'https://x.atlassian.net', flavour: 'cloud', token: 't', scope: { projects: ['ENG'] } });
    expect(noEmail).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await call(t, 'sources:add', { kind: 'jira', name: 'J', baseUrl: 'https://jira.example/jira', flavour: 'datacenter', token: uniqueToken(), scope: { projects: ['ENG'], startDate: '2026-01-01' } });
    const dup = await callRaw(t, 'sources:add', { kind: 'jira', name: 'J', baseUrl: 'https://jira.example/jira', flavour: 'datacenter', token: 'x', scope: { projects: ['ENG'] } });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(t.ws.db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(1);
  });

  it('tests a draft before saving: no permission is a plain 403, and nothing is stored', async () => {
    const jira = await startJiraServer({ flavour: 'datacenter', auth: { pat: 'pat-1' }, data: jiraDatasetFromBundle(smallBundle(5, 0.02)), forbiddenPaths: [/\/myself$/] });
    try {
      const draft = { kind: 'jira' as const, name: 'DC', baseUrl: jira.url, flavour: 'datacenter' as const, token: 'pat-1', scope: { projects: ['PLAT'] } };
      const result = await call(t, 'sources:test', { draft });
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/refused access \(403\).*lacks permission/) });
      expect(await call(t, 'sources:list', {})).toEqual([]);
    } finally {
      await jira.close();
    }
  });
});
