import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
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
    db = openReadOnly(path);
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
    // A folder or disk we may not write to is not a damaged workspace: say which it is.
    const storage = storageFailure(e, dirname(path));
    if (storage) throw storage;
    throw new AppError('WORKSPACE_INVALID', `${path} could not be read as a Yardstick workspace (${(e as Error).message}). It was not changed.`);
  } finally {
    db?.close();
  }
}

/**
 * Under `npm start` Electron is handed a better-sqlite3 build for its own ABI (scripts/start.mjs).
 * Every `new Database` in the app must pass it: the first open without it would load the Node
 * build from node_modules and fail with an ABI error that looks like a damaged workspace.
 */
export function nativeBindingOption(): { nativeBinding?: string } {
  const nativeBinding = process.versions['electron'] ? process.env['YARDSTICK_SQLITE_BINDING'] : undefined;
  return nativeBinding ? { nativeBinding } : {};
}

/** Opens a database read-only (inspecting or copying a file the user chose); nothing is written to it. */
export function openReadOnly(path: string): Db {
  return new Database(path, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
}

/** Opens the database read-write with the settings every connection needs. */
export function openConnection(path: string): Db {
  const db = new Database(path, nativeBindingOption());
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MB of page cache: natural-key indexes take random inserts, which thrash SQLite's 2 MB default.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}

type StorageProblem = 'full' | 'read-only' | 'io';

/** What kind of storage failure an SQLite (or, unless `sqliteOnly`, file-system) error is, if it is one. */
function storageProblem(e: unknown, sqliteOnly: boolean): StorageProblem | null {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || (sqliteOnly && !code.startsWith('SQLITE_'))) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
  return null;
}

/**
 * A plain, actionable error for a disk that is full, a workspace that is read-only, or an I/O
 * failure; null for any other error. SQLite's own texts ("database or disk is full", "attempt to
 * write a readonly database") name neither the folder nor what to do, and callers used to wrap
 * them as "could not be read", which reads as a damaged file.
 * `from: 'database'` (after the workspace is open) takes only SQLite's own errors: a file-system
 * error there is about another file (an export's target, a file being imported), not the workspace.
 */
export function storageFailure(e: unknown, workspaceDir: string, from: 'database' | 'workspace' = 'workspace'): AppError | null {
  const problem = storageProblem(e, from === 'database');
  if (!problem) return null;
  const code = (e as { code: string }).code;
  switch (problem) {
    case 'full':
      return new AppError(
        'UNAVAILABLE',
        `The disk holding the workspace ${workspaceDir} is full (${code}), so the change could not be saved. Everything saved before is intact; free some disk space and try again.`,
        { storage: problem, code },
      );
    case 'read-only':
      return new AppError(
        'UNAVAILABLE',
        `The workspace ${workspaceDir} is read-only (${code}): Yardstick must be able to write to the folder and to its yardstick.sqlite file. Check their permissions and that the disk is not write-protected, or copy the workspace to a folder you can write to. Nothing was changed.`,
        { storage: problem, code },
      );
    case 'io':
      return new AppError(
        'UNAVAILABLE',
        `Yardstick could not read or write the workspace ${workspaceDir} (${code}: ${(e as Error).message}); the disk may be failing or disconnected. Nothing more was written.`,
        { storage: problem, code },
      );
  }
}
