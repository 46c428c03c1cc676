import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { isProcessAlive } from '../workspace/process-alive';

/**
 * One sync per workspace across processes (the app, `yardstick serve`, a scripted `yardstick sync`):
 * an exclusive lock file holding the owner's pid. A lock left by a killed process is taken over.
 */
export function acquireSyncLock(workspaceDir: string): () => void {
  const path = join(workspaceDir, 'sync.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner: { pid?: number; startedAt?: string } = {};
      try {
        owner = JSON.parse(readFileSync(path, 'utf8')) as typeof owner;
      } catch {
        // unreadable lock: treat as stale
      }
      if (owner.pid && owner.pid !== process.pid && isProcessAlive(owner.pid)) {
        throw new AppError('BUSY', `A sync is already running for this workspace (process ${owner.pid}, started ${owner.startedAt ?? 'earlier'}). Wait for it to finish or cancel it.`);
      }
      if (owner.pid === process.pid) throw new AppError('BUSY', 'A sync is already running for this workspace.');
      rmSync(path, { force: true });
    }
  }
  throw new AppError('BUSY', 'Could not take the workspace sync lock.');
}

/** True when a live process holds the lock (used to tell interrupted runs from running ones). */
export function syncLockHeld(workspaceDir: string): boolean {
  try {
    const owner = JSON.parse(readFileSync(join(workspaceDir, 'sync.lock'), 'utf8')) as { pid?: number };
    return owner.pid !== undefined && isProcessAlive(owner.pid);
  } catch {
    return false;
  }
}
