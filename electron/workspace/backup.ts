import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupInfo, RestoreOutcome } from '../../shared/ipc/contract-workspace-backup';
import { AppError } from '../../shared/ipc/result';
import Database from 'better-sqlite3';
import { ABANDONED_MS, backupCopyAtomically, removeStalePartials } from '../db/atomic-copy';
import { APPLICATION_ID, inspectDatabaseFile, nativeBindingOption, openReadOnly, type Db } from '../db/connection';
import { checkAppliedMigrations, KEEP_BACKUPS, migrate, pruneCopies } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { readSettings } from '../db/repositories/settings';
import { isProcessAlive } from './process-alive';
import { openWorkspace, DB_FILE, type Workspace } from './workspace';

export const BACKUPS_DIR = 'backups';
const stamp = (at: string) => at.replace(/[:.]/g, '-');

/**
 * Checks that `path` is a Yardstick workspace this app can open: SQLite, marked as ours, not from a
 * newer schema, intact (quick_check), and with only migrations we know, unchanged. Opens it read-only.
 */
export function validateBackupFile(pathArg: string): BackupInfo {
  const path = resolve(pathArg);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `No backup file at ${path}.`);
  if (!statSync(path).isFile()) throw new AppError('INVALID_INPUT', `${path} is a folder; a backup is one file (made by \`yardstick backup\` or Settings → Backup).`);
  const { userVersion, applicationId } = inspectDatabaseFile(path);
  if (applicationId !== APPLICATION_ID || userVersion < 1) {
    throw new AppError('WORKSPACE_INVALID', `${path} is not a Yardstick workspace backup (an empty or foreign SQLite database). Nothing was restored.`);
  }
  let db: Db | undefined;
  try {
    db = openReadOnly(path);
    const applied = checkAppliedMigrations(db);
    if (applied.length !== userVersion) {
      throw new AppError('WORKSPACE_INVALID', `${path} records ${applied.length} migrations but schema version ${userVersion}; it is not a consistent Yardstick workspace. Nothing was restored.`);
    }
    const settings = readSettings(db);
    return { path, sizeBytes: statSync(path).size, schemaVersion: userVersion, workspaceName: settings.name, isDemo: settings.isDemo };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('WORKSPACE_INVALID', `${path} could not be read as a Yardstick workspace backup (${(e as Error).message}). Nothing was restored.`);
  } finally {
    db?.close();
  }
}

/** Where a backup goes when the caller names no file: the workspace's own backups folder. */
export const defaultBackupPath = (ws: Workspace, at: string): string => join(ws.dir, BACKUPS_DIR, `yardstick-backup-${stamp(at)}.sqlite`);

/**
 * Copies the open workspace to `out` with SQLite's online backup: a consistent snapshot even while
 * the app keeps reading and writing. The copy is written beside the target, switched out of WAL so
 * it is one self-contained file, checked, synced and only then renamed into place: an interrupted
 * backup never leaves a half-written file under the chosen name (electron/db/atomic-copy.ts).
 */
export async function backupWorkspace(ws: Workspace, outArg: string, opts: { overwrite?: boolean } = {}): Promise<BackupInfo> {
  const out = resolve(outArg);
  if (out === ws.dbPath || out.startsWith(`${ws.dbPath}-`)) throw new AppError('INVALID_INPUT', 'A backup cannot be written over the workspace database itself; choose another file.');
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) throw new AppError('INVALID_INPUT', `${out} is a folder; name the backup file to write (e.g. ${join(out, 'yardstick.sqlite')}).`);
    if (!opts.overwrite) throw new AppError('CONFLICT', `${out} already exists; choose another name${opts.overwrite === false ? ' or allow replacing it (--force)' : ''}.`);
  }
  mkdirSync(dirname(out), { recursive: true });
  // The only time Yardstick looks in a folder the user chose: tidy what a killed backup left there.
  removeStalePartials(dirname(out));
  await backupCopyAtomically(ws.db, out, (partial) => {
    const copy = new Database(partial, { fileMustExist: true, ...nativeBindingOption() });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    validateBackupFile(partial);
  });
  return validateBackupFile(out);
}

/**
 * Replaces the contents of an open workspace with a backup, in place: a safety copy of the current
 * data goes to backups/ first, then SQLite's online backup copies the file into the live database
 * in one write transaction (other connections see the old data or the new, never a mix; a crash
 * midway leaves the old data). An older backup is then migrated like any workspace being opened.
 * The caller must make sure no sync or import is running.
 */
export async function restoreIntoWorkspace(ws: Workspace, fromArg: string, opts: { now?: string } = {}): Promise<RestoreOutcome> {
  const from = resolve(fromArg);
  const info = validateBackupFile(from);
  if (from === ws.dbPath) throw new AppError('INVALID_INPUT', 'That file is this workspace\u2019s own database; choose a backup file.');
  const at = opts.now ?? new Date().toISOString();
  const backups = join(ws.dir, BACKUPS_DIR);
  const safety = await backupWorkspace(ws, join(backups, `before-restore-${stamp(at)}.sqlite`), { overwrite: true });
  const source = openReadOnly(from);
  try {
    await source.backup(ws.dbPath);
  } finally {
    source.close();
  }
  migrate(ws.db, { backupDir: backups });
  ws.reload();
  pruneCopies(backups, 'before-restore-', KEEP_BACKUPS);
  return { restoredFrom: from, backupSchemaVersion: info.schemaVersion, schemaVersion: LATEST_SCHEMA_VERSION, safetyCopy: safety.path, workspaceDir: ws.dir };
}

