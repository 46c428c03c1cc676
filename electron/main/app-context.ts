import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload, WorkspaceStatus } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { openWorkspace, DB_FILE, type Workspace } from '../workspace/workspace';
import { dispatch } from './ipc/dispatch';
import type { AppServices, HandlerContext } from './ipc/handler-types';
import { keytarStore, type CredentialStore } from '../secrets/credential-store';
import { createSyncEngine } from '../sync/engine';
import { requestLog } from '../log/request-log';
import { createImportJobs } from '../imports/import-jobs';
import { handlers } from './ipc/handlers';
import pkg from '../../package.json';

export const APP_VERSION: string = pkg.version;

const services = new WeakMap<Workspace, AppServices>();

/** The workspace's services, created on first use; events go to whichever emitter created them. */
function servicesFor(workspace: Workspace, emit: HandlerContext['emit'], secrets?: CredentialStore): AppServices {
  let s = services.get(workspace);
  if (!s) {
    const log = requestLog(workspace.dir);
    const store = secrets ?? keytarStore();
    s = {
      secrets: store,
      sync: createSyncEngine({
        workspace,
        secrets: store,
        emitProgress: (p) => emit('sync:progress', p),
        emitDataChanged: (tables) => emit('workspace:data-changed', { tables }),
        log: log.write,
        flushLog: log.flush,
      }),
      imports: createImportJobs({
        workspace,
        emitProgress: (p) => emit('import:progress', p),
        emitDataChanged: (tables) => emit('workspace:data-changed', { tables }),
      }),
    };
    services.set(workspace, s);
  }
  return s;
}

export const makeContext = (
  host: HandlerContext['host'],
  workspace: Workspace,
  emit: HandlerContext['emit'] = <E extends EventName>(_e: E, _p: EventPayload<E>) => undefined,
  opts: { secrets?: CredentialStore } = {},
): HandlerContext => ({ host, version: APP_VERSION, workspace, emit, services: servicesFor(workspace, emit, opts.secrets) });

/**
 * Creates a demo workspace in `dir` through the demo:create handler. It is built in a sibling
 * folder and moved into place when complete, so an interrupted run never leaves a half-filled
 * workspace behind.
 */
export async function createDemoWorkspace(dirArg: string, opts: { host: HandlerContext['host']; scale?: number; seed?: number; emit?: HandlerContext['emit'] }): Promise<WorkspaceStatus> {
  const dir = resolve(dirArg);
  if (existsSync(join(dir, DB_FILE))) throw new AppError('CONFLICT', `${dir} already holds a workspace; choose an empty or new folder for the demo.`);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new AppError('CONFLICT', `${dir} is not empty; choose an empty or new folder for the demo.`);
  const staging = join(dirname(dir), `.${basename(dir)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const workspace = openWorkspace(staging, { create: true });
  let status: WorkspaceStatus;
  try {
    const result = await dispatch(handlers, 'demo:create', { scale: opts.scale ?? 1, seed: opts.seed ?? 42 }, makeContext(opts.host, workspace, opts.emit));
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    workspace.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    workspace.close();
  }
  if (existsSync(dir)) rmSync(dir, { recursive: true });
  renameSync(staging, dir);
  const moved = openWorkspace(dir, { create: false });
  try {
    const result = await dispatch(handlers, 'workspace:get-status', {}, makeContext(opts.host, moved));
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    status = result.data as WorkspaceStatus;
  } finally {
    moved.close();
  }
  return status;
}

/** Opens the demo workspace, creating it the first time (Electron app and `yardstick serve`). */
export async function openDemoWorkspace(dir: string, host: HandlerContext['host'], emit?: HandlerContext['emit']): Promise<Workspace> {
  if (!existsSync(join(dir, DB_FILE))) await createDemoWorkspace(dir, { host, ...(emit ? { emit } : {}) });
  return openWorkspace(dir, { create: false });
}
