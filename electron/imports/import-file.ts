import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '../db/connection';
import { AppError } from '../../shared/ipc/result';
import type { PresetId } from './preset';
import { detectPreset, presetById } from './presets';

export type ImportSource = { name: string; content: string | Buffer };

export type ImportSummary = {
  importId: number;
  fileName: string;
  preset: PresetId;
  sha256: string;
  rowsTotal: number;
  rowsImported: number;
  rowsSkipped: number;
  rowsRejected: number;
  rejections: { line: number; reason: string }[];
};

const BATCH = 2_000;

/**
 * Imports one billing/usage file: detects (or checks) the format, validates every row, and writes
 * rows idempotently by their natural key. A file is imported whole or not at all unless
 * `acceptValidRows` is set: rows are written in batches tagged with the import id, and any failure
 * deletes exactly those rows again, so nothing half-imported survives.
 */
export async function importFile(db: Db, file: ImportSource, opts: { preset?: PresetId; acceptValidRows?: boolean; now?: () => string } = {}): Promise<ImportSummary> {
  const now = opts.now ?? (() => new Date().toISOString());
  const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
  const head = bytes.subarray(0, 4096).toString('utf8');
  if (bytes.length === 0 || head.trim() === '') throw new AppError('INVALID_INPUT', `${file.name} is empty.`);
  const detected = detectPreset(head);
  const preset = opts.preset ? presetById(opts.preset) : detected;
  if (!preset) throw new AppError('INVALID_INPUT', `${file.name}: the format is not recognised. Choose a preset or a column mapping.`);
  if (opts.preset && detected && detected.id !== opts.preset) {
    throw new AppError('INVALID_INPUT', `${file.name} looks like a ${detected.label}, not the chosen ${preset.label}.`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const importId = Number(
    db
      .prepare("INSERT INTO imports (file_name, file_sha256, preset, status, started_at) VALUES (?, ?, ?, 'running', ?)")
      .run(file.name, sha256, preset.id, now()).lastInsertRowid,
  );
  const write = preset.writer(db, importId);
  const rejections: { line: number; reason: string; raw?: string }[] = [];
  let total = 0;
  let imported = 0;
  let batch: { line: number; row: unknown }[] = [];
  const flush = db.transaction((rows: { line: number; row: unknown }[]) => {
    for (const r of rows) if (write(r.row, r.line)) imported += 1;
  });
  try {
    for await (const parsed of preset.rows(Readable.from(bytes))) {
      total += 1;
      if (!parsed.ok) {
        rejections.push({ line: parsed.line, reason: parsed.reason, ...(parsed.raw ? { raw: parsed.raw } : {}) });
        continue;
      }
      batch.push({ line: parsed.line, row: parsed.row });
      if (batch.length >= BATCH) {
        flush(batch);
        batch = [];
      }
    }
    if (rejections.length > 0 && !opts.acceptValidRows) {
      throw new AppError('INVALID_INPUT', `${file.name}: ${rejections.length} of ${total} rows cannot be read; nothing was imported.`, {
        rejections: rejections.slice(0, 100).map(({ line, reason }) => ({ line, reason })),
      });
    }
    if (total === 0) throw new AppError('INVALID_INPUT', `${file.name} has no data rows.`);
    flush(batch);
  } catch (e) {
    removeImportRows(db, importId, preset.tables);
    db.prepare("UPDATE imports SET status = 'failed', finished_at = ?, rows_total = ?, rows_rejected = ? WHERE id = ?").run(now(), total, rejections.length, importId);
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', `${file.name} could not be read: ${(e as Error).message}. Nothing was imported.`);
  }
  db.transaction(() => {
    const reject = db.prepare('INSERT OR REPLACE INTO import_rejections (import_id, line, reason, raw) VALUES (?, ?, ?, ?)');
    for (const r of rejections) reject.run(importId, r.line, r.reason, r.raw ?? null);
    db.prepare(
      "UPDATE imports SET status = 'succeeded', finished_at = ?, rows_total = ?, rows_imported = ?, rows_skipped = ?, rows_rejected = ? WHERE id = ?",
    ).run(now(), total, imported, total - imported - rejections.length, rejections.length, importId);
  })();
  return {
    importId,
    fileName: file.name,
    preset: preset.id,
    sha256,
    rowsTotal: total,
    rowsImported: imported,
    rowsSkipped: total - imported - rejections.length,
    rowsRejected: rejections.length,
    rejections: rejections.map(({ line, reason }) => ({ line, reason })),
  };
}

export function removeImportRows(db: Db, importId: number, tables: readonly string[]): void {
  db.transaction(() => {
    for (const table of tables) db.prepare(`DELETE FROM ${table} WHERE import_id = ?`).run(importId);
  })();
}
