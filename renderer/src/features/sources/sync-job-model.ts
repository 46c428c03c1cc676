import type { ChannelOutput, SyncProgressEvent } from '../../../../shared/ipc/contract';

/**
 * What the renderer knows about the sync job: which job runs, which sources it covers, and the
 * latest progress per source. Fed by sync:progress events and, as a backstop for missed events or a
 * reloaded window, by sync:status. Pure, so the ordering rules below are tested without a server.
 */
export type SyncJobStatus = ChannelOutput<'sync:status'>;

export type SyncJobState = {
  job: { jobId: string; sources: string[] } | null;
  /** The job that finished last: its closing events may still arrive after sync:status said it ended. */
  lastJobId: string | null;
  progress: Record<string, SyncProgressEvent>;
};

export const INITIAL_SYNC_JOB_STATE: SyncJobState = { job: null, lastJobId: null, progress: {} };

const isFinished = (event: SyncProgressEvent): boolean => event.state !== 'running';

const withSources = (sources: string[], more: string[]): string[] => [...new Set([...sources, ...more])];

/** sync:start answered: this job runs now. Events that raced ahead of the answer are kept. */
export function jobStarted(state: SyncJobState, jobId: string, sources: string[]): SyncJobState {
  if (state.job?.jobId === jobId) return { ...state, job: { jobId, sources: withSources(state.job.sources, sources) } };
  return { job: { jobId, sources }, lastJobId: state.lastJobId, progress: {} };
}

export function applyProgressEvent(state: SyncJobState, event: SyncProgressEvent): SyncJobState {
  if (state.job?.jobId === event.jobId) {
    return { ...state, job: { ...state.job, sources: withSources(state.job.sources, [event.source]) }, progress: { ...state.progress, [event.source]: event } };
  }
  if (event.jobId === state.lastJobId) {
    return isFinished(event) ? { ...state, progress: { ...state.progress, [event.source]: event } } : state;
  }
  // A job this window did not start (another window, or events before sync:status answered).
  if (event.state === 'running') return { job: { jobId: event.jobId, sources: [event.source] }, lastJobId: state.lastJobId, progress: { [event.source]: event } };
  return state;
}

/** sync:status answered. Null means no job runs: a job we thought was running has ended. */
export function applyJobStatus(state: SyncJobState, status: SyncJobStatus): SyncJobState {
  if (status === null) {
    if (state.job === null) return state;
    // Progress still marked running was never closed by an event; the history tells how it ended.
    const closed = Object.fromEntries(Object.entries(state.progress).filter(([, event]) => event.jobId === state.job?.jobId && isFinished(event)));
    return { job: null, lastJobId: state.job.jobId, progress: closed };
  }
  const fromStatus = Object.fromEntries(status.progress.map((event) => [event.source, event]));
  if (state.job?.jobId !== status.jobId) return { job: { jobId: status.jobId, sources: status.sources }, lastJobId: state.lastJobId, progress: fromStatus };
  // Events are newer than a poll that was in flight, except that a finished source stays finished.
  const progress = { ...state.progress };
  for (const event of status.progress) {
    const known = progress[event.source];
    if (known === undefined || (!isFinished(known) && isFinished(event))) progress[event.source] = event;
  }
  return { ...state, job: { jobId: status.jobId, sources: withSources(state.job.sources, status.sources) }, progress };
}

/** Drops the closing progress of finished jobs once the list and history show their outcome. */
export function clearFinished(state: SyncJobState): SyncJobState {
  const current = state.job?.jobId;
  return { ...state, progress: Object.fromEntries(Object.entries(state.progress).filter(([, event]) => event.jobId === current)) };
}

/** Every source of the job has finished (or one was cancelled, which stops the job): time to ask whether it ended. */
export function jobWindingDown(state: SyncJobState): boolean {
  if (state.job === null) return false;
  const events = Object.values(state.progress).filter((event) => event.jobId === state.job?.jobId);
  if (events.some((event) => event.state === 'cancelled')) return true;
  return state.job.sources.length > 0 && state.job.sources.every((source) => state.progress[source] !== undefined && isFinished(state.progress[source]));
}

export type SourceSyncView = { kind: 'progress'; event: SyncProgressEvent } | { kind: 'queued' } | null;

/** What a source card shows about syncing: its progress, that it waits its turn, or nothing. */
export function sourceSyncView(state: SyncJobState, source: string): SourceSyncView {
  const event = state.progress[source];
  if (event !== undefined) return { kind: 'progress', event };
  if (state.job !== null && state.job.sources.includes(source) && !jobWindingDown(state)) return { kind: 'queued' };
  return null;
}
