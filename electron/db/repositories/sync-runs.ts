import type { SyncRun } from '../../../shared/ipc/contract';
import type { Db } from '../connection';

export function startSyncRun(db: Db, sourceId: number, opts: { full: boolean; at: string }): number {
  return Number(
    db.prepare("INSERT INTO sync_runs (source_id, started_at, status, full_sync) VALUES (?, ?, 'running', ?)").run(sourceId, opts.at, opts.full ? 1 : 0).lastInsertRowid,
  );
}

export function finishSyncRun(db: Db, runId: number, outcome: { status: 'succeeded' | 'failed' | 'cancelled'; at: string; stats: Record<string, number>; error?: string }): void {
  db.prepare('UPDATE sync_runs SET status = ?, finished_at = ?, stats_json = ?, error = ? WHERE id = ?').run(
    outcome.status,
    outcome.at,
    JSON.stringify(outcome.stats),
    outcome.error ?? null,
    runId,
  );
}

/** Marks runs still 'running' as interrupted: their process is gone (killed or crashed). */
export function markInterruptedRuns(db: Db): number {
  return db
    .prepare("UPDATE sync_runs SET status = 'interrupted', finished_at = coalesce(finished_at, ?), error = coalesce(error, 'The app stopped during this sync; the next sync resumes from what was saved.') WHERE status = 'running'")
    .run(new Date().toISOString()).changes;
}

export type DbSyncRun = { id: number; source: string; started_at: string; finished_at: string | null; status: string; full_sync: number; stats_json: string; error: string | null };

export function syncHistory(db: Db, opts: { source?: string | undefined; limit: number }): DbSyncRun[] {
  return db
    .prepare(
      `SELECT r.id, s.name AS source, r.started_at, r.finished_at, r.status, r.full_sync, r.stats_json, r.error
       FROM sync_runs r JOIN sources s ON s.id = r.source_id WHERE (@source IS NULL OR s.name = @source) ORDER BY r.id DESC LIMIT @limit`,
    )
    .all({ source: opts.source ?? null, limit: opts.limit }) as DbSyncRun[];
}

/** A run as the app shows it: stats parsed, the full flag a boolean. */
const toSyncRun = (r: DbSyncRun): SyncRun => ({
  id: r.id,
  source: r.source,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  status: r.status as SyncRun['status'],
  full: r.full_sync === 1,
  stats: JSON.parse(r.stats_json) as Record<string, number>,
  error: r.error,
});

/** Runs of one source or all, newest first (syncHistory's order), as the app shows them. */
export const listSyncRuns = (db: Db, opts: { source?: string | undefined; limit: number }): SyncRun[] => syncHistory(db, opts).map(toSyncRun);
