import { randomUUID } from 'node:crypto';
import type { SyncProgressEvent } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { storageFailure } from '../db/connection';
import { listSyncSources, syncSourceByName, type SourceRow } from '../db/repositories/sources';
import { finishSyncRun, markInterruptedRuns, startSyncRun } from '../db/repositories/sync-runs';
import { rebuildRecords } from '../records/rebuild';
import type { CredentialStore } from '../secrets/credential-store';
import type { Workspace } from '../workspace/workspace';
import { RemoteError } from './http/errors';
import type { RequestLogEntry } from './http/http-client';
import { syncGitLab } from './gitlab/gitlab-sync';
import { syncJira } from './jira/jira-sync';
import type { SyncContext, SyncProgress } from './sync-context';
import { acquireSyncLock, syncLockHeld } from './sync-lock';

export type SyncOutcome = { source: string; status: 'succeeded' | 'failed' | 'cancelled'; stats: Record<string, number>; error: string | null };
export type SyncJob = { jobId: string; sources: string[]; startedAt: string; done: Promise<SyncOutcome[]> };

type Deps = {
  workspace: Workspace;
  secrets: CredentialStore;
  emitProgress: (p: SyncProgressEvent) => void;
  emitDataChanged: (tables: string[]) => void;
  log: (entry: RequestLogEntry & { source: string }) => void;
  flushLog?: () => Promise<void>;
};

/**
 * Runs syncs for one workspace: one at a time (in this process and across processes), each source
 * recorded in sync_runs with what it fetched, progress with an estimate, cancellation, and a
 * rebuild of the accepted-work records afterwards.
 */
export function createSyncEngine(deps: Deps) {
  const { workspace } = deps;
  // Runs left 'running' by a process that died are reported as interrupted, not as running forever.
  if (!syncLockHeld(workspace.dir)) markInterruptedRuns(workspace.db);
  let current: { job: SyncJob; controller: AbortController; progress: Map<string, SyncProgressEvent> } | null = null;

  async function runSource(jobId: string, source: SourceRow, full: boolean, signal: AbortSignal, progressMap: Map<string, SyncProgressEvent>): Promise<SyncOutcome> {
    const runId = startSyncRun(workspace.db, source.id, { full, at: new Date().toISOString() });
    const counts: Record<string, number> = {};
    const state: SyncProgress & { startedMs: number } = { step: 'Starting', done: 0, total: null, waiting: null, startedMs: Date.now() };
    const publish = (status: SyncProgressEvent['state'], message: string | null = null) => {
      const elapsed = (Date.now() - state.startedMs) / 1000;
      const rate = state.done > 0 && elapsed > 0 ? state.done / elapsed : null;
      const event: SyncProgressEvent = {
        jobId,
        source: source.name,
        state: status,
        step: state.step,
        done: state.done,
        total: state.total,
        etaSeconds: rate && state.total !== null && state.total >= state.done ? Math.round((state.total - state.done) / rate) : null,
        waiting: state.waiting,
        counts: { ...counts },
        message,
      };
      progressMap.set(source.name, event);
      deps.emitProgress(event);
    };
    try {
      if (!source.secretRef) throw new AppError('INVALID_INPUT', `Source "${source.name}" has no token; edit it and enter one.`);
      const token = await deps.secrets.get(source.secretRef);
      if (!token) throw new AppError('NOT_FOUND', `The token for "${source.name}" is not in the keychain any more; edit the source and enter it again.`);
      const ctx: SyncContext = {
        db: workspace.db,
        source,
        token,
        full,
        signal,
        botUsernames: workspace.settings().linking.aiBotUsernames,
        progress: (p) => {
          if (p.step !== undefined && p.step !== state.step) state.startedMs = Date.now();
          Object.assign(state, p);
          publish('running');
        },
        count: (key, n = 1) => void (counts[key] = (counts[key] ?? 0) + n),
        log: (entry) => deps.log({ ...entry, source: source.name }),
      };
      await (source.kind === 'jira' ? syncJira(ctx) : syncGitLab(ctx));
      finishSyncRun(workspace.db, runId, { status: 'succeeded', at: new Date().toISOString(), stats: counts });
      state.step = 'Done';
      publish('succeeded');
      return { source: source.name, status: 'succeeded', stats: counts, error: null };
    } catch (e) {
      const cancelled = signal.aborted || (e instanceof RemoteError && e.failure === 'cancelled');
      const storage = cancelled ? null : storageFailure(e, workspace.dir, 'database');
      const message = cancelled
        ? 'Cancelled; what was fetched so far is kept and the next sync resumes from there.'
        : storage
          ? `${storage.message} The next sync resumes from the last page saved.`
          : e instanceof Error
            ? e.message
            : String(e);
      finishSyncRun(workspace.db, runId, { status: cancelled ? 'cancelled' : 'failed', at: new Date().toISOString(), stats: counts, error: message });
      publish(cancelled ? 'cancelled' : 'failed', message);
      return { source: source.name, status: cancelled ? 'cancelled' : 'failed', stats: counts, error: message };
    }
  }

  return {
    start(opts: { source?: string | undefined; full?: boolean }): SyncJob {
      if (current) throw new AppError('BUSY', 'A sync is already running; wait for it or cancel it.');
      // Without a name: every source that has a token (the demo's sources have none and are skipped).
      const sources = opts.source ? [syncSourceByName(workspace.db, opts.source)] : listSyncSources(workspace.db).filter((s) => s.secretRef !== null);
      if (opts.source && !sources[0]) throw new AppError('NOT_FOUND', `No Jira or GitLab source named "${opts.source}" that can be synced.`);
      const targets = sources.filter((s): s is SourceRow => s !== null);
      if (targets.length === 0) throw new AppError('NOT_FOUND', 'There is no Jira or GitLab source to sync; add one first.');
      const release = acquireSyncLock(workspace.dir);
      const controller = new AbortController();
      const jobId = randomUUID();
      const progress = new Map<string, SyncProgressEvent>();
      const done = (async () => {
        const outcomes: SyncOutcome[] = [];
        try {
          for (const source of targets) {
            if (controller.signal.aborted) break;
            outcomes.push(await runSource(jobId, source, opts.full ?? false, controller.signal, progress));
          }
          if (outcomes.some((o) => Object.values(o.stats).some((n) => n > 0))) {
            rebuildRecords(workspace.db, workspace.settings());
            deps.emitDataChanged(['*']);
          }
        } finally {
          await deps.flushLog?.();
          release();
          current = null;
        }
        return outcomes;
      })();
      const job: SyncJob = { jobId, sources: targets.map((s) => s.name), startedAt: new Date().toISOString(), done };
      current = { job, controller, progress };
      return job;
    },
    cancel(jobId: string): boolean {
      if (!current || current.job.jobId !== jobId) return false;
      current.controller.abort(new RemoteError('cancelled', 'Cancelled.'));
      return true;
    },
    /** Resolves when the job finishes (the CLI waits on this after sync:start). */
    wait(jobId: string): Promise<SyncOutcome[]> {
      if (!current || current.job.jobId !== jobId) return Promise.resolve([]);
      return current.job.done;
    },
    status() {
      return current ? { jobId: current.job.jobId, sources: current.job.sources, startedAt: current.job.startedAt, progress: [...current.progress.values()] } : null;
    },
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
