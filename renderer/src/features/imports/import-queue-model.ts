import type { ImportProgress } from '../../../../shared/ipc/contract';

/** What the drop zone and the file chooser accept; anything else is named and left out. */
export const ACCEPTED_EXTENSIONS = ['.csv', '.ndjson', '.json', '.jsonl', '.xlsx', '.txt'] as const;
/** The <input type=file accept> value. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

export const isAcceptedFile = (name: string): boolean => ACCEPTED_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/** A file waiting to be reviewed: first its path is found (in the browser host, it is uploaded). */
export type PendingFile = {
  id: string;
  file: File;
  name: string;
  size: number;
  /** Null until the path is known. */
  path: string | null;
  /** Upload progress in the browser host; null in Electron and before the first report. */
  upload: { loaded: number; total: number } | null;
  /** Why the file could not be reached. */
  error: string | null;
};

/** An import started from this window (or seen through its events), with its latest progress. */
export type ImportJob = { jobId: string; fileName: string; progress: ImportProgress | null };

export type ImportQueueState = {
  /** In the order they were added; the first is the one being reviewed. */
  pending: PendingFile[];
  jobs: ImportJob[];
  /** Names of the files last dropped that are not billing or usage files. */
  skipped: string[];
};

export const INITIAL_QUEUE: ImportQueueState = { pending: [], jobs: [], skipped: [] };

export const isFinished = (progress: ImportProgress | null): boolean => progress !== null && progress.state !== 'running';

export function addFiles(state: ImportQueueState, files: readonly File[], newId: () => string): ImportQueueState {
  const accepted = files.filter((file) => isAcceptedFile(file.name));
  const added: PendingFile[] = accepted.map((file) => ({ id: newId(), file, name: file.name, size: file.size, path: null, upload: null, error: null }));
  return { ...state, pending: [...state.pending, ...added], skipped: files.filter((file) => !isAcceptedFile(file.name)).map((file) => file.name) };
}

const updatePending = (state: ImportQueueState, id: string, patch: Partial<PendingFile>): ImportQueueState => ({
  ...state,
  pending: state.pending.map((item) => (item.id === id ? { ...item, ...patch } : item)),
});

export const uploadProgressed = (state: ImportQueueState, id: string, loaded: number, total: number): ImportQueueState => updatePending(state, id, { upload: { loaded, total } });

export const fileReady = (state: ImportQueueState, id: string, path: string): ImportQueueState => updatePending(state, id, { path, error: null });

export const fileFailed = (state: ImportQueueState, id: string, message: string): ImportQueueState => updatePending(state, id, { error: message });

export const removePending = (state: ImportQueueState, id: string): ImportQueueState => ({ ...state, pending: state.pending.filter((item) => item.id !== id) });

export const clearSkipped = (state: ImportQueueState): ImportQueueState => ({ ...state, skipped: [] });

/** The reviewed file becomes a running import; progress that arrived before the answer is kept. */
export function jobStarted(state: ImportQueueState, pendingId: string, jobId: string): ImportQueueState {
  const item = state.pending.find((candidate) => candidate.id === pendingId);
  const pending = state.pending.filter((candidate) => candidate.id !== pendingId);
  if (state.jobs.some((job) => job.jobId === jobId)) {
    // Its events came first and named the host's copy; the user knows the file by its own name.
    return { ...state, pending, jobs: state.jobs.map((job) => (job.jobId === jobId && item !== undefined ? { ...job, fileName: item.name } : job)) };
  }
  return { ...state, pending, jobs: [...state.jobs, { jobId, fileName: item?.name ?? 'file', progress: null }] };
}

/** Folds one import:progress event in. A finished import stays finished: a late running event cannot reopen it. */
export function applyImportProgress(state: ImportQueueState, event: ImportProgress): ImportQueueState {
  const known = state.jobs.find((job) => job.jobId === event.jobId);
  if (known === undefined) return { ...state, jobs: [...state.jobs, { jobId: event.jobId, fileName: event.fileName, progress: event }] };
  if (isFinished(known.progress) && event.state === 'running') return state;
  // The name the user dropped stays: in the browser host the event names the uploaded copy.
  return { ...state, jobs: state.jobs.map((job) => (job.jobId === event.jobId ? { ...job, progress: event } : job)) };
}

export const dismissJob = (state: ImportQueueState, jobId: string): ImportQueueState => ({ ...state, jobs: state.jobs.filter((job) => job.jobId !== jobId) });

/** "report.pdf is not a CSV, NDJSON, JSON, JSONL, XLSX or TXT file; it was left out." */
export function skippedText(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  const kinds = 'CSV, NDJSON, JSON, JSONL, XLSX or TXT';
  if (names.length === 1) return `${names[0]} is not a ${kinds} file; it was left out.`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are not ${kinds} files; they were left out.`;
}
