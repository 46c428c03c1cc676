import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ColumnMappingSchema, type ColumnMapping } from '../../shared/domain/column-mapping';
import { tempDir } from '../support/temp';
import type { Db } from '../../electron/db/connection';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { importFile } from '../../electron/imports/import-file';
import type { ParsedRow } from '../../electron/imports/preset';
import type { MappedRow } from '../../electron/imports/mapping/mapped-row';
import { formatAmount, mappingPreset, previewColumns, previewRow, rowHash } from '../../electron/imports/mapping/mapping-preset';
import { mappedXlsxRows } from '../../electron/imports/mapping/xlsx-mapped';

const FIXTURES = join(__dirname, '..', 'fixtures', 'imports', 'mapping');

// Through the real schema, so its defaults and checks apply.
const mapping = (over: Partial<z.input<typeof ColumnMappingSchema>> = {}): ColumnMapping =>
  ColumnMappingSchema.parse({
    name: 'Seats and tokens',
    ledger: 'provider',
    vendor: 'acme-ai',
    fixedCurrency: 'USD',
    columns: { date: 'Date', amount: 'Amount', description: 'Item' },
    ...over,
  });

let ws: Workspace;
let cleanup: () => void;
let dir: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('yardstick-mapping-'));
  ws = openWorkspace(join(dir, 'ws'), { create: true });
});
afterEach(() => {
  ws.close();
  cleanup();
});

/** Drives the preset as import-file does: an imports row, the writer, one transaction per batch. */
async function importRows(db: Db, m: ColumnMapping, rows: AsyncIterable<ParsedRow<MappedRow>>): Promise<{ importId: number; written: number; read: number }> {
  const importId = Number(
    db.prepare("INSERT INTO imports (file_name, file_sha256, preset, status, started_at) VALUES ('file', '', 'mapping', 'running', ?)").run(new Date().toISOString()).lastInsertRowid,
  );
  const write = mappingPreset(m).writer(db, importId);
  const parsed: { row: MappedRow; line: number }[] = [];
  for await (const r of rows) if (r.ok) parsed.push(r);
  let written = 0;
  db.transaction(() => {
    for (const r of parsed) if (write(r.row, r.line) === true) written += 1;
  })();
  db.prepare("UPDATE imports SET status = 'succeeded' WHERE id = ?").run(importId);
  return { importId, written, read: parsed.length };
}
const csv = (m: ColumnMapping, name: string) => mappingPreset(m).rows(createReadStream(join(FIXTURES, name)));
const lines = () => ws.db.prepare('SELECT occurred_on AS day, amount_micros AS amount, currency, description, natural_key AS key FROM billing_lines ORDER BY id').all() as { day: string; amount: number; currency: string; description: string; key: string }[];

