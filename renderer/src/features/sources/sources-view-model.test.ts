import { describe, expect, it } from 'vitest';
import type { SourceView } from '../../../../shared/ipc/contract';
import { orderSources, syncAllState } from './sources-view-model';

const source = (name: string, syncable: boolean): SourceView => ({
  name,
  kind: 'gitlab',
  baseUrl: 'https://gitlab.com',
  flavour: null,
  email: null,
  scope: { groups: ['g'], projects: [] },
  hasToken: syncable,
  syncable,
  createdAt: '2026-03-01T10:00:00.000Z',
  lastRun: null,
});

describe('orderSources', () => {
  it('lists connected sources first, then by name', () => {
    expect(orderSources([source('Demo', false), source('Zeta', true), source('Alpha', true)]).map((s) => s.name)).toEqual(['Alpha', 'Zeta', 'Demo']);
  });
});

describe('syncAllState', () => {
  it('needs a connected source and no running sync', () => {
    expect(syncAllState([source('Demo', false)], false)).toMatchObject({ disabled: true, title: expect.stringContaining('add a Jira or GitLab source') });
    expect(syncAllState([source('A', true), source('B', true)], false)).toEqual({ disabled: false, title: 'Sync all 2 connected sources, one after another.' });
    expect(syncAllState([source('A', true)], true).disabled).toBe(true);
  });
});
