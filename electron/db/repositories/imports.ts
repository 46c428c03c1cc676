import type { Db } from '../connection';
import type { ImportView } from '../../../shared/ipc/contract';
import { ColumnMappingSchema, type ColumnMapping } from '../../../shared/domain/column-mapping';
import type { ExchangeRate } from '../../../shared/ipc/contract';

type DbImport = { id: number; file_name: string; file_sha256: string; preset: string; status: ImportView['status']; error: string | null; rows_total: number; rows_imported: number; rows_skipped: number; rows_rejected: number; started_at: string; finished_at: string | null; undone_at: string | null };

export function listImports(db: Db): ImportView[] {
  return (db.prepare('SELECT * FROM imports ORDER BY id DESC').all() as DbImport[]).map((r) => ({
    id: r.id,
    fileName: r.file_name,
    sha256: r.file_sha256,
    format: r.preset,
    status: r.status,
    error: r.error,
    rowsTotal: r.rows_total,
    rowsImported: r.rows_imported,
    rowsSkipped: r.rows_skipped,
    rowsRejected: r.rows_rejected,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    undoneAt: r.undone_at,
  }));
}

export const importById = (db: Db, id: number): DbImport | undefined => db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as DbImport | undefined;

export const markUndone = (db: Db, id: number): void => void db.prepare("UPDATE imports SET status = 'undone', undone_at = ? WHERE id = ?").run(new Date().toISOString(), id);

export const importRejections = (db: Db, id: number): { line: number; reason: string; raw: string | null }[] =>
  db.prepare('SELECT line, reason, raw FROM import_rejections WHERE import_id = ? ORDER BY line').all(id) as { line: number; reason: string; raw: string | null }[];

export function listMappings(db: Db): ColumnMapping[] {
  return (db.prepare('SELECT mapping_json FROM column_mappings ORDER BY name').pluck().all() as string[]).flatMap((json) => {
    const parsed = ColumnMappingSchema.safeParse(JSON.parse(json));
    return parsed.success ? [parsed.data] : [];
  });
}

export const mappingByName = (db: Db, name: string): ColumnMapping | null => listMappings(db).find((m) => m.name === name) ?? null;

export function saveMapping(db: Db, mapping: ColumnMapping): void {
  db.prepare(
    `INSERT INTO column_mappings (name, mapping_json, created_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET mapping_json = excluded.mapping_json`,
  ).run(mapping.name, JSON.stringify(mapping), new Date().toISOString());
}

export const deleteMapping = (db: Db, name: string): boolean => db.prepare('DELETE FROM column_mappings WHERE name = ?').run(name).changes > 0;

export const listRates = (db: Db): ExchangeRate[] =>
  db.prepare('SELECT from_currency AS "from", to_currency AS "to", valid_from AS validFrom, rate FROM exchange_rates ORDER BY from_currency, to_currency, valid_from').all() as ExchangeRate[];

export const deleteRate = (db: Db, r: Omit<ExchangeRate, 'rate'>): void =>
  void db.prepare('DELETE FROM exchange_rates WHERE from_currency = ? AND to_currency = ? AND valid_from = ?').run(r.from, r.to, r.validFrom);

/** Import bookkeeping: a row per attempt, written by the import pipeline. */
export function startImportRow(db: Db, r: { fileName: string; format: string; at: string }): number {
  return Number(
    db.prepare("INSERT INTO imports (file_name, file_sha256, preset, status, started_at, pid) VALUES (?, '', ?, 'running', ?, ?)").run(r.fileName, r.format, r.at, process.pid).lastInsertRowid,
  );
}

export function failImportRow(db: Db, id: number, r: { at: string; total: number; rejected: number; error: string }): void {
  db.prepare("UPDATE imports SET status = 'failed', finished_at = ?, rows_total = ?, rows_rejected = ?, error = ? WHERE id = ?").run(r.at, r.total, r.rejected, r.error, id);
}

/** Records a finished import and its rejected rows in one transaction. */
export function finishImportRow(db: Db, id: number, r: { at: string; sha256: string; total: number; imported: number; rejected: number; rejections: readonly { line: number; reason: string; raw?: string }[] }): void {
  db.transaction(() => {
    const insertRejection = db.prepare('INSERT OR REPLACE INTO import_rejections (import_id, line, reason, raw) VALUES (?, ?, ?, ?)');
    for (const x of r.rejections) insertRejection.run(id, x.line, x.reason, x.raw ?? null);
    db.prepare("UPDATE imports SET status = 'succeeded', file_sha256 = ?, finished_at = ?, rows_total = ?, rows_imported = ?, rows_skipped = ?, rows_rejected = ? WHERE id = ?").run(
      r.sha256,
      r.at,
      r.total,
      r.imported,
      r.total - r.imported - r.rejected,
      r.rejected,
      id,
    );
  })();
}

export const runningImports = (db: Db): { id: number; pid: number | null }[] =>
  db.prepare("SELECT id, pid FROM imports WHERE status = 'running'").all() as { id: number; pid: number | null }[];

export const markInterruptedImport = (db: Db, id: number, at: string): void =>
  void db.prepare("UPDATE imports SET status = 'interrupted', finished_at = ?, error = 'The app stopped during this import; nothing from it was kept. Import the file again.' WHERE id = ?").run(at, id);

/** Deletes exactly the rows one import wrote (undo, failure, cancellation, interrupted recovery). */
export function removeImportRows(db: Db, importId: number, tables: readonly string[]): number {
  let removed = 0;
  db.transaction(() => {
    for (const table of tables) removed += db.prepare(`DELETE FROM ${table} WHERE import_id = ?`).run(importId).changes;
  })();
  return removed;
}

/** The latest finished import of the same bytes, if any. */
export const succeededImportBySha = (db: Db, sha256: string): { id: number; at: string } | undefined =>
  db.prepare("SELECT id, finished_at AS at FROM imports WHERE file_sha256 = ? AND status = 'succeeded' ORDER BY id DESC LIMIT 1").get(sha256) as { id: number; at: string } | undefined;