describe('mappingPreset', () => {
  it('is chosen, never detected, and writes billing_lines', () => {
    const preset = mappingPreset(mapping());
    expect(preset).toMatchObject({ id: 'mapping', label: 'Column mapping "Seats and tokens"', tables: ['billing_lines'] });
    expect(preset.sniff('Date,Item,Amount\n2026-09-01,Seat,19.00\n')).toBe(false);
  });

  it('keeps two identical charges in one file, and a re-import of the same file adds nothing', async () => {
    const m = mapping();
    expect(await importRows(ws.db, m, csv(m, 'identical-rows.csv'))).toMatchObject({ read: 3, written: 3 });
    const first = lines();
    expect(first.map(({ day, amount, description }) => [day, amount, description])).toEqual([
      ['2026-09-01', 19_000_000, 'Seat'],
      ['2026-09-01', 19_000_000, 'Seat'],
      ['2026-09-02', 3_500_000, 'Tokens'],
    ]);
    const seatHash = first[0]!.key.split('#')[0]!;
    expect(first.map((l) => l.key)).toEqual([`${seatHash}#1`, `${seatHash}#2`, expect.stringMatching(/^[0-9a-f]{64}#1$/)]);

    expect(await importRows(ws.db, m, csv(m, 'identical-rows.csv'))).toMatchObject({ read: 3, written: 0 });
    expect(lines()).toHaveLength(3);
  });

  it('adds only what is new from an overlapping later export', async () => {
    const m = mapping();
    await importRows(ws.db, m, csv(m, 'identical-rows.csv'));
    // The later export has the seat three times (one more) and one new token line.
    expect(await importRows(ws.db, m, csv(m, 'overlapping-export.csv'))).toMatchObject({ read: 5, written: 2 });
    expect(lines().map(({ day, amount }) => [day, amount])).toEqual([
      ['2026-09-01', 19_000_000],
      ['2026-09-01', 19_000_000],
      ['2026-09-02', 3_500_000],
      ['2026-09-01', 19_000_000],
      ['2026-09-03', 4_250_000],
    ]);
  });

  it('keys rows by vendor too, so the same values from another vendor are another charge', async () => {
    await importRows(ws.db, mapping(), csv(mapping(), 'identical-rows.csv'));
    const other = mapping({ vendor: 'other-ai' });
    expect(await importRows(ws.db, other, csv(other, 'identical-rows.csv'))).toMatchObject({ written: 3 });
    expect(ws.db.prepare('SELECT vendor, count(*) AS n FROM billing_lines GROUP BY vendor ORDER BY vendor').all()).toEqual([
      { vendor: 'acme-ai', n: 3 },
      { vendor: 'other-ai', n: 3 },
    ]);
  });

  it('stores every mapped field, the ledger and vendor, and provider with the model', async () => {
    const m = mapping({
      ledger: 'ai_credits',
      vendor: 'openrouter',
      fixedCurrency: undefined,
      columns: { date: 'Day', amount: 'Cost', currency: 'Cur', quantity: 'Qty', unit: 'Unit', ticketKey: 'Ticket', runId: 'Run', mrRef: 'MR', repository: 'Repo', team: 'Team', model: 'Model', provider: 'Provider', sku: 'SKU', description: 'What', user: 'Who' },
    });
    const text = 'Day,Cost,Cur,Qty,Unit,Ticket,Run,MR,Repo,Team,Model,Provider,SKU,What,Who\n2026-09-01,0.003125,USD,1500,tokens,PAY-1,run_7,!12,acme/api,Core,claude-sonnet-4,anthropic,in,Prompt,ana\n2026-09-02,-2,EUR,,,,,,,,,,,Refund,\n';
    await importRows(ws.db, m, mappingPreset(m).rows(Readable.from([text])));
    expect(ws.db.prepare('SELECT * FROM billing_lines ORDER BY id').all()).toEqual([
      expect.objectContaining({ source_line: 2, ledger: 'ai_credits', vendor: 'openrouter', occurred_on: '2026-09-01', amount_micros: 3_125, currency: 'USD', quantity: 1500, unit: 'tokens', sku: 'in', model: 'anthropic/claude-sonnet-4', description: 'Prompt', ticket_key: 'PAY-1', run_id: 'run_7', mr_ref: '!12', repository: 'acme/api', team: 'Core', user_ref: 'ana' }),
      expect.objectContaining({ source_line: 3, amount_micros: -2_000_000, currency: 'EUR', quantity: null, model: null, description: 'Refund', user_ref: null }),
    ]);
  });

  it('writes XLSX rows with the same writer', async () => {
    const path = join(dir, 'usage.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Usage');
    sheet.addRow(['Date', 'Item', 'Amount']);
    sheet.addRow([new Date(Date.UTC(2026, 8, 1)), 'Seat', 19]);
    sheet.addRow([new Date(Date.UTC(2026, 8, 1)), 'Seat', 19]);
    await wb.xlsx.writeFile(path);
    const m = mapping();
    expect(await importRows(ws.db, m, mappedXlsxRows(path, m))).toMatchObject({ written: 2 });
    // The same charges read from CSV hash the same: nothing new.
    expect(await importRows(ws.db, m, csv(m, 'identical-rows.csv'))).toMatchObject({ written: 1 });
  });

  it('drops the occurrence counts of finished imports', async () => {
    const m = mapping();
    await importRows(ws.db, m, csv(m, 'identical-rows.csv'));
    mappingPreset(m).writer(ws.db, 999);
    expect(ws.db.prepare('SELECT count(*) AS n FROM temp.mapping_row_counts').get()).toEqual({ n: 0 });
  });

  it('imports through importFile with a mapping, all or nothing', async () => {
    const m = mapping();
    const content = 'Date,Item,Amount\n2026-09-01,Seat,19.00\n2026-09-01,Seat,19.00\n';
    expect(await importFile(ws.db, { name: 'seats.csv', content }, { mapping: m })).toMatchObject({ rowsTotal: 2, rowsImported: 2, rowsRejected: 0 });
    expect(await importFile(ws.db, { name: 'seats-again.csv', content }, { mapping: m })).toMatchObject({ rowsImported: 0, rowsSkipped: 2 });
    await expect(importFile(ws.db, { name: 'bad.csv', content: `${content}2026-09-02,Seat,n/a\n` }, { mapping: m })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { rejections: [{ line: 4, reason: 'amount "n/a" in column "Amount": not a number' }] },
    });
    expect(lines()).toHaveLength(2);
  });
});

describe('preview', () => {
  it('lists date and amount, then the mapped fields', () => {
    expect(previewColumns(mapping())).toEqual(['date', 'amount', 'description']);
    expect(previewColumns(mapping({ columns: { date: 'D', amount: 'A', currency: 'C', ticketKey: 'T', quantity: 'Q', user: 'U' } }))).toEqual(['date', 'amount', 'quantity', 'ticket', 'user']);
  });

  it('renders a row with an exact amount and its currency', () => {
    const row: MappedRow = { date: '2026-09-01', amountMicros: 1_234_560_000, currency: 'EUR', quantity: 1500, unit: 'tokens', ticketKey: 'PAY-1', runId: null, mrRef: null, repository: null, team: null, model: null, provider: null, sku: null, description: 'API', user: null };
    expect(previewRow(row)).toMatchObject({ date: '2026-09-01', amount: '1,234.56 EUR', quantity: '1500', ticket: 'PAY-1', description: 'API', run: '' });
    expect(Object.keys(previewRow(row))).toEqual(expect.arrayContaining(previewColumns(mapping({ columns: { date: 'D', amount: 'A', mrRef: 'M', runId: 'R' } }))));
  });

  it('formats micros with at least the minor digits, more when the amount has them', () => {
    expect(formatAmount(12_500_000, 'USD')).toBe('12.50 USD');
    expect(formatAmount(-5_000_000, 'GBP')).toBe('-5.00 GBP');
    expect(formatAmount(3_125, 'USD')).toBe('0.003125 USD');
    expect(formatAmount(1_200_000_000, 'JPY')).toBe('1,200 JPY');
    expect(formatAmount(1_234_567_891_234, 'KWD')).toBe('1,234,567.891234 KWD');
    expect(formatAmount(0, 'EUR')).toBe('0.00 EUR');
  });

  it('hashes the normalised values, not their spelling in the file', () => {
    const base: MappedRow = { date: '2026-09-01', amountMicros: 19_000_000, currency: 'USD', quantity: null, unit: null, ticketKey: null, runId: null, mrRef: null, repository: null, team: null, model: null, provider: null, sku: null, description: 'Seat', user: null };
    expect(rowHash('acme', base).equals(rowHash('acme', { ...base }))).toBe(true);
    expect(rowHash('acme', base).equals(rowHash('acme', { ...base, description: null }))).toBe(false);
    expect(rowHash('acme', base).equals(rowHash('other', base))).toBe(false);
  });
});
