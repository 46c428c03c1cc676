import type { Db } from '../connection';

export type SourceKind = 'jira' | 'gitlab' | 'import';
export type DbSource = { id: number; kind: SourceKind; name: string; base_url: string | null; config_json: string; secret_ref: string | null; created_at: string };

/** Finds a source by name or creates it; returns its id. */
export function ensureSource(db: Db, source: { kind: SourceKind; name: string; baseUrl: string | null; config?: unknown }): number {
  const existing = db.prepare('SELECT id FROM sources WHERE name = ?').get(source.name) as { id: number } | undefined;
  if (existing) return existing.id;
  const info = db
    .prepare('INSERT INTO sources (kind, name, base_url, config_json, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(source.kind, source.name, source.baseUrl, JSON.stringify(source.config ?? {}), new Date().toISOString());
  return Number(info.lastInsertRowid);
}

export const listSources = (db: Db): DbSource[] => db.prepare('SELECT * FROM sources ORDER BY name').all() as DbSource[];
