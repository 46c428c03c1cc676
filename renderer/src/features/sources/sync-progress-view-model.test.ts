import { describe, expect, it } from 'vitest';
import type { SyncProgressEvent } from '../../../../shared/ipc/contract';
import { etaText, progressPercent, syncProgressModel } from './sync-progress-view-model';

const event = (overrides: Partial<SyncProgressEvent> = {}): SyncProgressEvent => ({
  jobId: 'job-1',
  source: 'Northwind Jira',
  state: 'running',
  step: 'Jira issues',
  done: 120,
  total: 480,
  etaSeconds: 130,
  waiting: null,
  counts: { issues: 120, worklogs: 40 },
  message: null,
  ...overrides,
});

describe('etaText', () => {
  it('rounds to what a person would say', () => {
    expect(etaText(null)).toBeNull();
    expect(etaText(20)).toBe('less than a minute left');
    expect(etaText(130)).toBe('about 2 min left');
    expect(etaText(4_700)).toBe('about 1 h 20 min left');
    expect(etaText(7_150)).toBe('about 2 h left');
    expect(etaText(-1)).toBeNull();
  });
});

describe('progressPercent', () => {
  it('is null without a total and clamps to 0..100', () => {
    expect(progressPercent(5, null)).toBeNull();
    expect(progressPercent(120, 480)).toBe(25);
    expect(progressPercent(500, 480)).toBe(100);
    expect(progressPercent(0, 0)).toBe(100);
  });
});

describe('syncProgressModel', () => {
  it('draws a determinate bar with the step, counts and estimate while running', () => {
    expect(syncProgressModel(event())).toEqual({
      state: 'running',
      percent: 25,
      valueText: '120 of 480 · 25%',
      step: 'Jira issues',
      eta: 'about 2 min left',
      waiting: null,
      counts: '120 issues · 40 worklogs',
      note: null,
      showCancel: true,
    });
  });

  it('draws an indeterminate bar with the count when the total is unknown', () => {
    const model = syncProgressModel(event({ step: 'Merge requests in northwind/api (2/8)', total: null, etaSeconds: null, done: 57 }));
    expect(model).toMatchObject({ percent: null, valueText: '57 so far', step: 'Merge requests in northwind/api (2/8)', eta: null });
    expect(syncProgressModel(event({ total: null, done: 0, etaSeconds: null })).valueText).toBe('Working…');
  });

  it('shows the waiting note instead of an estimate when rate limited', () => {
    const model = syncProgressModel(event({ waiting: 'rate limited; retrying in 30 s' }));
    expect(model).toMatchObject({ waiting: 'rate limited; retrying in 30 s', eta: null });
    expect(syncProgressModel(event({ waiting: 'The connection to 127.0.0.1:9 failed (fetch failed).; retrying in 1 s' })).waiting).toBe(
      'The connection to 127.0.0.1:9 failed (fetch failed); retrying in 1 s',
    );
  });

  it('says what cancelling kept and why a sync failed, without a Cancel button', () => {
    expect(syncProgressModel(event({ state: 'cancelled' }))).toMatchObject({
      note: 'Cancelled — what was fetched is kept; the next sync resumes.',
      showCancel: false,
      eta: null,
    });
    expect(syncProgressModel(event({ state: 'failed', message: 'Jira answered 401.' }))).toMatchObject({ note: 'Jira answered 401.', showCancel: false });
    expect(syncProgressModel(event({ state: 'succeeded', step: 'Done', total: null }))).toMatchObject({ percent: 100, note: 'Finished.' });
  });
});
