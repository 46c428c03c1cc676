import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, RestoreOutcome } from '../../../shared/ipc/contract-workspace-backup';
import { AppError } from '../../../shared/ipc/result';
import { restoreIntoNewFolder, restoreOverUnopenable } from '../../workspace/backup';
import { DB_FILE, openWorkspace, type Workspace } from '../../workspace/workspace';
import { call, printJson, requireWorkspaceArg, type CliArgs } from '../run-channel';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function requirePath(args: CliArgs, name: 'out' | 'from'): string {
  const v = args[name];
  if (typeof v !== 'string' || v === '') throw new AppError('INVALID_INPUT', `missing --${name} FILE`);
  return v;
}

/** `yardstick backup`: the workspace:backup handler, as Settings → Backup calls it. */
export async function backupCommand(args: CliArgs): Promise<void> {
  const out = requirePath(args, 'out');
  const ws = openWorkspace(requireWorkspaceArg(args), { create: false });
  let info: BackupInfo;
  try {
    info = await call(ws, 'workspace:backup', { path: out, overwrite: args['force'] === true });
  } finally {
    ws.close();
  }
  if (args['format'] === 'json') printJson(info);
  else process.stdout.write(`Backed up ${info.workspaceName}${info.isDemo ? ' (demo)' : ''}, schema v${info.schemaVersion}, ${mb(info.sizeBytes)}, to ${info.path}\n`);
}

/**
 * `yardstick restore`: into a new or empty folder; over an existing workspace only with --force,
 * through the same workspace:restore handler as Settings (a safety copy of its data is kept). A
 * workspace that cannot be opened at all is moved aside instead, so a damaged one can be replaced.
 */
export async function restoreCommand(args: CliArgs): Promise<void> {
  const dir = requireWorkspaceArg(args);
  const from = requirePath(args, 'from');
  let outcome: RestoreOutcome;
  if (!existsSync(join(dir, DB_FILE))) {
    outcome = await restoreIntoNewFolder(dir, from);
  } else if (args['force'] !== true) {
    throw new AppError('CONFLICT', `${dir} already holds a workspace; add --force to replace its data with the backup (a safety copy is kept in its backups folder).`);
  } else {
    let ws: Workspace | undefined;
    try {
      ws = openWorkspace(dir, { create: false });
    } catch (e) {
      if (!(e instanceof AppError) || (e.code !== 'WORKSPACE_INVALID' && e.code !== 'WORKSPACE_TOO_NEW')) throw e;
    }
    if (ws) {
      try {
        outcome = await call(ws, 'workspace:restore', { path: from });
      } finally {
        ws.close();
      }
    } else {
      outcome = await restoreOverUnopenable(dir, from);
    }
  }
  if (args['format'] === 'json') {
    printJson(outcome);
    return;
  }
  const migrated = outcome.backupSchemaVersion < outcome.schemaVersion ? ` (migrated from schema v${outcome.backupSchemaVersion} to v${outcome.schemaVersion})` : '';
  process.stdout.write(`Restored ${outcome.restoredFrom} into ${outcome.workspaceDir}${migrated}\n`);
  if (outcome.safetyCopy) process.stdout.write(`The data it replaced is kept in ${outcome.safetyCopy}\n`);
}
