import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pivotTable } from '../../renderer/src/features/explore/xlsx-export';
import { memberLabeler } from '../../renderer/src/features/explore/pivot-labels';
import { totalRow, visibleRows } from '../../renderer/src/features/explore/pivot-view-model';
import { call, testWorkspace, type TestWorkspace } from '../support/sync-harness';

// The Explore grid's XLSX export: the table the page builds from a real pivot, written by main,
// read back as a spreadsheet program would: numbers (not text), the grid's formats, totals bold.
let t: TestWorkspace;
beforeAll(async () => {
  t = testWorkspace();
  await call(t, 'demo:create', { scale: 1, seed: 42 });
}, 120_000);
afterAll(() => t.cleanup());

describe('export:table-xlsx', () => {
  it('writes the pivot as shown, with numbers and formats, and the grand total the database has', async () => {
    const fields = await call(t, 'pivot:fields', {});
    const result = await call(t, 'pivot:run', { spec: { rows: ['team'], cols: ['quarter'], values: ['accepted', 'cost_per_accepted'] } });
    const label = memberLabeler(fields.dimensions, (n) => n);
    const rows = visibleRows(result.rows, new Set());
    const total = totalRow(result.rows);
    const table = pivotTable({ result, rows, total, label, dimLabel: (d) => d, title: 'Team by quarter', fileName: 'team-by-quarter.xlsx' });
    const file = await call(t, 'export:table-xlsx', table);
    const wb = new ExcelJS.Workbook();
    // exceljs's typings predate Node's generic Buffer; the bytes are an ArrayBuffer view either way.
    await wb.xlsx.load(Uint8Array.from(Buffer.from(file.base64, 'base64')).buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...table.columns.map((c) => c.header)]);
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('Total');
    expect(last.font?.bold).toBe(true);
    // The last "accepted" column of the total row is the grand total over every quarter.
    const acceptedCols = table.columns.map((c, i) => (c.header.toLowerCase().includes('accepted pr') && c.format === 'count' ? i + 1 : 0)).filter((i) => i > 0);
    const grand = last.getCell(acceptedCols[acceptedCols.length - 1]!).value;
    expect(grand).toBe(t.ws.db.prepare('SELECT sum(accepted) FROM records').pluck().get());
    const money = table.columns.findIndex((c) => c.format === 'money') + 1;
    expect(ws.getColumn(money).numFmt).toBe('"£"#,##0.00');
    expect(typeof last.getCell(money).value).toBe('number');
  });

  it('refuses a table that does not fit the contract', async () => {
    const r = await (await import('../support/sync-harness')).callRaw(t, 'export:table-xlsx', { title: 'x', fileName: '../evil.xlsx', currency: 'GBP', columns: [{ header: 'a', format: 'text' }], rows: [] });
    expect(r.ok).toBe(false);
  });
});
