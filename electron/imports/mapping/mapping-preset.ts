import { formatExactAmount } from '../../../shared/domain/money';
import { createHash } from 'node:crypto';
import type { ColumnMapping, MappableField } from '../../../shared/domain/column-mapping';
import type { Db } from '../../db/connection';
import type { Preset } from '../preset';
import { mappedCsvRows } from './csv-mapped';
import type { MappedRow } from './mapped-row';

type PreviewField = Exclude<MappableField, 'currency'>;

// The amount column shows the currency, so currency has no column of its own.
const PREVIEW_LABELS: Record<PreviewField, string> = {
  date: 'date',
  amount: 'amount',
  quantity: 'quantity',
  unit: 'unit',
  ticketKey: 'ticket',
  runId: 'run',
  mrRef: 'merge request',
  repository: 'repository',
  team: 'team',
  model: 'model',
  provider: 'provider',
  sku: 'sku',
  description: 'description',
  user: 'user',
};

/** Preview table columns for a mapping: date and amount, then the other fields it maps. */
export function previewColumns(mapping: ColumnMapping): string[] {
  const fields = (Object.keys(PREVIEW_LABELS) as PreviewField[]).filter((f) => f === 'date' || f === 'amount' || mapping.columns[f] !== undefined);
  return fields.map((f) => PREVIEW_LABELS[f]);
}

/**
 * Micros as an exact decimal with the currency: at least the currency's minor digits (two for
 * most, none for JPY), more when the amount has them ("0.003125 USD"), thousands grouped.
 */
export const formatAmount = (micros: number, currency: string): string => formatExactAmount(micros, currency);

/** One row for the preview table, keyed by the labels `previewColumns` returns. */
export function previewRow(row: MappedRow): Record<string, string> {
  const text = (v: string | null): string => v ?? '';
  return {
    date: row.date,
    amount: formatAmount(row.amountMicros, row.currency),
    quantity: row.quantity === null ? '' : String(row.quantity),
    unit: text(row.unit),
    ticket: text(row.ticketKey),
    run: text(row.runId),
    'merge request': text(row.mrRef),
    repository: text(row.repository),
    team: text(row.team),
    model: text(row.model),
    provider: text(row.provider),
    sku: text(row.sku),
    description: text(row.description),
    user: text(row.user),
  };
}

/** sha256 over the vendor and every normalised value: the same charge hashes the same in any file. */
export function rowHash(vendor: string, r: MappedRow): Buffer {
  const values = [vendor, r.date, r.amountMicros, r.currency, r.quantity, r.unit, r.ticketKey, r.runId, r.mrRef, r.repository, r.team, r.model, r.provider, r.sku, r.description, r.user];
  return createHash('sha256').update(JSON.stringify(values)).digest();
}

/**
 * billing_lines has no provider column: provider and model are stored together as "provider/model"
 * (OpenRouter's convention), or the provider alone when no model is mapped, so nothing is lost.
 */
const modelWithProvider = (r: MappedRow): string | null => {
  if (r.provider === null) return r.model;
  if (r.model === null) return r.provider;
  return r.model.startsWith(`${r.provider}/`) ? r.model : `${r.provider}/${r.model}`;
};

/**
 * Writes mapped rows to billing_lines. A generic file has no row id, so the natural key is the row's
 * hash plus "#n" for its n-th occurrence in this file: two identical charges in one file are both
 * kept, while re-importing the file (or an export overlapping it) adds nothing twice. The counts
 * live in a temp table rather than a Map so a file of millions of rows does not fill the heap; they
 * are kept per import and dropped once that import is no longer running.
 */
function mappingWriter(db: Db, importId: number, mapping: ColumnMapping): (row: MappedRow, line: number) => boolean {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS mapping_row_counts (import_id INTEGER NOT NULL, hash BLOB NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (import_id, hash)) WITHOUT ROWID');
  db.prepare("DELETE FROM temp.mapping_row_counts WHERE import_id NOT IN (SELECT id FROM main.imports WHERE status = 'running')").run();
  const occurrence = db.prepare('INSERT INTO temp.mapping_row_counts (import_id, hash, n) VALUES (?, ?, 1) ON CONFLICT (import_id, hash) DO UPDATE SET n = n + 1 RETURNING n');
  const insert = db.prepare(
    `INSERT INTO billing_lines (import_id, source_line, natural_key, ledger, vendor, occurred_on, amount_micros, currency, quantity, unit, sku, model,
       description, ticket_key, run_id, mr_ref, repository, team, user_ref)
     VALUES (@importId, @line, @key, @ledger, @vendor, @date, @amountMicros, @currency, @quantity, @unit, @sku, @model,
       @description, @ticketKey, @runId, @mrRef, @repository, @team, @user)
     ON CONFLICT(natural_key) DO NOTHING`,
  );
  return (row, line) => {
    const hash = rowHash(mapping.vendor, row);
    const { n } = occurrence.get(importId, hash) as { n: number };
    return (
      insert.run({
        ...row,
        importId,
        line,
        key: `${hash.toString('hex')}#${n}`,
        ledger: mapping.ledger,
        vendor: mapping.vendor,
        model: modelWithProvider(row),
      }).changes > 0
    );
  };
}

/**
 * The importer for a CSV read through a saved column mapping (XLSX rows come from
 * `mappedXlsxRows` and are written by the same writer). A mapping is chosen, never detected.
 */
export function mappingPreset(mapping: ColumnMapping): Preset<MappedRow> {
  return {
    id: 'mapping',
    label: `Column mapping "${mapping.name}"`,
    sniff: () => false,
    rows: (input) => mappedCsvRows(input, mapping),
    writer: (db, importId) => mappingWriter(db, importId, mapping),
    tables: ['billing_lines'],
    preview: { columns: previewColumns(mapping), row: previewRow },
  };
}
