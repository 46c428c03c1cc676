import type { BackupInfo, RestoreOutcome } from '../../../../shared/ipc/contract-workspace-backup';
import { invoke } from '../../lib/ipc';

/** Writes a backup to `path`, or to a new file in the workspace's backups folder when none is given. */
export const backupWorkspace = (path: string | null): Promise<BackupInfo> => invoke('workspace:backup', path === null ? {} : { path });

/** Replaces the workspace's data with a backup (main keeps a safety copy of the current data first). */
export const restoreWorkspace = (path: string): Promise<RestoreOutcome> => invoke('workspace:restore', { path });
