import ExcelJS from 'exceljs';
import type { ShownTable } from '../../shared/ipc/contract-table-export';

const MONEY_SYMBOL: Record<string, string> = { GBP: '£', USD: '$', EUR: '€' };

/** Excel number formats matching the grid's: money in major units with the currency, percent, hours, counts. */
function numFmt(format: ShownTable['columns'][number]['format'], currency: string): string | undefined {
  switch (format) {
    case 'money': {
      const symbol = MONEY_SYMBOL[currency];
      return symbol ? `"${symbol}"#,##0.00` : `#,##0.00 "${currency}"`;
    }
    case 'percent':
      return '0.0%';
    case 'hours':
      return '#,##0.0';
    case 'count':
      return '#,##0';
    case 'decimal':
      return '#,##0.00';
    default:
      return undefined;
  }
}

/**
 * A grid as shown, as an XLSX workbook (exceljs, which the worksheet export uses too): frozen
 * header, group rows indented by depth and bold for subtotals and totals, money in major units.
 */
export async function tableToXlsx(table: ShownTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yardstick';
  const ws = wb.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || 'Export', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) {
    const added = ws.addRow(row.cells.map((v, i) => (typeof v === 'number' && table.columns[i]?.format === 'money' ? v / 1e6 : v)));
    if (row.kind !== 'leaf') added.font = { bold: true };
    if (row.depth > 0) added.getCell(1).alignment = { indent: row.depth };
  }
  table.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    const fmt = numFmt(c.format, table.currency);
    if (fmt) column.numFmt = fmt;
    column.width = Math.min(48, Math.max(10, c.header.length + 2, ...table.rows.slice(0, 200).map((r) => String(r.cells[i] ?? '').length + 2)));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
