import { create } from 'zustand';
import type { ImportProgress } from '../../../../shared/ipc/contract';
import { pickFilePath } from '../../lib/files';
import { errorMessage, on } from '../../lib/ipc';
import { sourcesResource } from '../sources/sources-store';
import { workspaceStatusResource } from '../workspace/workspace-store';
import { cancelImport, runImport, type RunInput } from './imports-api';
import { importHistoryResource } from './imports-store';
import {
  INITIAL_QUEUE,
  addFiles,
  applyImportProgress,
  clearSkipped,
  dismissJob,
  fileFailed,
  fileReady,
  isFinished,
  jobStarted,
  removePending,
  uploadProgressed,
  type ImportQueueState,
} from './import-queue-model';

type ImportQueueStore = ImportQueueState & {
  /** Jobs whose Cancel was pressed and not yet answered by a final event. */
  cancelling: string[];
  /** Why the last cancel was refused; shown as a banner. */
  error: string | null;
  add(files: File[]): void;
  remove(id: string): void;
  /** Starts the import of a reviewed file; resolves with the refusal's message, or null when it started. */
  run(id: string, input: RunInput): Promise<string | null>;
  cancel(jobId: string): Promise<void>;
  dismiss(jobId: string): void;
  dismissSkipped(): void;
  dismissError(): void;
};

let nextId = 0;
const newId = (): string => {
  nextId += 1;
  return `file-${nextId}`;
};

// Paths are found one file at a time: in the browser host each is an upload, and the first file is
// the one being reviewed, so it should not share the line with the rest.
let locating: Promise<void> = Promise.resolve();
// Stops the upload of a file taken off the queue before its path was known.
const uploads = new Map<string, AbortController>();
// Upload progress fires for every chunk; the bar needs a few updates a second, not hundreds.
const PROGRESS_EVERY_MS = 100;

export const useImportQueue = create<ImportQueueStore>()((set, get) => ({
  ...INITIAL_QUEUE,
  cancelling: [],
  error: null,
  add: (files) => {
    const before = new Set(get().pending.map((item) => item.id));
    set((state) => addFiles(state, files, newId));
    for (const item of get().pending.filter((candidate) => !before.has(candidate.id))) {
      locating = locating.then(() => locate(item.id, item.file));
    }
  },
  remove: (id) => {
    uploads.get(id)?.abort();
    set((state) => removePending(state, id));
  },
  run: async (id, input) => {
    try {
      const { jobId } = await runImport(input);
      set((state) => jobStarted(state, id, jobId));
      // The new import shows as running in the history.
      void importHistoryResource.useStore.getState().load();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },
  cancel: async (jobId) => {
    if (get().cancelling.includes(jobId)) return;
    set((state) => ({ cancelling: [...state.cancelling, jobId], error: null }));
    try {
      await cancelImport(jobId);
    } catch (error) {
      set((state) => ({ cancelling: state.cancelling.filter((id) => id !== jobId), error: errorMessage(error) }));
    }
  },
  dismiss: (jobId) => set((state) => dismissJob(state, jobId)),
  dismissSkipped: () => set((state) => clearSkipped(state)),
  dismissError: () => set({ error: null }),
}));

async function locate(id: string, file: File): Promise<void> {
  // Removed from the queue while it waited for its turn: nothing to send.
  if (!useImportQueue.getState().pending.some((item) => item.id === id)) return;
  let lastReport = 0;
  const controller = new AbortController();
  uploads.set(id, controller);
  try {
    const path = await pickFilePath(
      file,
      (loaded, total) => {
        const now = Date.now();
        if (now - lastReport < PROGRESS_EVERY_MS && loaded < total) return;
        lastReport = now;
        useImportQueue.setState((state) => uploadProgressed(state, id, loaded, total));
      },
      controller.signal,
    );
    useImportQueue.setState((state) => fileReady(state, id, path));
  } catch (error) {
    // A stopped upload belongs to a file that has left the queue; there is nobody to tell.
    if (!controller.signal.aborted) useImportQueue.setState((state) => fileFailed(state, id, errorMessage(error)));
  } finally {
    uploads.delete(id);
  }
}

async function onImportEnded(jobId: string): Promise<void> {
  useImportQueue.setState((state) => ({ cancelling: state.cancelling.filter((id) => id !== jobId) }));
  stopIfIdle();
  // A failed import changes no data, so no data-changed event comes; its history row must show anyway.
  await Promise.all([importHistoryResource.useStore.getState().load(), workspaceStatusResource.useStore.getState().load(), sourcesResource.useStore.getState().load()]);
}

let watchers = 0;
let unsubscribe: (() => void) | null = null;

const hasRunningJobs = (): boolean => useImportQueue.getState().jobs.some((job) => !isFinished(job.progress));

// Listening goes on after the section is left while an import runs, so coming back shows how it
// ended rather than a bar frozen where it was.
function stopIfIdle(): void {
  if (watchers > 0 || hasRunningJobs() || unsubscribe === null) return;
  unsubscribe();
  unsubscribe = null;
}

function onProgress(event: ImportProgress): void {
  const wasFinished = isFinished(useImportQueue.getState().jobs.find((job) => job.jobId === event.jobId)?.progress ?? null);
  useImportQueue.setState((state) => applyImportProgress(state, event));
  if (!wasFinished && event.state !== 'running') void onImportEnded(event.jobId);
}

/** Follows import progress while the section is shown (and while its imports run); returns the stop function. */
export function watchImports(): () => void {
  watchers += 1;
  unsubscribe ??= on('import:progress', onProgress);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    watchers -= 1;
    stopIfIdle();
  };
}
