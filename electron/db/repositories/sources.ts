import type { Db } from '../connection';
import { SourceConfigSchema, type SourceConfig } from '../../../shared/domain/sources';

export type SourceKind = 'jira' | 'gitlab' | 'import';
export type DbSource = { id: number; kind: SourceKind; name: string; base_url: string | null; config_json: string; secret_ref: string | null; created_at: string };
export type SourceRow = { id: number; kind: 'jira' | 'gitlab'; name: string; baseUrl: string; config: SourceConfig; secretRef: string | null; createdAt: string };

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

const toRow = (s: DbSource): SourceRow | null => {
  if (s.kind === 'import' || !s.base_url) return null;
  const config = SourceConfigSchema.safeParse({ kind: s.kind, ...JSON.parse(s.config_json) });
  // Sources written by the demo carry a looser config; they are shown but cannot be synced.
  if (!config.success) return null;
  return { id: s.id, kind: s.kind, name: s.name, baseUrl: s.base_url, config: config.data, secretRef: s.secret_ref, createdAt: s.created_at };
};

/** Jira and GitLab sources with a valid, syncable configuration. */
export const listSyncSources = (db: Db): SourceRow[] => listSources(db).map(toRow).filter((s): s is SourceRow => s !== null);

export function sourceByName(db: Db, name: string): DbSource | null {
  return (db.prepare('SELECT * FROM sources WHERE name = ?').get(name) as DbSource | undefined) ?? null;
}

export const syncSourceByName = (db: Db, name: string): SourceRow | null => {
  const s = sourceByName(db, name);
  return s ? toRow(s) : null;
};

export function insertSource(db: Db, s: { kind: 'jira' | 'gitlab'; name: string; baseUrl: string; config: SourceConfig; secretRef: string }): number {
  const { kind: _kind, ...rest } = s.config;
  return Number(
    db
      .prepare('INSERT INTO sources (kind, name, base_url, config_json, secret_ref, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.kind, s.name, s.baseUrl, JSON.stringify(rest), s.secretRef, new Date().toISOString()).lastInsertRowid,
  );
}

export function updateSource(db: Db, id: number, s: { baseUrl: string; config: SourceConfig }): void {
  const { kind: _kind, ...rest } = s.config;
  db.prepare('UPDATE sources SET base_url = ?, config_json = ? WHERE id = ?').run(s.baseUrl, JSON.stringify(rest), id);
}

/** Removes a source and, through the schema's cascades, everything synced from it. */
export const deleteSource = (db: Db, id: number): void => void db.prepare('DELETE FROM sources WHERE id = ?').run(id);

export const setSecretRef = (db: Db, id: number, ref: string): void => void db.prepare('UPDATE sources SET secret_ref = ? WHERE id = ?').run(ref, id);
