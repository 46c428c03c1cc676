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
