import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import type { ColumnMapping } from '../../shared/domain/column-mapping';
import type { ImportSummary } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { storageFailure, type Db } from '../db/connection';
import { openImportFile, type ImportInput, type OpenedFile } from './file-source';
import { resolveReader, type Reader } from './resolve-reader';
import { isProcessAlive } from '../workspace/process-alive';
import { failImportRow, finishImportRow, markInterruptedImport, removeImportRows, runningImports, startImportRow } from '../db/repositories/imports';

export type { ImportInput } from './file-source';

export type ImportProgressReport = { bytesRead: number; totalBytes: number; rows: number };

export type ImportOptions = {
  preset?: string | undefined;
  mapping?: ColumnMapping | undefined;
  /** Import the valid rows and keep a report of the rejected ones, instead of all or nothing. */
  acceptValidRows?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgressReport) => void;
  now?: () => string;
};

const BATCH = 5_000;
const MAX_STORED_REJECTIONS = 10_000;
const PROGRESS_EVERY_MS = 250;

/**
 * Imports one billing/usage file, streaming it (a 2 GB export never has to fit in memory): the
 * format is recognised or chosen, every row validated, and rows written idempotently by their
 * natural key in batches tagged with the import id. A file is imported whole or not at all unless
 * `acceptValidRows` is set: any failure, rejection or cancellation deletes exactly this import's
 * rows again, so nothing half-imported survives (a kill -9 is cleaned up the same way on restart).
 */
export async function importFile(db: Db, input: ImportInput, opts: ImportOptions = {}): Promise<ImportSummary> {
  const { file, reader } = prepareImport(input, opts);
  return runImport(db, file, reader, opts);
}

/** Opens the file and decides how to read it; throws a clear error before anything is written. */
export function prepareImport(input: ImportInput, opts: Pick<ImportOptions, 'preset' | 'mapping'>): { file: OpenedFile; reader: Reader } {
  const file = openImportFile(input, opts.mapping ? { encoding: opts.mapping.encoding } : {});
  return { file, reader: resolveReader(file, opts) };
}

export async function runImport(db: Db, file: OpenedFile, reader: Reader, opts: ImportOptions = {}): Promise<ImportSummary> {
  const now = opts.now ?? (() => new Date().toISOString());
  const hash = createHash('sha256');
  let bytesRead = 0;
  const importId = startImportRow(db, { fileName: file.name, format: reader.id, at: now() });
  const write = reader.preset.writer(db, importId);
  const rejections: { line: number; reason: string; raw?: string }[] = [];
  let rejected = 0;
  let total = 0;
  let imported = 0;
  let batch: { line: number; row: unknown }[] = [];
  let lastProgress = 0;
  const reject = (line: number, reason: string, raw?: string) => {
    rejected += 1;
    if (rejections.length < MAX_STORED_REJECTIONS) rejections.push({ line, reason, ...(raw ? { raw } : {}) });
  };
  const flush = db.transaction((rows: { line: number; row: unknown }[]) => {
    for (const r of rows) {
      const outcome = write(r.row, r.line);
      if (outcome === true) imported += 1;
      else if (outcome !== false) reject(r.line, outcome.conflict);
    }
  });
  const report = (force = false) => {
    if (!opts.onProgress) return;
    const t = Date.now();
    if (!force && t - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = t;
    opts.onProgress({ bytesRead, totalBytes: file.size, rows: total });
  };
  // A cancel must end the import even while the reader waits for data (a slow disk, a stalled stream).
  const onAbort = () => file.close(new AppError('CANCELLED', 'Cancelled.'));
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const onBytes = (chunk: Buffer) => {
      hash.update(chunk);
      bytesRead += chunk.length;
    };
    for await (const parsed of reader.rows(onBytes, opts.signal)) {
      opts.signal?.throwIfAborted();
      total += 1;
      if (!parsed.ok) reject(parsed.line, parsed.reason, parsed.raw);
      else batch.push({ line: parsed.line, row: parsed.row });
      if (batch.length >= BATCH) {
        flush(batch);
        batch = [];
        report();
      }
    }
    flush(batch);
    batch = [];
    report(true);
    if (rejected > 0 && !opts.acceptValidRows) {
      throw new AppError('INVALID_INPUT', `${file.name}: ${rejected} of ${total} rows cannot be read; nothing was imported.`, {
        rejections: rejections.slice(0, 100).map(({ line, reason }) => ({ line, reason })),
      });
    }
    if (total === 0) throw new AppError('INVALID_INPUT', `${file.name} has no data rows.`);
  } catch (e) {
    file.close();
    opts.signal?.removeEventListener('abort', onAbort);
    const cancelled = opts.signal?.aborted === true;
    removeImportRows(db, importId, reader.preset.tables);
    // A full or read-only disk is not a problem with the file: say what it is.
    const storage = cancelled || e instanceof AppError ? null : storageFailure(e, dirname(db.name), 'database');
    const error = cancelled
      ? 'Cancelled; nothing from this file was kept.'
      : e instanceof AppError
        ? e.message
        : storage
          ? `${file.name} was not imported, nothing from it was kept: ${storage.message}`
          : `${file.name} could not be read: ${(e as Error).message}. Nothing was imported.`;
    failImportRow(db, importId, { at: now(), total, rejected, error });
    if (cancelled) throw new AppError('CANCELLED', error);
    if (e instanceof AppError) throw e;
    throw new AppError(storage ? storage.code : 'INVALID_INPUT', error);
  }
  opts.signal?.removeEventListener('abort', onAbort);
  const sha256 = hash.digest('hex');
  finishImportRow(db, importId, { at: now(), sha256, total, imported, rejected, rejections });
  return {
    importId,
    fileName: file.name,
    format: reader.label,
    sha256,
    rowsTotal: total,
    rowsImported: imported,
    rowsSkipped: total - imported - rejected,
    rowsRejected: rejected,
    rejections: rejections.slice(0, 100).map(({ line, reason }) => ({ line, reason })),
  };
}

/** Every table an import can write to (undo and recovery remove an import's rows from these). */
export const IMPORT_TABLES = ['run_events', 'copilot_usage', 'copilot_org_daily', 'billing_lines'] as const;

/**
 * Imports left 'running' by a process that no longer exists were interrupted: their rows are
 * removed (an import is whole or nothing) and they are listed as interrupted, to be run again.
 */
export function recoverInterruptedImports(db: Db): number {
  const stale = runningImports(db).filter((r) => r.pid === null || (r.pid !== process.pid && !isProcessAlive(r.pid)));
  for (const { id } of stale) {
    removeImportRows(db, id, IMPORT_TABLES);
    markInterruptedImport(db, id, new Date().toISOString());
  }
  return stale.length;
}

export { removeImportRows };
