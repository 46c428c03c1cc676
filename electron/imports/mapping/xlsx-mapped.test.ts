import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMapping, MappableField } from '../../../shared/domain/column-mapping';
import { AppError } from '../../../shared/ipc/result';
import { tempDir } from '../../../tests/support/temp';
import type { ParsedRow } from '../preset';
import type { MappedRow } from './mapped-row';
import { mappedXlsxRows, normaliseCell } from './xlsx-mapped';

// Built by hand: ColumnMappingSchema's z.record over an enum requires every field in zod 4.
const mapping = (over: Omit<Partial<ColumnMapping>, 'columns'> & { columns?: Partial<Record<MappableField, string>> } = {}): ColumnMapping => ({
  name: 'Workbook',
  delimiter: 'auto',
  encoding: 'auto',
  decimalSeparator: '.',
  thousandsSeparator: '',
  dateFormat: 'auto',
  headerRow: 1,
  ledger: 'provider',
  vendor: 'acme',
  fixedCurrency: 'EUR',
  ...over,
  columns: (over.columns ?? { date: 'Date', amount: 'Cost', description: 'Item' }) as ColumnMapping['columns'],
});

const collect = async (rows: AsyncIterable<ParsedRow<MappedRow>>): Promise<ParsedRow<MappedRow>[]> => {
  const out: ParsedRow<MappedRow>[] = [];
  for await (const r of rows) out.push(r);
  return out;
};
const fileError = async (rows: AsyncIterable<ParsedRow<MappedRow>>): Promise<AppError> => {
  try {
    await collect(rows);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a file-level error');
};

let dir: string;
let cleanup: () => void;
let workbookPath: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir('yardstick-xlsx-'));
  workbookPath = join(dir, 'costs.xlsx');
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet('Summary');
  summary.addRow(['Date', 'Cost', 'Item']);
  summary.addRow(['not', 'the', 'sheet']);
  const costs = wb.addWorksheet('Costs');
  costs.addRow(['September invoice']);
  costs.addRow([]);
  costs.getRow(3).values = ['Date', 'Net', 'Tax', 'Cost', 'Item', 'Ticket', 'Billed'];
  const day = (d: number) => new Date(Date.UTC(2026, 8, d));
  costs.getRow(4).values = [day(1), 10, 2.5, { formula: 'B4+C4', result: 12.5 }, { richText: [{ text: 'Claude ' }, { font: { bold: true }, text: 'API' }] }, { text: 'PAY-12', hyperlink: 'https://jira.example/PAY-12' }, true];
  costs.getRow(5).values = [day(2), 0.1, 0.2, { formula: 'B5+C5', result: 0.30000000000000004 }, 'Seats', null, false];
  costs.getRow(6).values = [day(3), -4, 0, { formula: 'B6+C6', result: -4 }, 'Refund', null, null];
  costs.getRow(7).values = [{ formula: 'A6+1', result: 46269 }, 1, 0, { formula: 'B7/0', result: { error: '#DIV/0!' } }, 'Broken', null, null];
  costs.getRow(8).values = [day(5), 1, 1, { formula: 'B8+C8' }, 'Never calculated', null, null];
  costs.getRow(10).values = ['2026-09-06', '7.25', null, '7.25', 'Text cells', null, null];
  for (const r of [4, 5, 6, 8]) costs.getCell(`A${r}`).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(workbookPath);
});
afterAll(() => cleanup());

