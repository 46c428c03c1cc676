import type { Db } from '../connection';

/** Rows per table of the model (internal bookkeeping tables left out). */
export function tableCounts(db: Db): { name: string; rows: number }[] {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")
    .all() as { name: string }[];
  return names.map(({ name }) => ({ name, rows: (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n }));
}

export function sourcesWithLastSync(db: Db) {
  return db
    .prepare(
      `SELECT s.name, s.kind, s.base_url AS baseUrl,
         (SELECT max(coalesce(finished_at, started_at)) FROM sync_runs r WHERE r.source_id = s.id) AS lastSyncAt,
         (SELECT status FROM sync_runs r WHERE r.source_id = s.id ORDER BY started_at DESC LIMIT 1) AS lastSyncStatus
       FROM sources s ORDER BY s.name`,
    )
    .all() as { name: string; kind: 'jira' | 'gitlab' | 'import'; baseUrl: string | null; lastSyncAt: string | null; lastSyncStatus: string | null }[];
}

/** When data last arrived from a sync: the latest successful run's end (its start where it has none), or null. */
export function lastSuccessfulSyncAt(db: Db): string | null {
  const row = db.prepare("SELECT max(coalesce(finished_at, started_at)) AS at FROM sync_runs WHERE status = 'succeeded'").get() as { at: string | null };
  return row.at;
}

export function lastImport(db: Db): { fileName: string; at: string; rowsImported: number } | null {
  const row = db
    .prepare("SELECT file_name AS fileName, coalesce(finished_at, started_at) AS at, rows_imported AS rowsImported FROM imports WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1")
    .get() as { fileName: string; at: string; rowsImported: number } | undefined;
  return row ?? null;
}

export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/** Whether the workspace holds any synced or imported work (the demo only fills an empty one). */
export const hasWorkData = (db: Db): boolean =>
  (db.prepare('SELECT EXISTS (SELECT 1 FROM work_items) OR EXISTS (SELECT 1 FROM run_events) AS any').get() as { any: number }).any === 1;
