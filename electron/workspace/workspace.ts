import { accessSync, constants, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { type WorkspaceSettings } from '../../shared/domain/settings';
import { removeStalePartials } from '../db/atomic-copy';
import { inspectDatabaseFile, openConnection, storageFailure, type Db } from '../db/connection';
import { migrate } from '../db/migrate';
import { readSettings, writeSettings } from '../db/repositories/settings';

export const DB_FILE = 'yardstick.sqlite';

export type Workspace = {
  readonly dir: string;
  readonly dbPath: string;
  readonly db: Db;
  settings(): WorkspaceSettings;
  updateSettings(patch: Partial<WorkspaceSettings>): WorkspaceSettings;
  /** Re-reads what is cached from the database, after a restore replaced its contents underneath. */
  reload(): WorkspaceSettings;
  close(): void;
};

/**
 * Refuses a workspace this process may not write to, before SQLite gets to it: opening switches
 * the file to WAL (creating -wal and -shm beside it), and SQLite's own error for that reads like a
 * damaged file. The check is access(2), so it follows the real user (root passes chmod) and a
 * read-only mount.
 */
function assertWritable(dir: string, dbPath: string): void {
  for (const path of [dir, dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
    if (path !== dir && path !== dbPath && !existsSync(path)) continue;
    try {
      accessSync(path, constants.W_OK);
    } catch (e) {
      throw storageFailure(e, dir) ?? e;
    }
  }
}

/**
 * Opens a workspace folder, creating it when `create` is set. A folder that holds something other
 * than a Yardstick workspace, or a database from a newer version, is refused without being touched.
 */
export function openWorkspace(dirArg: string, opts: { create: boolean; initialSettings?: Partial<WorkspaceSettings> }): Workspace {
  const dir = resolve(dirArg);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new AppError('WORKSPACE_INVALID', `${dir} is a file; a workspace is a folder (it holds ${DB_FILE}). The file was not changed.`);
  }
  const dbPath = join(dir, DB_FILE);
  const exists = existsSync(dbPath);
  if (!exists) {
    if (!opts.create) throw new AppError('NOT_FOUND', `No Yardstick workspace in ${dir} (missing ${DB_FILE}).`);
    if (existsSync(dir) && readdirSync(dir).some((f) => !f.startsWith('.'))) {
      throw new AppError('WORKSPACE_INVALID', `${dir} is not empty and holds no Yardstick workspace; choose an empty or new folder.`);
    }
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw storageFailure(e, dir) ?? e;
    }
  } else {
    assertWritable(dir, dbPath);
    // A restore over this workspace killed midway leaves its partial copy beside the database.
    removeStalePartials(dir);
    inspectDatabaseFile(dbPath);
  }
  let db: Db;
  try {
    db = openConnection(dbPath);
  } catch (e) {
    throw storageFailure(e, dir) ?? e;
  }
  try {
    migrate(db, { backupDir: join(dir, 'backups') });
    if (!exists) writeSettings(db, { ...opts.initialSettings });
  } catch (e) {
    db.close();
    throw storageFailure(e, dir) ?? e;
  }
  let cached = readSettings(db);
  return {
    dir,
    dbPath,
    db,
    settings: () => cached,
    updateSettings(patch) {
      cached = writeSettings(db, { ...cached, ...patch });
      return cached;
    },
    reload() {
      cached = readSettings(db);
      return cached;
    },
    close: () => db.close(),
  };
}
