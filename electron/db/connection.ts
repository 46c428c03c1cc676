import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../../shared/ipc/result';
import { LATEST_SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

/** PRAGMA application_id marks a file as a Yardstick workspace database ("Yard"). */
export const APPLICATION_ID = 0x59617264;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * Looks at an existing file without writing to it: is it SQLite, ours, and not from a newer app?
 * Opening read-only first matters: switching to WAL or running migrations would modify a file
 * the user may have pointed at by mistake.
 */
export function inspectDatabaseFile(path: string): { userVersion: number; applicationId: number } {
  const size = statSync(path).size;
  if (size === 0) return { userVersion: 0, applicationId: 0 };
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_MAGIC) {
    throw new AppError('WORKSPACE_INVALID', `${path} is not a Yardstick workspace: the file is not an SQLite database (it may be corrupt or another kind of file). It was not changed.`);
  }
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (applicationId !== APPLICATION_ID && tables.n > 0) {
      throw new AppError('WORKSPACE_INVALID', `${path} is an SQLite database, but not a Yardstick workspace. It was not changed.`);
    }
    if (userVersion > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'WORKSPACE_TOO_NEW',
        `This workspace was written by a newer version of Yardstick (schema ${userVersion}; this app knows up to ${LATEST_SCHEMA_VERSION}). Update Yardstick to open it; it was not changed.`,
      );
    }
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') {
      throw new AppError('WORKSPACE_INVALID', `${path} is damaged (SQLite integrity check: ${check}). It was not changed; restore it from a backup.`);
    }
    return { userVersion, applicationId };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('WORKSPACE_INVALID', `${path} could not be read as a Yardstick workspace (${(e as Error).message}). It was not changed.`);
  } finally {
    db?.close();
  }
}

/** Opens the database read-write with the settings every connection needs. */
export function openConnection(path: string): Db {
  // Under Electron the app is handed a better-sqlite3 build for Electron's ABI (scripts/start.mjs).
  const nativeBinding = process.versions['electron'] ? process.env['YARDSTICK_SQLITE_BINDING'] : undefined;
  const db = new Database(path, nativeBinding ? { nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MB of page cache: natural-key indexes take random inserts, which thrash SQLite's 2 MB default.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}
