import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

const MAX_BYTES = 5 * 1024 * 1024;
const FLUSH_MS = 500;

/**
 * Appends one JSON line per HTTP request to <workspace>/logs/sync.log, rotating at 5 MB. Entries
 * carry method, URL (query secrets redacted), status and timing; headers, and so tokens, never.
 * Lines are buffered and written asynchronously: a sync makes hundreds of thousands of requests,
 * and a synchronous write per request was a tenth of its CPU.
 */
export function requestLog(workspaceDir: string): { write: (entry: object) => void; flush: () => Promise<void> } {
  const dir = join(workspaceDir, 'logs');
  const file = join(dir, 'sync.log');
  let buffer: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  let size: number | null = null;
  const flush = () => {
    timer = null;
    const lines = buffer.join('');
    buffer = [];
    writing = writing
      .then(async () => {
        await mkdir(dir, { recursive: true });
        size ??= await stat(file).then((s) => s.size, () => 0);
        if (size > MAX_BYTES) {
          await rename(file, `${file}.1`);
          size = 0;
        }
        await appendFile(file, lines);
        size += Buffer.byteLength(lines);
      })
      .catch(() => {
        // Logging must never break a sync (a read-only or full disk is reported by the data writes).
      });
  };
  return {
    write(entry) {
      buffer.push(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
      if (buffer.length >= 1000) flush();
      else timer ??= setTimeout(flush, FLUSH_MS).unref();
    },
    /** Writes out what is buffered (at the end of a sync, so the log is complete when it reports). */
    async flush() {
      if (timer) clearTimeout(timer);
      if (buffer.length > 0) flush();
      await writing;
    },
  };
}
