import type { SyncRun } from '../../../../shared/ipc/contract';
import { formatDateTime, formatDuration } from '../../lib/format';
import { summariseCounts } from './count-summary';
import { CANCELLED_NOTE, INTERRUPTED_NOTE, runStatusLabel, type RunTone } from './sync-status-labels';

export type SyncHistoryRow = {
  id: number;
  source: string;
  started: string;
  /** The raw start, for a machine-readable <time>. */
  startedAt: string;
  duration: string;
  status: string;
  tone: RunTone;
  /** A sentence under the status: why a run was interrupted or what cancelling kept; null otherwise. */
  statusNote: string | null;
  mode: 'Full' | 'Incremental';
  changes: string;
  /** The failure message, for failed runs only. */
  error: string | null;
};

/** How long a run took; a run still going is measured up to `now`. */
export function runDuration(run: Pick<SyncRun, 'startedAt' | 'finishedAt' | 'status'>, now: number): string {
  const start = Date.parse(run.startedAt);
  const end = run.finishedAt === null ? (run.status === 'running' ? now : Number.NaN) : Date.parse(run.finishedAt);
  const duration = formatDuration(end - start);
  return run.finishedAt === null && run.status === 'running' ? `${duration} so far` : duration;
}

export function syncHistoryRow(run: SyncRun, now: number): SyncHistoryRow {
  const { label, tone } = runStatusLabel(run.status);
  return {
    id: run.id,
    source: run.source,
    started: formatDateTime(run.startedAt),
    startedAt: run.startedAt,
    duration: runDuration(run, now),
    status: label,
    tone,
    statusNote: run.status === 'interrupted' ? INTERRUPTED_NOTE : run.status === 'cancelled' ? CANCELLED_NOTE : null,
    mode: run.full ? 'Full' : 'Incremental',
    changes: summariseCounts(run.stats) ?? (run.status === 'running' ? 'In progress' : run.status === 'succeeded' ? 'Nothing new' : 'Nothing fetched'),
    error: run.status === 'failed' ? (run.error ?? 'Failed without a message.') : null,
  };
}

/** Latest first, whatever order the runs arrive in (ids grow with start order). */
export function syncHistoryRows(runs: SyncRun[], now: number): SyncHistoryRow[] {
  return [...runs].sort((a, b) => b.id - a.id).map((run) => syncHistoryRow(run, now));
}
