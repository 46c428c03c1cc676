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
