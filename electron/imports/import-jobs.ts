import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ColumnMapping } from '../../shared/domain/column-mapping';
import type { ImportProgress, ImportSummary } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Workspace } from '../workspace/workspace';
import { rebuildRecords } from '../records/rebuild';
import { prepareImport, recoverInterruptedImports, runImport } from './import-file';

type Deps = {
  workspace: Workspace;
  emitProgress: (p: ImportProgress) => void;
  emitDataChanged: (tables: string[]) => void;
};

export type ImportRequest = { path: string; preset?: string | undefined; mapping?: ColumnMapping | undefined; acceptValidRows: boolean };

/**
 * Background imports for one workspace: each reports progress (bytes and rows) as import:progress,
 * can be cancelled, and rebuilds the accepted-work records when it adds rows.
 */
export function createImportJobs(deps: Deps) {
  recoverInterruptedImports(deps.workspace.db);
  const running = new Map<string, { controller: AbortController; done: Promise<ImportSummary | null> }>();

  return {
    start(request: ImportRequest): { jobId: string; done: Promise<ImportSummary | null> } {
      // Format and file problems are refused here, before a job exists (the caller sees the error).
      const { file, reader } = prepareImport({ path: request.path }, request);
      const jobId = randomUUID();
      const controller = new AbortController();
      const fileName = basename(request.path);
      const base: Omit<ImportProgress, 'state' | 'bytesRead' | 'totalBytes' | 'rows' | 'summary' | 'error'> = { jobId, fileName };
      let last = { bytesRead: 0, totalBytes: 0, rows: 0 };
      const done = (async () => {
        try {
          const summary = await runImport(deps.workspace.db, file, reader, {
            acceptValidRows: request.acceptValidRows,
            signal: controller.signal,
            onProgress: (p) => {
              last = p;
              deps.emitProgress({ ...base, state: 'running', ...p, summary: null, error: null });
            },
          });
          if (summary.rowsImported > 0) {
            rebuildRecords(deps.workspace.db, deps.workspace.settings());
            deps.emitDataChanged(['*']);
          }
          deps.emitProgress({ ...base, state: 'succeeded', ...last, bytesRead: last.totalBytes, summary, error: null });
          return summary;
        } catch (e) {
          const cancelled = controller.signal.aborted;
          const message = e instanceof Error ? e.message : String(e);
          const rejections = e instanceof AppError ? ((e.details as { rejections?: { line: number; reason: string }[] } | undefined)?.rejections ?? []) : [];
          deps.emitProgress({ ...base, state: cancelled ? 'cancelled' : 'failed', ...last, summary: null, error: { message, rejections } });
          deps.emitDataChanged(['imports']);
          return null;
        } finally {
          running.delete(jobId);
        }
      })();
      running.set(jobId, { controller, done });
      return { jobId, done };
    },
    cancel(jobId: string): boolean {
      const job = running.get(jobId);
      if (!job) return false;
      job.controller.abort(new AppError('CANCELLED', 'Cancelled.'));
      return true;
    },
    wait: (jobId: string): Promise<ImportSummary | null> => running.get(jobId)?.done ?? Promise.resolve(null),
  };
}
export type ImportJobs = ReturnType<typeof createImportJobs>;
