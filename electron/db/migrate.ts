import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { APPLICATION_ID, type Db } from './connection';
import { MIGRATIONS, type Migration } from './migrations';

const KEEP_BACKUPS = 5;

type AppliedRow = { version: number; name: string; sha256: string };

/**
 * Brings the database to the latest schema. Each migration runs in its own transaction together
 * with its bookkeeping row; an existing database is copied to backups/ first. Applied migrations
 * are hash-checked so an edited (non-append-only) migration is caught instead of silently skipped.
 */
export function migrate(db: Db, opts: { backupDir: string; now?: () => string; migrations?: readonly Migration[] }): { applied: number[] } {
  const migrations = opts.migrations ?? MIGRATIONS;
  const now = opts.now ?? (() => new Date().toISOString());
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  for (const row of applied) {
    const known = migrations[row.version - 1];
    if (!known) {
      throw new AppError('WORKSPACE_TOO_NEW', `This workspace has migration ${row.version} (${row.name}), which this version of Yardstick does not know. Update Yardstick to open it.`);
    }
    if (known.sha256 !== row.sha256) {
      throw new AppError('WORKSPACE_INVALID', `Migration ${row.version} (${row.name}) differs from the one applied to this workspace; migrations are append-only.`);
    }
  }
  const pending = migrations.slice(applied.length);
  if (pending.length === 0) return { applied: [] };

  if (applied.length > 0) backupBeforeMigration(db, opts.backupDir, applied.length, now());

  const record = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, m.sha256, now());
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
  return { applied: pending.map((m) => m.version) };
}

function backupBeforeMigration(db: Db, dir: string, fromVersion: number, at: string): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `before-migration-v${fromVersion}-${at.replace(/[:.]/g, '-')}.sqlite`);
  if (existsSync(file)) rmSync(file);
  // VACUUM INTO writes a consistent, compact copy while the connection stays open.
  db.prepare('VACUUM INTO ?').run(file);
  const backups = readdirSync(dir).filter((f) => f.startsWith('before-migration-')).sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - KEEP_BACKUPS))) rmSync(join(dir, old));
}
