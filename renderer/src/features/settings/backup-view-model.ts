/** What the file chooser offers for a restore: the names `yardstick backup` and Settings write, and SQLite's usual ones. */
export const BACKUP_ACCEPT = '.sqlite,.sqlite3,.db';

/**
 * The backup target as typed: empty means "the workspace's backups folder" (null); otherwise it
 * must be an absolute path to a file (main resolves relative paths against its own folder, which
 * the user cannot see), on POSIX or Windows.
 */
export function backupTarget(text: string): { ok: true; path: string | null } | { ok: false; error: string } {
  const path = text.trim();
  if (path === '') return { ok: true, path: null };
  const absolute = path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
  if (!absolute) return { ok: false, error: 'Give the full path of the file to write (it starts with / or a drive letter), or leave it empty.' };
  if (/[\\/]$/.test(path)) return { ok: false, error: 'That is a folder; add a file name, such as yardstick-backup.sqlite.' };
  return { ok: true, path };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
