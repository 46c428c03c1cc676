import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { removeStalePartials, writeCopyAtomically } from './atomic-copy';
import { APPLICATION_ID, type Db } from './connection';
import { MIGRATIONS, type Migration } from './migrations';

/** Copies kept of the database before migrations (and before restores, electron/workspace/backup.ts). */
export const KEEP_BACKUPS = 5;

export type AppliedRow = { version: number; name: string; sha256: string };

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
  const applied = checkAppliedMigrations(db, migrations);
  // On every open, not only before a migration: a copy cut short by a kill is cleared the next time.
  removeStalePartials(opts.backupDir);
  const pending = migrations.slice(applied.length);
  if (pending.length === 0) return { applied: [] };

  if (applied.length > 0) backupBeforeMigration(db, opts.backupDir, applied.length, now());

  const record = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const done: number[] = [];
  for (const m of pending) {
    // Another process (the CLI beside the app, say) may have applied this one since we looked.
    // IMMEDIATE takes the write lock before the check, so the check and the change see one state
    // and the later process skips it instead of failing on a table that already exists.
    db.transaction(() => {
      if (isApplied.get(m.version) !== undefined) return;
      db.exec(m.sql);
      record.run(m.version, m.name, m.sha256, now());
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      done.push(m.version);
    }).immediate();
  }
  return { applied: done };
}

/**
 * Throws unless every migration recorded in the database is one of `migrations`, unchanged: a
 * workspace (or a backup about to be restored) from a newer app, or one whose applied migration
 * text differs from ours, cannot be opened safely. Returns the applied rows in order.
 */
export function checkAppliedMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): AppliedRow[] {
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
  return applied;
}

function backupBeforeMigration(db: Db, dir: string, fromVersion: number, at: string): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `before-migration-v${fromVersion}-${at.replace(/[:.]/g, '-')}.sqlite`);
  // A consistent, compact copy while the connection stays open, under a partial name until it is
  // complete: a truncated file under this name would pass for a good backup and push real ones
  // out of the rotation below.
  writeCopyAtomically(db, file);
  pruneCopies(dir, 'before-migration-', KEEP_BACKUPS);
}

/**
 * Keeps the newest `keep` copies named `<prefix>v<N>-<time>.sqlite` or `<prefix><time>.sqlite`.
 * Ordered by the time in the name, then the schema version as a number: a plain name sort would
 * put v10 before v9 and delete the newest copy once a workspace passes nine migrations.
 */
export function pruneCopies(dir: string, prefix: string, keep: number): string[] {
  const key = (f: string) => {
    const m = /^(?:v(\d+)-)?(.*)\.sqlite$/.exec(f.slice(prefix.length));
    return { time: m?.[2] ?? '', version: Number(m?.[1] ?? 0) };
  };
  const copies = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.sqlite'))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return ka.time < kb.time ? -1 : ka.time > kb.time ? 1 : ka.version - kb.version;
    });
  const removed = copies.slice(0, Math.max(0, copies.length - keep));
  for (const old of removed) rmSync(join(dir, old));
  return copies.slice(removed.length);
}
