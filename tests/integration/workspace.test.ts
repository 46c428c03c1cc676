import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, DB_FILE } from '../../electron/workspace/workspace';
import { migrate } from '../../electron/db/migrate';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { AppError } from '../../shared/ipc/result';
import { tempDir } from '../support/temp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const temp = () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
};
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.code}: ${e.message}` : `not an AppError: ${String(e)}`;
  }
  return 'no error';
};

describe('workspace', () => {
  it('creates a workspace with the whole schema, in WAL mode with foreign keys on', () => {
    const ws = openWorkspace(join(temp(), 'ws'), { create: true });
    try {
      expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const tables = (ws.db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
      for (const t of ['work_items', 'work_item_status_changes', 'worklogs', 'runs', 'run_events', 'merge_requests', 'review_events', 'approvals', 'pipelines', 'ci_jobs', 'billing_lines', 'sources', 'sync_cursors', 'pilots', 'scenarios', 'saved_views', 'records', 'record_cost_lines']) {
        expect(tables).toContain(t);
      }
      expect(ws.settings().currency).toBe('GBP');
    } finally {
      ws.close();
    }
  });

  it('reopens an existing workspace without re-running migrations and keeps settings', () => {
    const dir = join(temp(), 'ws');
    const ws = openWorkspace(dir, { create: true, initialSettings: { name: 'Acme', currency: 'EUR' } });
    ws.close();
    const again = openWorkspace(dir, { create: false });
    try {
      expect(again.settings()).toMatchObject({ name: 'Acme', currency: 'EUR' });
      expect(existsSync(join(dir, 'backups'))).toBe(false); // nothing pending, so no backup copy
    } finally {
      again.close();
    }
  });

  it('refuses a corrupt file without changing it', () => {
    const dir = temp();
    const file = join(dir, DB_FILE);
    writeFileSync(file, Buffer.from('this is not a database at all, just bytes '.repeat(200)));
    const before = sha(file);
    expect(codeOf(() => openWorkspace(dir, { create: false }))).toMatch(/^WORKSPACE_INVALID: .*not an SQLite database/);
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual([DB_FILE]);
  });

  it('refuses a foreign SQLite database without changing it', () => {
    const dir = temp();
    const file = join(dir, DB_FILE);
    const foreign = new Database(file);
    foreign.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
    foreign.close();
    const before = sha(file);
    expect(codeOf(() => openWorkspace(dir, { create: false }))).toMatch(/^WORKSPACE_INVALID: .*not a Yardstick workspace/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a workspace from a newer app version and never downgrades it', () => {
    const dir = join(temp(), 'ws');
    openWorkspace(dir, { create: true }).close();
    const file = join(dir, DB_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha(file);
    expect(codeOf(() => openWorkspace(dir, { create: false }))).toMatch(/^WORKSPACE_TOO_NEW: .*newer version of Yardstick/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file given where a folder is expected, and a non-empty foreign folder', () => {
    const dir = temp();
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(codeOf(() => openWorkspace(join(dir, 'notes.txt'), { create: true }))).toMatch(/^WORKSPACE_INVALID: .*is a file/);
    expect(codeOf(() => openWorkspace(dir, { create: true }))).toMatch(/^WORKSPACE_INVALID: .*not empty/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('hello');
  });
});

describe('migrations', () => {
  const extra = { version: MIGRATIONS.length + 1, name: 'add_notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY);', sha256: 'x'.repeat(64) };

  it('backs up an existing database before migrating it, and applies the new migration', () => {
    const dir = join(temp(), 'ws');
    const ws = openWorkspace(dir, { create: true });
    ws.db.prepare("INSERT INTO teams (name) VALUES ('Platform')").run();
    const result = migrate(ws.db, { backupDir: join(dir, 'backups'), migrations: [...MIGRATIONS, extra] });
    expect(result.applied).toEqual([extra.version]);
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const copy = new Database(join(dir, 'backups', backups[0]!), { readonly: true });
    expect((copy.prepare('SELECT name FROM teams').get() as { name: string }).name).toBe('Platform');
    expect(copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'notes'").get()).toEqual({ n: 0 });
    copy.close();
    ws.close();
  });

  it('catches an applied migration whose text changed (migrations are append-only)', () => {
    const dir = join(temp(), 'ws');
    mkdirSync(dir);
    const ws = openWorkspace(dir, { create: true });
    const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sha256: '0'.repeat(64) } : m));
    expect(codeOf(() => migrate(ws.db, { backupDir: join(dir, 'backups'), migrations: edited }))).toMatch(/^WORKSPACE_INVALID: Migration 1 .*append-only/);
    ws.close();
  });

  it('lets a second process that finds the same migration pending skip what the first applied meanwhile', () => {
    // The CLI and the app (or two `yardstick` runs) can open one old workspace at once. Both see
    // the migration pending; the second reaches it after the first applied it. The interleaving is
    // made exact here: the second connection's backup asks for the time, and the first connection
    // migrates the file in that moment.
    const dir = join(temp(), 'ws');
    const ws = openWorkspace(dir, { create: true });
    const other = new Database(join(dir, DB_FILE));
    other.pragma('busy_timeout = 5000');
    cleanups.push(() => other.close());
    const migrations = [...MIGRATIONS, extra];
    let firstApplied: number[] = [];
    const result = migrate(ws.db, {
      backupDir: join(dir, 'backups'),
      migrations,
      now: () => {
        if (firstApplied.length === 0) firstApplied = migrate(other, { backupDir: join(dir, 'backups'), migrations }).applied;
        return new Date().toISOString();
      },
    });
    expect(firstApplied).toEqual([extra.version]);
    expect(result.applied).toEqual([]);
    expect(ws.db.prepare('SELECT count(*) AS n FROM schema_migrations WHERE version = ?').get(extra.version)).toEqual({ n: 1 });
    expect(ws.db.pragma('user_version', { simple: true })).toBe(extra.version);
    ws.close();
  });

  it('rolls back a failing migration completely', () => {
    const dir = join(temp(), 'ws');
    const ws = openWorkspace(dir, { create: true });
    const broken = { ...extra, sql: 'CREATE TABLE half_done (id INTEGER); THIS IS NOT SQL;' };
    expect(() => migrate(ws.db, { backupDir: join(dir, 'backups'), migrations: [...MIGRATIONS, broken] })).toThrow();
    expect(ws.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    ws.close();
  });
});
