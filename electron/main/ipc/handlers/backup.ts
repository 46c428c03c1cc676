import { AppError } from '../../../../shared/ipc/result';
import { runningImports } from '../../../db/repositories/imports';
import { markInterruptedRuns } from '../../../db/repositories/sync-runs';
import { recoverInterruptedImports } from '../../../imports/import-file';
import { syncLockHeld } from '../../../sync/sync-lock';
import { backupWorkspace, defaultBackupPath, restoreIntoWorkspace } from '../../../workspace/backup';
import type { HandlerContext, HandlerMap } from '../handler-types';

/** A restore replaces every table: refused while a job in this or another process is writing to them. */
function assertIdle(ctx: HandlerContext): void {
  if (ctx.services.sync.status() !== null || syncLockHeld(ctx.workspace.dir)) {
    throw new AppError('BUSY', 'A sync is running; wait for it to finish or cancel it, then restore.');
  }
  if (runningImports(ctx.workspace.db).length > 0) throw new AppError('BUSY', 'An import is running; wait for it to finish or cancel it, then restore.');
}

export const backupHandlers: Pick<HandlerMap, 'workspace:backup' | 'workspace:restore'> = {
  'workspace:backup': (input, ctx) => backupWorkspace(ctx.workspace, input.path ?? defaultBackupPath(ctx.workspace, new Date().toISOString()), { overwrite: input.overwrite }),
  'workspace:restore': async (input, ctx) => {
    assertIdle(ctx);
    const outcome = await restoreIntoWorkspace(ctx.workspace, input.path);
    // Jobs that were running when the backup was taken did not survive it: report them as interrupted.
    markInterruptedRuns(ctx.workspace.db);
    recoverInterruptedImports(ctx.workspace.db);
    ctx.emit('workspace:data-changed', { tables: ['*'] });
    return outcome;
  },
};
