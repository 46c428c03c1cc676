import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Appends one JSON line per HTTP request to <workspace>/logs/sync.log, rotating at 5 MB. Entries
 * carry method, URL (query secrets redacted), status and timing; headers, and so tokens, never.
 */
export function requestLog(workspaceDir: string): (entry: object) => void {
  const dir = join(workspaceDir, 'logs');
  const file = join(dir, 'sync.log');
  let ready = false;
  return (entry) => {
    try {
      if (!ready) {
        mkdirSync(dir, { recursive: true });
        ready = true;
      }
      try {
        if (statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`);
      } catch {
        // no log yet
      }
      appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
    } catch {
      // Logging must never break a sync (read-only or full disk is reported by the data writes).
    }
  };
}
