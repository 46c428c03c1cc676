import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isProcessAlive } from '../workspace/process-alive';
import type { Db } from './connection';

/**
 * A copy being written: `.partial-<pid>-<uuid>.sqlite` beside its final name. A dot name that no
 * backup prefix matches, so a leftover is never counted as a backup (pruneCopies), and the pid
 * says whose it is: the CLI, `yardstick serve` and the app may all have the same workspace open.
 */
const PARTIAL_NAME = /^\.partial-(\d+)-[0-9a-f-]{36}\.sqlite(-journal|-wal|-shm)?$/;
const SIBLINGS = ['', '-journal', '-wal', '-shm'];
/** A copy not written to for this long has no writer left, even if its pid now belongs to another process. */
export const ABANDONED_MS = 60 * 60 * 1000;

/** Partial copies this process is writing now, which a clean-up must leave alone. */
const inFlight = new Set<string>();

const partialBeside = (finalPath: string): string => join(dirname(finalPath), `.partial-${process.pid}-${randomUUID()}.sqlite`);

const discard = (partial: string): void => {
  for (const suffix of SIBLINGS) rmSync(partial + suffix, { force: true });
};

/**
 * Makes the copy durable, then gives it its final name. SQLite does not fsync what VACUUM INTO or
 * a backup writes, and without it a power cut after the rename can leave the final name on a
 * file whose pages never reached the disk. The folder is synced so the rename itself survives
 * (where the OS allows: Windows cannot open a folder for that).
 */
function commit(partial: string, finalPath: string): void {
  const fd = openSync(partial, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, finalPath);
  let dirFd: number | undefined;
  try {
    dirFd = openSync(dirname(finalPath), 'r');
    fsyncSync(dirFd);
  } catch {
    // Best effort (see above): the copy itself is already on disk.
  } finally {
    if (dirFd !== undefined) closeSync(dirFd);
  }
}

/**
 * Writes a consistent copy of the database to `finalPath` with VACUUM INTO, so that the final name
 * only ever holds a complete, synced copy: the copy is written under a partial name in the same
 * folder and renamed (atomic on one file system). A failure or a kill -9 midway leaves at most
 * a partial file, which removeStalePartials clears on the next open.
 */
export function writeCopyAtomically(db: Db, finalPath: string): void {
  withPartial(finalPath, (partial) => {
    db.prepare('VACUUM INTO ?').run(partial);
    commit(partial, finalPath);
  });
}

/** Runs `write` on a fresh partial beside `finalPath`, marked in flight; on failure the partial and its siblings go. */
function withPartial<T>(finalPath: string, write: (partial: string) => T): T {
  const partial = partialBeside(finalPath);
  inFlight.add(partial);
  let result: T;
  try {
    result = write(partial);
  } catch (e) {
    inFlight.delete(partial);
    discard(partial);
    throw e;
  }
  if (!(result instanceof Promise)) {
    inFlight.delete(partial);
    return result;
  }
  return result.then(
    (value) => {
      inFlight.delete(partial);
      return value;
    },
    (e: unknown) => {
      inFlight.delete(partial);
      discard(partial);
      throw e;
    },
  ) as T;
}

/**
 * The same guarantee with SQLite's online backup, which steps asynchronously instead of blocking
 * the process for the whole copy. `prepare` runs on the finished partial copy before the rename
 * (to change its journal mode, to validate it); if it throws, nothing gets the final name.
 */
export async function backupCopyAtomically(db: Db, finalPath: string, prepare?: (partial: string) => void): Promise<void> {
  await withPartial(finalPath, async (partial) => {
    await db.backup(partial);
    prepare?.(partial);
    commit(partial, finalPath);
  });
}

/**
 * Removes partial copies (and their journal, WAL and shared-memory files) in `dir` left by a
 * process that is gone: killed or crashed mid-copy. A copy whose process still runs is being
 * written and is kept, unless it has not changed for an hour (its pid was reused). Best effort:
 * a leftover that cannot be removed must not stop a workspace from opening. Returns the names removed.
 */
export function removeStalePartials(dir: string, now: number = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = PARTIAL_NAME.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    if (inFlight.has(match[2] ? path.slice(0, -match[2].length) : path)) continue;
    const pid = Number(match[1]);
    try {
      if (pid !== process.pid && isProcessAlive(pid) && now - statSync(path).mtimeMs < ABANDONED_MS) continue;
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // Gone meanwhile, or not ours to remove: either way nothing to do on this open.
    }
  }
  return removed;
}
