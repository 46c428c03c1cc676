import { listSyncRuns } from '../../../db/repositories/sync-runs';
import type { HandlerMap } from '../handler-types';

export const syncHandlers: Pick<HandlerMap, 'sync:start' | 'sync:cancel' | 'sync:status' | 'sync:history'> = {
  'sync:start': (input, ctx) => ({ jobId: ctx.services.sync.start({ source: input.source, full: input.full }).jobId }),
  'sync:cancel': (input, ctx) => ({ cancelled: ctx.services.sync.cancel(input.jobId) }),
  'sync:status': (_input, ctx) => ctx.services.sync.status(),
  'sync:history': (input, ctx) => listSyncRuns(ctx.workspace.db, { source: input.source, limit: input.limit }),
};
