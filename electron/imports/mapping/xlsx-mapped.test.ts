import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ColumnMappingSchema, type ColumnMapping } from '../../../shared/domain/column-mapping';
import { AppError } from '../../../shared/ipc/result';
import { tempDir } from '../../../tests/support/temp';
import type { ParsedRow } from '../preset';
import type { MappedRow } from './mapped-row';
import { mappedXlsxRows, normaliseCell } from './xlsx-mapped';

// Through the real schema, so its defaults and checks apply.
const mapping = (over: Partial<z.input<typeof ColumnMappingSchema>> = {}): ColumnMapping =>
  ColumnMappingSchema.parse({
    name: 'Workbook',
    ledger: 'provider',
    vendor: 'acme',
    fixedCurrency: 'EUR',
    columns: { date: 'Date', amount: 'Cost', description: 'Item' },
    ...over,
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

/**
 * Rewrites a workbook's zip with its entries in the given order (stored, uncompressed), to test
 * orders that other writers use: the streaming reader's behaviour depends on which part comes first.
 */
function reorderZip(zip: Buffer, first: readonly string[], last: readonly string[]): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const entries: { name: string; data: Buffer }[] = [];
  for (let i = 0, at = zip.readUInt32LE(eocd + 16); i < count; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const [nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    if (!name.endsWith('/')) entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  const rank = (n: string) => (first.includes(n) ? first.indexOf(n) - first.length : last.includes(n) ? 1 + last.indexOf(n) : 0);
  entries.sort((a, b) => rank(a.name) - rank(b.name));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const header = (size: number) => Buffer.alloc(size);
    const nameBytes = Buffer.from(name);
    const lh = header(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt32LE(crc32(data), 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(nameBytes.length, 26);
    const ch = header(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt32LE(crc32(data), 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(nameBytes.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, nameBytes, data);
    centrals.push(ch, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

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
  // A formula worth 0 (exceljs's cell.value drops falsy results) and a shared formula.
  costs.getRow(11).values = [day(7), 0, 0, { formula: 'B11+C11', result: 0, shareType: 'shared', ref: 'D11:D12' } as ExcelJS.CellFormulaValue, 'Free tier', null, null];
  costs.getRow(12).values = [day(8), 1, 2, { sharedFormula: 'D11', result: 3 }, 'Shared formula', null, null];
  for (const r of [4, 5, 6, 8, 11, 12]) costs.getCell(`A${r}`).numFmt = 'yyyy-mm-dd';
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
      { line: 11, date: '2026-09-07', amount: 0, item: 'Free tier', ticket: null, sku: null },
      { line: 12, date: '2026-09-08', amount: 3_000_000, item: 'Shared formula', ticket: null, sku: null },
    ]);
  });

  it('reads the same rows whatever order the workbook parts are stored in', async () => {
    const m = mapping({ sheet: 'Costs', headerRow: 3, columns: { date: 'Date', amount: 'Cost', description: 'Item' } });
    const expected = await collect(mappedXlsxRows(workbookPath, m));
    const original = readFileSync(workbookPath);
    const orders: [string[], string[]][] = [
      // Shared strings before the sheets and workbook.xml (the sheet names) last: exceljs's own pass
      // over the zip read such sheets before their names (or lost the last parts altogether).
      [['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'], ['xl/workbook.xml']],
      // Everything a sheet needs first.
      [['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'], []],
      // Styles last.
      [['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'], ['xl/styles.xml']],
    ];
    for (const [i, [first, last]] of orders.entries()) {
      const path = join(dir, `order-${i}.xlsx`);
      writeFileSync(path, reorderZip(original, first, last));
      expect(await collect(mappedXlsxRows(path, m)).catch((e: Error) => `order ${i}: ${e.message}`)).toEqual(expected);
    }
  });

  it('finds the last of many small sheets, with inline strings and no shared strings part', async () => {
    // exceljs's own pass over the zip could drop trailing parts of such workbooks (exceljs#3064).
    const path = join(dir, 'many-sheets.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    for (let i = 1; i <= 40; i += 1) {
      const ws = writer.addWorksheet(`S${i}`);
      ws.addRow(['Date', 'Cost', 'Item']).commit();
      ws.addRow([`2026-09-${String(1 + (i % 28)).padStart(2, '0')}`, i, `sheet ${i}`]).commit();
      ws.commit();
    }
    await writer.commit();
    for (let run = 0; run < 5; run += 1) {
      expect(await collect(mappedXlsxRows(path, mapping({ sheet: 's40' })))).toMatchObject([{ line: 2, ok: true, row: { date: '2026-09-13', amountMicros: 40_000_000, description: 'sheet 40' } }]);
    }
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

  it('fails the file for a cut-off or damaged workbook', async () => {
    const bytes = readFileSync(workbookPath);
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const garbage = join(dir, 'garbage.xlsx');
    writeFileSync(garbage, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4096, 7)]));
    for (const path of [cut, garbage]) {
      const error = await fileError(mappedXlsxRows(path, mapping({ sheet: 'Costs', headerRow: 3 })));
      expect(error.message).toMatch(/^the workbook cannot be read \(.+\): it may be damaged, cut off, or not an \.xlsx file$/);
    }
    expect((await fileError(mappedXlsxRows(join(dir, 'missing.xlsx'), mapping()))).message).toMatch(/^the workbook cannot be read \(ENOENT/);
  });

  it('stops with CANCELLED when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await fileError(mappedXlsxRows(workbookPath, mapping({ sheet: 'Costs', headerRow: 3 }), { signal: controller.signal }));
    expect(error.code).toBe('CANCELLED');
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
