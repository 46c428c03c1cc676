import { describe, expect, it } from 'vitest';
import type { SyncProgressEvent } from '../../../../shared/ipc/contract';
import { INITIAL_SYNC_JOB_STATE, applyJobStatus, applyProgressEvent, clearFinished, jobStarted, jobWindingDown, sourceSyncView, type SyncJobState } from './sync-job-model';

const event = (overrides: Partial<SyncProgressEvent> = {}): SyncProgressEvent => ({
  jobId: 'job-1',
  source: 'Jira',
  state: 'running',
  step: 'Jira issues',
  done: 10,
  total: 100,
  etaSeconds: 60,
  waiting: null,
  counts: { issues: 10 },
  message: null,
  ...overrides,
});

const running = (sources = ['Jira', 'GitLab']): SyncJobState => jobStarted(INITIAL_SYNC_JOB_STATE, 'job-1', sources);

describe('sync job model', () => {
  it('shows a started job’s sources as queued until their progress arrives', () => {
    let state = running();
    expect(sourceSyncView(state, 'GitLab')).toEqual({ kind: 'queued' });
    state = applyProgressEvent(state, event());
    expect(sourceSyncView(state, 'Jira')).toMatchObject({ kind: 'progress', event: { done: 10 } });
    expect(sourceSyncView(state, 'Other')).toBeNull();
  });

  it('keeps events that arrived before sync:start answered', () => {
    let state = applyProgressEvent(INITIAL_SYNC_JOB_STATE, event());
    expect(state.job).toEqual({ jobId: 'job-1', sources: ['Jira'] });
    state = jobStarted(state, 'job-1', ['Jira', 'GitLab']);
    expect(state.progress.Jira?.done).toBe(10);
    expect(state.job?.sources).toEqual(['Jira', 'GitLab']);
  });

  it('ignores stray closing events of jobs it does not know', () => {
    expect(applyProgressEvent(INITIAL_SYNC_JOB_STATE, event({ jobId: 'old', state: 'failed' }))).toBe(INITIAL_SYNC_JOB_STATE);
  });

  it('winds down when every source finished or one was cancelled', () => {
    let state = applyProgressEvent(running(), event({ state: 'succeeded' }));
    expect(jobWindingDown(state)).toBe(false);
    state = applyProgressEvent(state, event({ source: 'GitLab', state: 'failed', message: 'boom' }));
    expect(jobWindingDown(state)).toBe(true);
    const cancelled = applyProgressEvent(running(), event({ state: 'cancelled' }));
    expect(jobWindingDown(cancelled)).toBe(true);
    expect(sourceSyncView(cancelled, 'GitLab')).toBeNull();
  });

  it('ends the job when sync:status says none runs, keeping closing progress until cleared', () => {
    let state = applyProgressEvent(running(), event({ state: 'cancelled' }));
    state = applyProgressEvent(state, event({ source: 'GitLab', state: 'running' }));
    state = applyJobStatus(state, null);
    expect(state.job).toBeNull();
    expect(state.lastJobId).toBe('job-1');
    expect(Object.keys(state.progress)).toEqual(['Jira']);
    // A closing event that arrives after the status still lands.
    state = applyProgressEvent(state, event({ source: 'GitLab', state: 'cancelled' }));
    expect(state.progress.GitLab?.state).toBe('cancelled');
    expect(clearFinished(state).progress).toEqual({});
  });

  it('picks up a running job from sync:status after a reload', () => {
    const state = applyJobStatus(INITIAL_SYNC_JOB_STATE, { jobId: 'job-9', sources: ['Jira', 'GitLab'], startedAt: '2026-03-02T09:00:00Z', progress: [event({ jobId: 'job-9' })] });
    expect(state.job).toEqual({ jobId: 'job-9', sources: ['Jira', 'GitLab'] });
    expect(sourceSyncView(state, 'Jira')).toMatchObject({ kind: 'progress' });
    expect(sourceSyncView(state, 'GitLab')).toEqual({ kind: 'queued' });
  });

  it('lets events win over a poll that was in flight, but never reopens a finished source', () => {
    let state = applyProgressEvent(running(), event({ done: 50 }));
    state = applyJobStatus(state, { jobId: 'job-1', sources: ['Jira', 'GitLab'], startedAt: 'x', progress: [event({ done: 40 })] });
    expect(state.progress.Jira?.done).toBe(50);
    state = applyJobStatus(state, { jobId: 'job-1', sources: ['Jira', 'GitLab'], startedAt: 'x', progress: [event({ done: 100, state: 'succeeded' })] });
    expect(state.progress.Jira?.state).toBe('succeeded');
    state = applyJobStatus(state, { jobId: 'job-1', sources: ['Jira', 'GitLab'], startedAt: 'x', progress: [event({ done: 60 })] });
    expect(state.progress.Jira?.state).toBe('succeeded');
  });
});
