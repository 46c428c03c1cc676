import type { WorkspaceStatus } from '../../../../shared/ipc/contract';
import { latestActivity } from '../../../db/repositories/records';
import { lastImport, schemaVersion, sourcesWithLastSync, tableCounts } from '../../../db/repositories/status';
import type { Workspace } from '../../../workspace/workspace';
import type { HandlerMap } from '../handler-types';
import { APP_BUILD } from '../../build-info';

export function workspaceStatus(ws: Workspace): WorkspaceStatus {
  const settings = ws.settings();
  const sources = sourcesWithLastSync(ws.db);
  const syncTimes = sources.map((s) => s.lastSyncAt).filter((t): t is string => t !== null).sort();
  return {
    dir: ws.dir,
    name: settings.name,
    schemaVersion: schemaVersion(ws.db),
    currency: settings.currency,
    isDemo: settings.isDemo,
    tables: tableCounts(ws.db),
    sources,
    lastSyncAt: syncTimes[syncTimes.length - 1] ?? null,
    lastImport: lastImport(ws.db),
    dataRange: latestActivity(ws.db),
  };
}

export const workspaceHandlers: Pick<HandlerMap, 'workspace:get-status' | 'app:get-info'> = {
  'workspace:get-status': (_input, ctx) => workspaceStatus(ctx.workspace),
  'app:get-info': (_input, ctx) => {
    const s = ctx.workspace.settings();
    return {
      name: 'Yardstick',
      version: ctx.version,
      build: APP_BUILD,
      host: ctx.host,
      workspaceDir: ctx.workspace.dir,
      workspaceName: s.name,
      isDemo: s.isDemo,
      currency: s.currency,
      peopleViewsEnabled: s.peopleViewsEnabled,
    };
  },
};