describe('mappedXlsxRows', () => {
  it('reads the sheet named in the mapping: date cells, formula results, rich text, hyperlinks, sheet row numbers', async () => {
    const m = mapping({ sheet: 'Costs', headerRow: 3, columns: { date: 'Date', amount: 'Cost', description: 'Item', ticketKey: 'Ticket', sku: 'Billed' } });
    const rows = await collect(mappedXlsxRows(workbookPath, m));
    expect(rows.map((r) => (r.ok ? { line: r.line, date: r.row.date, amount: r.row.amountMicros, item: r.row.description, ticket: r.row.ticketKey, sku: r.row.sku } : { line: r.line, reason: r.reason }))).toEqual([
      { line: 4, date: '2026-09-01', amount: 12_500_000, item: 'Claude API', ticket: 'PAY-12', sku: 'TRUE' },
      { line: 5, date: '2026-09-02', amount: 300_000, item: 'Seats', ticket: null, sku: 'FALSE' },
      { line: 6, date: '2026-09-03', amount: -4_000_000, item: 'Refund', ticket: null, sku: null },
      { line: 7, reason: 'amount "#ERROR!" in column "Cost": a spreadsheet error, not a value' },
      { line: 8, reason: 'amount "=B8+C8" in column "Cost": a formula with no saved result (open the workbook in a spreadsheet program and save it)' },
      { line: 10, date: '2026-09-06', amount: 7_250_000, item: 'Text cells', ticket: null, sku: null },
    ]);
  });

  it('reads a formula date (a serial number) as a date', async () => {
    const m = mapping({ sheet: 'costs', headerRow: 3, columns: { date: 'Date', amount: 'Net' } });
    const rows = await collect(mappedXlsxRows(workbookPath, m));
    expect(rows.find((r) => r.line === 7)).toMatchObject({ ok: true, row: { date: '2026-09-04', amountMicros: 1_000_000 } });
  });

  it('reads the first sheet when none is named', async () => {
    const rows = await collect(mappedXlsxRows(workbookPath, mapping()));
    expect(rows).toEqual([{ line: 2, ok: false, reason: 'date "not" in column "Date": not a date (auto reads YYYY-MM-DD, DD.MM.YYYY and unambiguous day/month/year dates)', raw: expect.any(String) }]);
  });

  it('fails the file for a missing sheet, a missing column or an empty header row', async () => {
    const noSheet = await fileError(mappedXlsxRows(workbookPath, mapping({ sheet: 'Invoices' })));
    expect(noSheet.message).toBe('sheet "Invoices" not found; the workbook has: "Summary", "Costs"');
    const noColumn = await fileError(mappedXlsxRows(workbookPath, mapping({ sheet: 'Costs', headerRow: 3, columns: { date: 'Date', amount: 'Total' } })));
    expect(noColumn.message).toBe('column "Total" not found; the file has: Date, Net, Tax, Cost, Item, Ticket, Billed');
    const emptyHeader = await fileError(mappedXlsxRows(workbookPath, mapping({ sheet: 'Costs', headerRow: 2 })));
    expect(emptyHeader.message).toBe('row 2 of sheet "Costs", the header row, is empty');
  });

  it('stops cleanly when the consumer stops early (a preview of the first rows)', async () => {
    for (const m of [mapping(), mapping({ sheet: 'Costs', headerRow: 3 })]) {
      const first: ParsedRow<MappedRow>[] = [];
      for await (const r of mappedXlsxRows(workbookPath, m)) {
        first.push(r);
        break;
      }
      expect(first).toHaveLength(1);
    }
    // Anything left dangling would surface as an unhandled error in this run.
    await new Promise((r) => setTimeout(r, 50));
  });

  it('reads serials of a 1904-date-system workbook', async () => {
    const path = join(dir, 'mac-1904.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Date', 'Cost']);
    ws.addRow([{ formula: 'DATE(2026,9,1)', result: 44804 }, 3]);
    ws.addRow([new Date(Date.UTC(2026, 8, 2)), 4]);
    ws.getCell('A3').numFmt = 'yyyy-mm-dd';
    await wb.xlsx.writeFile(path);
    const rows = await collect(mappedXlsxRows(path, mapping({ columns: { date: 'Date', amount: 'Cost' } })));
    expect(rows.map((r) => r.ok && r.row.date)).toEqual(['2026-09-01', '2026-09-02']);
  });

  it('streams a 50,000-row workbook with bounded memory', async () => {
    const path = join(dir, 'large.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const ws = writer.addWorksheet('Usage');
    ws.addRow(['Date', 'Model', 'Tokens', 'Cost', 'Currency', 'Note']).commit();
    const models = ['claude-sonnet-4', 'claude-haiku-4', 'gpt-4o', 'gemini-2.5-pro'];
    for (let i = 0; i < 50_000; i += 1) {
      const row = ws.addRow([new Date(Date.UTC(2026, 0, 1 + (i % 365))), models[i % 4], 1000 + i, (i % 997) / 100, i % 3 === 0 ? 'USD' : 'EUR', `row ${i} `.repeat(4)]);
      row.getCell(1).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    ws.commit();
    await writer.commit();

    const m = mapping({ columns: { date: 'Date', amount: 'Cost', currency: 'Currency', model: 'Model', quantity: 'Tokens', description: 'Note' } });
    // Measure what is retained, not garbage V8 has yet to collect: expose gc() for this process.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    const growth: number[] = [];
    let ok = 0;
    let last: ParsedRow<MappedRow> | null = null;
    for await (const r of mappedXlsxRows(path, m)) {
      if (r.ok) ok += 1;
      last = r;
      if (ok % 5_000 === 0) {
        gc();
        growth.push(process.memoryUsage().heapUsed - before);
      }
    }
    expect(ok).toBe(50_000);
    expect(last).toMatchObject({ line: 50_001, ok: true, row: { quantity: 50_999, model: 'gemini-2.5-pro', currency: 'EUR', date: '2026-12-26' } });
    expect(Math.max(...growth)).toBeLessThan(150 * 1024 * 1024);
    // Flat, not growing with the rows read: only exceljs's shared-string and style caches are kept.
    expect(Math.max(...growth) - Math.min(...growth)).toBeLessThan(30 * 1024 * 1024);
  }, 120_000);
});

describe('normaliseCell', () => {
  it('turns exceljs values into text, numbers or Dates', () => {
    const d = new Date(Date.UTC(2026, 8, 1));
    expect(normaliseCell(undefined)).toBeNull();
    expect(normaliseCell(null)).toBeNull();
    expect(normaliseCell('x')).toBe('x');
    expect(normaliseCell(3.5)).toBe(3.5);
    expect(normaliseCell(Number.NaN)).toBe('#ERROR!');
    expect(normaliseCell(d)).toBe(d);
    expect(normaliseCell(true)).toBe('TRUE');
    expect(normaliseCell({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(normaliseCell({ formula: 'A1', result: d })).toBe(d);
    expect(normaliseCell({ sharedFormula: 'A1', result: 2 })).toBe(2);
    expect(normaliseCell({ formula: 'A1' })).toBe('=A1');
    expect(normaliseCell({ text: 'link', hyperlink: 'https://x' })).toBe('link');
    expect(normaliseCell({ text: { richText: [{ text: 'rich link' }] }, hyperlink: 'https://x' })).toBe('rich link');
    expect(normaliseCell({ error: '#N/A' })).toBe('#N/A');
  });
});
