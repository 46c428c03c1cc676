import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

const KEEP_MS = 24 * 60 * 60 * 1000;

/** A file name safe to put on disk: no folders, no control characters, not too long. */
export const safeFileName = (name: string): string =>
  name.replace(/[/\\]/g, '_').replace(/[^\p{L}\p{N}._ -]/gu, '_').replace(/^\.+/, '').slice(0, 120) || 'upload';

/**
 * The browser host cannot see the user's file paths, so a dropped or chosen file is streamed into
 * <workspace>/uploads and imported from there, like a path from Electron's dialog. Old uploads are
 * removed when the host starts.
 */
export function uploadsDir(workspaceDir: string): string {
  const dir = join(workspaceDir, 'uploads');
  mkdirSync(dir, { recursive: true });
  const now = Date.now();
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    try {
      if (now - statSync(p).mtimeMs > KEEP_MS) rmSync(p, { recursive: true, force: true });
    } catch {
      // already gone
    }
  }
  return dir;
}

/** Stores an upload as uploads/<id>/<the user's file name>, so imports list the name the user knows. */
export async function receiveUpload(req: IncomingMessage, dir: string, name: string): Promise<string> {
  const folder = join(dir, randomUUID());
  mkdirSync(folder);
  const path = join(folder, safeFileName(name));
  try {
    await pipeline(req, createWriteStream(path, { flags: 'wx' }));
  } catch (e) {
    // A cancelled or broken upload leaves nothing behind.
    rmSync(folder, { recursive: true, force: true });
    throw e;
  }
  return path;
}
