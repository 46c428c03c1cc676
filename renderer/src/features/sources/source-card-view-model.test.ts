import { describe, expect, it } from 'vitest';
import type { SourceView } from '../../../../shared/ipc/contract';
import { connectionResult, kindLabel, removalConsequences, scopeText, sourceCardModel } from './source-card-view-model';

const source = (overrides: Partial<SourceView> = {}): SourceView => ({
  name: 'Northwind Jira',
  kind: 'jira',
  baseUrl: 'https://northwind.atlassian.net',
  flavour: 'cloud',
  email: 'mia@northwind.example',
  scope: { projects: ['ENG', 'OPS'], startDate: '2026-01-01' },
  hasToken: true,
  syncable: true,
  createdAt: '2026-03-01T10:00:00.000Z',
  lastRun: null,
  ...overrides,
});

const idle = { syncBusy: false, testing: false };

describe('kindLabel and scopeText', () => {
  it('names the kind and flavour', () => {
    expect(kindLabel({ kind: 'jira', flavour: 'cloud' })).toBe('Jira Cloud');
    expect(kindLabel({ kind: 'jira', flavour: 'datacenter' })).toBe('Jira Data Center');
    expect(kindLabel({ kind: 'gitlab', flavour: null })).toBe('GitLab');
    expect(kindLabel({ kind: 'import', flavour: null })).toBe('File import');
  });

  it('summarises the scope', () => {
    expect(scopeText({ projects: ['ENG', 'OPS'], jql: 'labels = ai', startDate: '2026-01-01' })).toBe('Projects ENG, OPS · JQL labels = ai · From 1 Jan 2026');
    expect(scopeText({ groups: ['northwind'], projects: [] })).toBe('Groups northwind · All history');
    expect(scopeText(null)).toBe('—');
  });
});

describe('sourceCardModel', () => {
  it('gives a connected source every button and says where its token is', () => {
    const model = sourceCardModel(source(), idle);
    expect(model).toMatchObject({ kindLabel: 'Jira Cloud', notConnected: null, account: 'mia@northwind.example', token: 'Token in the OS keychain' });
    expect(Object.values(model.actions).every((a) => a.shown && !a.disabled)).toBe(true);
    expect(model.lastSync).toMatchObject({ text: 'Never synced', changes: null });
  });

  it('marks demo sources as not connected, with nothing to test or sync', () => {
    const model = sourceCardModel(source({ hasToken: false, syncable: false }), idle);
    expect(model.notConnected).toBe('Demo data — not connected');
    expect(model.token).toBe('No token stored');
    expect(model.actions).toMatchObject({ test: { shown: false }, sync: { shown: false }, fullResync: { shown: false }, edit: { shown: false }, remove: { shown: true } });
  });

  it('disables syncing and removing while a sync runs, but not testing', () => {
    const { actions } = sourceCardModel(source(), { syncBusy: true, testing: false });
    expect(actions.sync).toMatchObject({ disabled: true, title: 'A sync is running; wait for it or cancel it.' });
    expect(actions.fullResync.disabled).toBe(true);
    expect(actions.remove.disabled).toBe(true);
    expect(actions.test.disabled).toBe(false);
    expect(sourceCardModel(source(), { syncBusy: false, testing: true }).actions.test.disabled).toBe(true);
  });

  it('describes the last sync: when, how it went and what changed', () => {
    const lastRun = { startedAt: '2026-03-02T09:00:00.000Z', finishedAt: '2026-03-02T09:03:00.000Z', status: 'succeeded', stats: { issues: 1204, worklogs: 5112 }, error: null };
    const { lastSync } = sourceCardModel(source({ lastRun }), idle);
    expect(lastSync.text).toMatch(/^Succeeded · 2 Mar 2026, \d{2}:\d{2}$/);
    expect(lastSync).toMatchObject({ tone: 'ok', changes: '1,204 issues · 5,112 worklogs', note: null });
    const failed = sourceCardModel(source({ lastRun: { ...lastRun, status: 'failed', stats: {}, error: 'Jira answered 401.' } }), idle).lastSync;
    expect(failed).toMatchObject({ tone: 'error', changes: null, note: 'Jira answered 401.', noteTone: 'error' });
    const cancelled = sourceCardModel(source({ lastRun: { ...lastRun, status: 'cancelled', error: 'Cancelled; …' } }), idle).lastSync;
    expect(cancelled.note).toBe('Cancelled — what was fetched is kept; the next sync resumes.');
  });
});

describe('connectionResult', () => {
  it('says who the credentials connect as, or the reason they do not', () => {
    expect(connectionResult({ ok: true, identity: 'Mia Krystof', server: 'Jira Cloud 1001.0' })).toEqual({ ok: true, text: 'Connected as Mia Krystof · Jira Cloud 1001.0' });
    expect(connectionResult({ ok: true, identity: 'Mia Krystof (@mia)', server: null }).text).toBe('Connected as Mia Krystof (@mia)');
    expect(connectionResult({ ok: false, code: 'NETWORK', message: 'Could not reach 127.0.0.1:9.' })).toEqual({ ok: false, text: 'Could not reach 127.0.0.1:9.' });
  });
});

describe('removalConsequences', () => {
  it('says exactly what goes: the source, what was synced from it and its keychain entry', () => {
    expect(removalConsequences(source())).toBe(
      'This removes the source “Northwind Jira”, everything synced from it (issues, worklogs and their history) and its token in the OS keychain. Figures are recalculated without it.',
    );
    expect(removalConsequences(source({ name: 'Demo GitLab', kind: 'gitlab', hasToken: false }))).not.toContain('keychain');
  });
});
