import { rmSync, renameSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { minorExponent } from '../../../shared/domain/money';
import { isSpec, sheetRef, type Cell, type CellSpec, type Format, type RowStyle, type SheetPlan, type WorkbookPlan } from '../../../shared/domain/worksheet/cells';
import { AppError } from '../../../shared/ipc/result';

// exceljs 4.4 (a dependency already, and what the importer reads XLSX with) writes what the
// worksheet needs: formulas with their cached results, workbook-level defined names, number
// formats and fonts, frozen panes, column widths and hyperlinks. Its streaming WorkbookWriter
// writes each row to the zip as it is committed, so 10,000 cost lines never sit in memory as a
// workbook model; styles are shared objects, which it deduplicates by identity.

type Style = Partial<ExcelJS.Style>;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAED' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9AA0A6' } };

/** Number format codes by meaning; money shows the workspace currency's code and minor digits. */
function formatCodes(currency: string): Record<Format, string | undefined> {
  const digits = minorExponent(currency);
  const amount = digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
  const unitPrice = digits > 0 ? `${amount}##` : '#,##0.####';
  return {
    text: undefined,
    count: '#,##0',
    tenths: '#,##0.0',
    decimal: '#,##0.00',
    quantity: '#,##0.0###',
    money: `"${currency} "${amount};-"${currency} "${amount}`,
    price: `"${currency} "${unitPrice};-"${currency} "${unitPrice}`,
    percent: '0.0%',
    share: '0.00%',
    month: 'yyyy-mm',
    date: 'yyyy-mm-dd',
    datetime: 'yyyy-mm-dd hh:mm',
  };
}

/** One style object per distinct look, so exceljs's style table stays small and its identity cache hits. */
function styleCache(currency: string) {
  const codes = formatCodes(currency);
  const cache = new Map<string, Style>();
  return (format: Format, row: RowStyle | undefined, cell: CellSpec | null): Style => {
    const link = !!cell?.link;
    const key = `${format}|${row ?? ''}|${link ? 'l' : ''}${cell?.input ? 'i' : ''}${cell?.bold ? 'b' : ''}${cell?.wrap ? 'w' : ''}`;
    let style = cache.get(key);
    if (style) return style;
    style = {};
    const numFmt = codes[format];
    if (numFmt) style.numFmt = numFmt;
    const bold = cell?.bold || row === 'header' || row === 'total' || row === 'section' || row === 'title';
    if (row === 'title') style.font = { bold: true, size: 14 };
    else if (row === 'section') style.font = { bold: true, size: 12 };
    else if (row === 'note') style.font = { italic: true, color: { argb: 'FF5F6368' } };
    else if (link) style.font = { color: { argb: 'FF1A56DB' }, underline: true, ...(bold ? { bold } : {}) };
    else if (bold) style.font = { bold: true };
    if (row === 'header') {
      style.fill = HEADER_FILL;
      style.border = { bottom: THIN };
      style.alignment = { wrapText: true, vertical: 'top' };
    } else if (row === 'total') style.border = { top: THIN };
    if (cell?.input) style.fill = INPUT_FILL;
    if (cell?.wrap) style.alignment = { wrapText: true, vertical: 'top' };
    cache.set(key, style);
    return style;
  };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The value exceljs writes for a cell: a plain value, a formula with its cached result, or a hyperlink. */
function cellValue(cell: Cell): ExcelJS.CellValue {
  if (!isSpec(cell)) return typeof cell === 'number' && !Number.isFinite(cell) ? null : cell;
  if (cell.formula !== undefined) {
    // A null result is the empty string of IF(…,"",…); a non-finite one would corrupt the file.
    const result = cell.result === null || cell.result === undefined ? '' : typeof cell.result === 'number' && !finite(cell.result) ? '' : cell.result;
    return { formula: cell.formula, result } as ExcelJS.CellFormulaValue;
  }
  if (cell.link) return { text: String(cell.value ?? cell.link), hyperlink: cell.link };
  return cell.value ?? null;
}

/** Header rows hold their wrapped text: as many lines as the longest header needs in its column. */
function headerHeight(sheet: SheetPlan, cells: readonly Cell[]): number | undefined {
  let lines = 1;
  cells.forEach((c, i) => {
    if (typeof c !== 'string') return;
    const width = sheet.columns[i]?.width ?? 10;
    lines = Math.max(lines, Math.ceil((c.length + 1) / Math.max(1, width - 1)));
  });
  return lines > 1 ? 15 * Math.min(lines, 4) : undefined;
}

export type WriteProgress = (sheet: string, rowsDone: number, rowsTotal: number) => void;

/**
 * Writes a worksheet plan to `path` as XLSX. The file is written beside the target and renamed
 * into place when complete, so an interrupted or cancelled export never leaves half a workbook
 * under the user's name. Cancellation is checked every few hundred rows.
 */
export async function writeWorkbookPlan(plan: WorkbookPlan, path: string, opts: { signal?: AbortSignal; progress?: WriteProgress; creator?: string } = {}): Promise<{ bytes: number }> {
  const partial = `${path}.partial-${process.pid}`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useStyles: true, useSharedStrings: false });
  wb.creator = opts.creator ?? 'Yardstick';
  wb.lastModifiedBy = wb.creator;
  wb.title = plan.title;
  const styleOf = styleCache(plan.currency);
  let cancelled = false;
  try {
    for (const sheet of plan.sheets) {
      const ws = wb.addWorksheet(sheet.name, {
        views: [{ state: 'frozen', xSplit: sheet.frozen.columns, ySplit: sheet.frozen.rows }],
        // Printed, each sheet fits the page width; the header rows repeat on every page.
        pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: sheet.frozen.rows ? `1:${sheet.frozen.rows}` : undefined },
      });
      ws.columns = sheet.columns.map((c) => ({ width: c.width }));
      const formats = sheet.columns.map((c) => c.format);
      for (let r = 0; r < sheet.rows.length; r++) {
        const plannedRow = sheet.rows[r]!;
        const row = ws.getRow(r + 1);
        const cells = plannedRow.cells;
        for (let i = 0; i < cells.length; i++) {
          const planned = cells[i]!;
          const spec = isSpec(planned) ? planned : null;
          const value = cellValue(planned);
          const format = spec?.format ?? (typeof planned === 'number' || spec ? (formats[i] ?? 'text') : 'text');
          if (value === null && !plannedRow.style) continue;
          const cell = row.getCell(i + 1);
          if (value !== null) cell.value = value;
          cell.style = styleOf(format, plannedRow.style, spec) as ExcelJS.Style;
        }
        if (plannedRow.style === 'header') {
          const height = headerHeight(sheet, cells);
          if (height) row.height = height;
        }
        row.commit();
        if (r % 500 === 499) {
          if (opts.signal?.aborted) {
            cancelled = true;
            break;
          }
          opts.progress?.(sheet.name, r + 1, sheet.rows.length);
        }
      }
      ws.commit();
      if (cancelled) break;
      opts.progress?.(sheet.name, sheet.rows.length, sheet.rows.length);
    }
    for (const n of plan.names) wb.definedNames.add(`${sheetRef(n.sheet)}!${n.cell}`, n.name);
    await wb.commit();
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  if (cancelled || opts.signal?.aborted) {
    rmSync(partial, { force: true });
    throw new AppError('CANCELLED', 'The worksheet export was cancelled; no file was written.');
  }
  renameSync(partial, path);
  return { bytes: statSync(path).size };
}