/** A restore's staging folder, `.<folder>.restoring-<pid>` beside the folder restored into. */
const STAGING_NAME = /^\..+\.restoring-(\d+)$/;
/** All a staging folder ever holds: the database and its companions, copies made before a migration, partial copies. */
const STAGING_ENTRY = /^(yardstick\.sqlite(-journal|-wal|-shm)?|backups|\.partial-.+)$/;
/** Staging folders this process is filling now, which a clean-up must leave alone. */
const stagingInFlight = new Set<string>();

/**
 * Removes staging folders in `parent` left by restores into a new folder that were killed (kill -9,
 * a crash, a power cut) before moving them into place. One whose process still runs is being filled
 * and is kept, unless nothing in it changed for an hour (its pid was reused); this process's own
 * are kept while in flight. Only folders holding nothing but what a restore writes are removed, so
 * a user's folder that happens to match the name is never touched. Best effort: returns the names removed.
 */
export function removeStaleStaging(parent: string, now: number = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = STAGING_NAME.exec(name);
    if (!match) continue;
    const path = join(parent, name);
    if (stagingInFlight.has(path)) continue;
    const pid = Number(match[1]);
    try {
      if (!statSync(path).isDirectory()) continue;
      const entries = readdirSync(path);
      if (!entries.every((e) => STAGING_ENTRY.test(e))) continue;
      // The newest write anywhere in it: the copy writes yardstick.sqlite, the folder changes as files come and go.
      const lastWrite = Math.max(statSync(path).mtimeMs, ...entries.map((e) => statSync(join(path, e)).mtimeMs));
      if (pid !== process.pid && isProcessAlive(pid) && now - lastWrite < ABANDONED_MS) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Gone meanwhile, or not ours to remove: either way nothing to do on this restore.
    }
  }
  return removed;
}

/**
 * Restores a backup into a folder that is new or empty: built in a sibling folder, opened once (so
 * an older backup is migrated and the result is known to open), and moved into place complete. A
 * restore killed midway leaves only its staging folder, which the next restore beside it removes.
 */
export async function restoreIntoNewFolder(dirArg: string, fromArg: string): Promise<RestoreOutcome> {
  const dir = resolve(dirArg);
  const from = resolve(fromArg);
  const info = validateBackupFile(from);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new AppError('WORKSPACE_INVALID', `${dir} is a file; restore into a new or empty folder.`);
  if (existsSync(join(dir, DB_FILE))) throw new AppError('CONFLICT', `${dir} already holds a workspace; add --force to replace its data with the backup (a safety copy is kept in ${join(dir, BACKUPS_DIR)}).`);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new AppError('CONFLICT', `${dir} is not empty and holds no workspace; restore into a new or empty folder.`);
  const staging = join(dirname(dir), `.${basename(dir)}.restoring-${process.pid}`);
  removeStaleStaging(dirname(dir));
  rmSync(staging, { recursive: true, force: true });
  stagingInFlight.add(staging);
  mkdirSync(staging, { recursive: true });
  try {
    const source = openReadOnly(from);
    try {
      await source.backup(join(staging, DB_FILE));
    } finally {
      source.close();
    }
    const ws = openWorkspace(staging, { create: false });
    try {
      ws.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      ws.close();
    }
    if (existsSync(dir)) rmSync(dir, { recursive: true });
    renameSync(staging, dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  } finally {
    stagingInFlight.delete(staging);
  }
  return { restoredFrom: from, backupSchemaVersion: info.schemaVersion, schemaVersion: LATEST_SCHEMA_VERSION, safetyCopy: null, workspaceDir: dir };
}

/**
 * Keeps the unopenable database's files under `aside`, unchanged, just before the restored copy is
 * renamed over them. The database is linked (copied where the file system has no hard links) rather
 * than moved, so `yardstick.sqlite` is at every moment the old file or the restored one, never
 * missing (a retried `restore --force` needs it there). Its journal, WAL and shared memory are moved
 * after that: left beside the restored file, SQLite would replay them into it.
 */
function keepAside(dbPath: string, aside: string): void {
  try {
    linkSync(dbPath, aside);
  } catch {
    copyFileSync(dbPath, aside);
  }
  for (const suffix of ['-journal', '-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix);
  }
}

/**
 * `restore --force` over a workspace that cannot be opened (damaged, or from a newer app): the
 * backup is validated, copied beside the database under a partial name (electron/db/atomic-copy.ts)
 * and checked; only then are the old database files kept aside in backups/, unchanged, and the copy
 * renamed over them. A kill -9 during the copy leaves the old workspace as it was plus a partial
 * file, which the next restore (or open) removes; `restore --force` again then simply works.
 */
export async function restoreOverUnopenable(dirArg: string, fromArg: string, opts: { now?: string } = {}): Promise<RestoreOutcome> {
  const dir = resolve(dirArg);
  const from = resolve(fromArg);
  const info = validateBackupFile(from);
  const dbPath = join(dir, DB_FILE);
  const backups = join(dir, BACKUPS_DIR);
  mkdirSync(backups, { recursive: true });
  removeStalePartials(dir);
  const aside = join(backups, `unopenable-before-restore-${stamp(opts.now ?? new Date().toISOString())}.sqlite`);
  const source = openReadOnly(from);
  try {
    await backupCopyAtomically(source, dbPath, (partial) => {
      validateBackupFile(partial);
      keepAside(dbPath, aside);
    });
  } finally {
    source.close();
  }
  openWorkspace(dir, { create: false }).close();
  return { restoredFrom: from, backupSchemaVersion: info.schemaVersion, schemaVersion: LATEST_SCHEMA_VERSION, safetyCopy: aside, workspaceDir: dir };
}
