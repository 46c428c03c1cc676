import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { MAX_RETURNED_EXPORT_BYTES, type ExportedFile } from '../../shared/ipc/contract-export';
import { AppError } from '../../shared/ipc/result';

/** Prefix of the temp folders an export without a path writes into; tests count them to prove none is left. */
export const EXPORT_TEMP_PREFIX = 'yardstick-export-';

type Written = { path: string; bytes: number };

/** A writer's answer with its path replaced by what the caller gets (ExportedFile). */
export type Delivered<T extends Written> = Omit<T, 'path' | 'bytes'> & ExportedFile;

/** Older than this, an export folder can only be the leftover of a process killed mid-export. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Removes export temp folders a killed process left behind (kill -9 skips the `finally` below).
 * Only folders untouched for a day: a live export, even a slow one, is never that old. Best effort.
 */
export async function sweepStaleExportFolders(now = Date.now(), dir = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names.filter((n) => n.startsWith(EXPORT_TEMP_PREFIX))) {
    const folder = join(dir, name);
    try {
      if (now - (await stat(folder)).mtimeMs < STALE_AFTER_MS) continue;
      await rm(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * Runs an export's `write` where the caller wants the file. With `path` (the CLI) that is the path,
 * and the answer names it. Without one (the app's Export menus) the same writer, with its own checks
 * and its write-then-rename, writes into a fresh private temp folder (mkdtemp: mode 0700, a name
 * nobody can predict); the bytes come back as base64 and the folder is removed in every case:
 * success, failure, cancellation, or a file too large to hand over.
 */
export async function deliverExport<T extends Written>(
  path: string | undefined,
  suggestedName: string,
  write: (target: string) => Promise<T>,
  opts: { maxBytes?: number } = {},
): Promise<Delivered<T>> {
  if (path !== undefined) {
    const written = await write(path);
    return { ...written, path: written.path, fileName: basename(written.path) };
  }
  const maxBytes = opts.maxBytes ?? MAX_RETURNED_EXPORT_BYTES;
  await sweepStaleExportFolders();
  const dir = await mkdtemp(join(tmpdir(), EXPORT_TEMP_PREFIX));
  try {
    const written = await write(join(dir, suggestedName));
    const size = (await stat(written.path)).size;
    if (size > maxBytes) {
      throw new AppError('INVALID_INPUT', `The export is ${megabytes(size)}, more than the ${megabytes(maxBytes)} the app hands over at once; narrow it to a pilot, or write it with the command line (yardstick export … --out FILE).`, {
        bytes: size,
        maxBytes,
      });
    }
    const bytes = await readFile(written.path);
    return { ...written, path: null, fileName: suggestedName, bytes: bytes.length, base64: bytes.toString('base64') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
