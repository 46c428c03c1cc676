import { describe, expect, it } from 'vitest';
import type { SyncRun } from '../../../../shared/ipc/contract';
import { runDuration, syncHistoryRow, syncHistoryRows } from './sync-history-view-model';

const run = (overrides: Partial<SyncRun> = {}): SyncRun => ({
  id: 1,
  source: 'Northwind Jira',
  startedAt: '2026-03-02T09:00:00.000Z',
  finishedAt: '2026-03-02T09:03:05.000Z',
  status: 'succeeded',
  full: false,
  stats: { issues: 1204, worklogs: 5112 },
  error: null,
  ...overrides,
});

const NOW = Date.parse('2026-03-02T09:10:00.000Z');

describe('syncHistoryRow', () => {
  it('formats a succeeded incremental run', () => {
    const row = syncHistoryRow(run(), NOW);
    expect(row).toMatchObject({ source: 'Northwind Jira', duration: '3 min 5 s', status: 'Succeeded', tone: 'ok', mode: 'Incremental', changes: '1,204 issues · 5,112 worklogs', error: null, statusNote: null });
    expect(row.started).toMatch(/^2 Mar 2026, \d{2}:\d{2}$/);
  });

  it('shows the error for failed runs only', () => {
    expect(syncHistoryRow(run({ status: 'failed', error: 'Jira answered 401: the token was refused.' }), NOW)).toMatchObject({
      status: 'Failed',
      tone: 'error',
      error: 'Jira answered 401: the token was refused.',
    });
    expect(syncHistoryRow(run({ status: 'cancelled', error: 'Cancelled; kept.' }), NOW).error).toBeNull();
  });

  it('explains interrupted and cancelled runs', () => {
    expect(syncHistoryRow(run({ status: 'interrupted' }), NOW).statusNote).toContain('app stopped during this sync');
    expect(syncHistoryRow(run({ status: 'cancelled' }), NOW).statusNote).toBe('Cancelled — what was fetched is kept; the next sync resumes.');
  });

  it('labels full re-syncs and runs that fetched nothing', () => {
    expect(syncHistoryRow(run({ full: true, stats: {} }), NOW)).toMatchObject({ mode: 'Full', changes: 'Nothing new' });
    expect(syncHistoryRow(run({ status: 'failed', stats: { issues: 0 } }), NOW).changes).toBe('Nothing fetched');
    expect(syncHistoryRow(run({ status: 'running', finishedAt: null, stats: {} }), NOW).changes).toBe('In progress');
  });
});

describe('runDuration', () => {
  it('measures a running sync up to now and leaves an unfinished dead one blank', () => {
    expect(runDuration({ startedAt: '2026-03-02T09:00:00.000Z', finishedAt: null, status: 'running' }, NOW)).toBe('10 min so far');
    expect(runDuration({ startedAt: '2026-03-02T09:00:00.000Z', finishedAt: null, status: 'interrupted' }, NOW)).toBe('—');
  });
});

describe('syncHistoryRows', () => {
  it('puts the latest run first', () => {
    const rows = syncHistoryRows([run({ id: 1 }), run({ id: 3 }), run({ id: 2 })], NOW);
    expect(rows.map((r) => r.id)).toEqual([3, 2, 1]);
  });
});
