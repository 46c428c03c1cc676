import { create } from 'zustand';
import { IpcError, errorMessage, on } from '../../lib/ipc';
import { workspaceStatusResource } from '../workspace/workspace-store';
import { cancelSync, fetchSyncStatus, startSync } from './sources-api';
import { sourcesResource, syncHistoryResource } from './sources-store';
import { INITIAL_SYNC_JOB_STATE, applyJobStatus, applyProgressEvent, clearFinished, jobStarted, jobWindingDown, type SyncJobState } from './sync-job-model';

export type SyncActionError = { code: string; message: string };

type SyncStore = SyncJobState & {
  /** sync:start is in flight. */
  starting: boolean;
  cancelling: boolean;
  /** Why the last start or cancel was refused (BUSY, NOT_FOUND, ...); shown as a banner. */
  error: SyncActionError | null;
  start(opts: { source?: string; full: boolean }): Promise<void>;
  cancel(): Promise<void>;
  dismissError(): void;
};

// While a job runs, sync:status is asked now and then as well: events can be missed (a page that was
// not open, a reconnecting socket), and it is the only word on when the whole job has ended.
const POLL_MS = 2000;
const WINDING_DOWN_POLL_MS = 400;

let watchers = 0;
let pollTimer: ReturnType<typeof setTimeout> | null = null;
let polling = false;
let pollAgain = false;
// Bumped when this window starts a job: a sync:status answer asked for before that must not end it.
let epoch = 0;

const toActionError = (error: unknown): SyncActionError => ({ code: error instanceof IpcError ? error.code : 'INTERNAL', message: errorMessage(error) });

export const useSyncStore = create<SyncStore>()((set, get) => ({
  ...INITIAL_SYNC_JOB_STATE,
  starting: false,
  cancelling: false,
  error: null,
  start: async (opts) => {
    if (get().starting || get().job !== null) return;
    set({ starting: true, error: null });
    try {
      const { jobId } = await startSync(opts);
      epoch += 1;
      set((state) => ({ ...jobStarted(state, jobId, opts.source === undefined ? [] : [opts.source]), starting: false }));
      // The new run shows as running in the history and on its card.
      void syncHistoryResource.useStore.getState().load();
      void sourcesResource.useStore.getState().load();
    } catch (error) {
      set({ starting: false, error: toActionError(error) });
    }
    // Either way, ask: a new job's source list, or the job that made the server answer BUSY.
    void refreshStatus();
  },
  cancel: async () => {
    const job = get().job;
    if (job === null || get().cancelling) return;
    set({ cancelling: true, error: null });
    try {
      await cancelSync(job.jobId);
    } catch (error) {
      set({ cancelling: false, error: toActionError(error) });
      return;
    }
    void refreshStatus();
  },
  dismissError: () => set({ error: null }),
}));

async function onJobEnded(): Promise<void> {
  // No data-changed event comes when a sync fetched nothing or failed, so reload here as well.
  await Promise.all([sourcesResource.useStore.getState().load(), syncHistoryResource.useStore.getState().load(), workspaceStatusResource.useStore.getState().load()]);
  useSyncStore.setState((state) => clearFinished(state));
}

function schedulePoll(): void {
  if (pollTimer !== null) clearTimeout(pollTimer);
  pollTimer = null;
  const state = useSyncStore.getState();
  if (watchers === 0 || state.job === null) return;
  pollTimer = setTimeout(() => void refreshStatus(), jobWindingDown(state) ? WINDING_DOWN_POLL_MS : POLL_MS);
}

/** Asks main which job runs and folds the answer in; notices when a job has ended. */
export async function refreshStatus(): Promise<void> {
  if (polling) {
    pollAgain = true;
    return;
  }
  polling = true;
  try {
    const asked = epoch;
    const status = await fetchSyncStatus();
    if (asked !== epoch) {
      pollAgain = true;
      return;
    }
    const before = useSyncStore.getState().job;
    useSyncStore.setState((state) => applyJobStatus(state, status));
    const after = useSyncStore.getState().job;
    if (before !== null && after?.jobId !== before.jobId) {
      useSyncStore.setState({ cancelling: false });
      void onJobEnded();
    }
  } catch {
    // A failed poll is retried on the next tick; the last known progress stays on screen.
  } finally {
    polling = false;
    if (pollAgain) {
      pollAgain = false;
      void refreshStatus();
    } else {
      schedulePoll();
    }
  }
}

/**
 * Follows sync progress while a view shows it: events as they come, sync:status on start (so a
 * reloaded window picks up a running sync) and while a job runs. Returns the stop function.
 */
export function watchSync(): () => void {
  watchers += 1;
  const unsubscribe = on('sync:progress', (event) => {
    useSyncStore.setState((state) => applyProgressEvent(state, event));
    if (jobWindingDown(useSyncStore.getState())) schedulePoll();
    else if (pollTimer === null) schedulePoll();
  });
  void refreshStatus();
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    watchers -= 1;
    unsubscribe();
    if (watchers === 0 && pollTimer !== null) {
      clearTimeout(pollTimer);
      pollTimer = null;
    }
  };
}
