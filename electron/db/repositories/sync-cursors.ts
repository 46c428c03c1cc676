import type { Db } from '../connection';

/** Cursors are read before a page and written in the same transaction as the page's rows. */
export function cursorStore(db: Db, sourceId: number) {
  const read = db.prepare('SELECT cursor FROM sync_cursors WHERE source_id = ? AND entity = ?');
  const write = db.prepare(
    `INSERT INTO sync_cursors (source_id, entity, cursor, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(source_id, entity) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  );
  return {
    get: (entity: string): string | null => (read.get(sourceId, entity) as { cursor: string } | undefined)?.cursor ?? null,
    set: (entity: string, cursor: string): void => void write.run(sourceId, entity, cursor, new Date().toISOString()),
    clear: (): void => void db.prepare('DELETE FROM sync_cursors WHERE source_id = ?').run(sourceId),
  };
}
export type CursorStore = ReturnType<typeof cursorStore>;
