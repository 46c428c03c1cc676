import { z } from 'zod';

/** A local path: from Electron (a chosen file's own path), the browser host (an upload's stored copy) or the CLI. */
const FilePath = z.string().min(1).max(4096);

export const BackupInfoSchema = z.object({
  /** Absolute path of the backup file written. */
  path: z.string(),
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int(),
  workspaceName: z.string(),
  isDemo: z.boolean(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

export const RestoreOutcomeSchema = z.object({
  restoredFrom: z.string(),
  /** The backup's schema; older backups are migrated to `schemaVersion` as they are restored. */
  backupSchemaVersion: z.number().int(),
  schemaVersion: z.number().int(),
  /** The workspace's data as it was before the restore (null when restoring into a new folder). */
  safetyCopy: z.string().nullable(),
  workspaceDir: z.string(),
});
export type RestoreOutcome = z.infer<typeof RestoreOutcomeSchema>;

export const WORKSPACE_BACKUP_CONTRACT = {
  /**
   * Copies the workspace database with SQLite's online backup (consistent while the app runs) into
   * one self-contained file. No path: a new file in the workspace's backups folder. An existing
   * file is never replaced unless `overwrite` (the CLI's --force).
   */
  'workspace:backup': {
    input: z.object({ path: FilePath.optional(), overwrite: z.boolean().default(false) }).strict(),
    output: BackupInfoSchema,
  },
  /**
   * Replaces this workspace's data with a backup after checking it is a Yardstick workspace this app
   * can open (not damaged, not from a newer version). A safety copy of the current data is kept in
   * the backups folder first. Refused (BUSY) while a sync or import runs.
   */
  'workspace:restore': {
    input: z.object({ path: FilePath }).strict(),
    output: RestoreOutcomeSchema,
  },
} as const;
