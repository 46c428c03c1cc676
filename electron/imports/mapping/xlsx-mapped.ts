import ExcelJS from 'exceljs';
import type { ColumnMapping } from '../../../shared/domain/column-mapping';
import { AppError } from '../../../shared/ipc/result';
import type { ParsedRow } from '../preset';
import { createRowMapper, isBlankRecord, type MappedRow, type RawCell, type RawRecord } from './mapped-row';
import { holdSheetsUntilNamed, until, WorkbookInput } from './workbook-input';

type SheetReader = ExcelJS.stream.xlsx.WorksheetReader;

const MAX_RAW_CHARS = 1_000;

/**
 * One XLSX cell value as our readers see it: rich text and hyperlinks become their text, formulas
 * their cached result (a formula never calculated shows as "=FORMULA", which then fails with a
 * readable message), errors their code, booleans TRUE/FALSE; numbers and Dates stay as they are.
 */
export function normaliseCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || value instanceof Date) return value;
  // exceljs parses a formula's cached "#DIV/0!" as a number, NaN, so which error it was is lost.
  if (typeof value === 'number') return Number.isFinite(value) ? value : '#ERROR!';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((r) => String((r as { text?: unknown }).text ?? '')).join('');
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) {
      return o.result === undefined ? `=${String(o.formula || o.sharedFormula || '…')}` : normaliseCell(o.result);
    }
    if ('text' in o) return normaliseCell(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(value);
}

const headerText = (value: unknown): string => {
  const v = normaliseCell(value);
  return v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? '' : String(v).trim();
};

// exceljs's streaming types omit the sheet name and the workbook's date system, which it does set.
const sheetName = (sheet: SheetReader): string => (sheet as unknown as { name?: string }).name ?? '';
const usesDate1904 = (reader: ExcelJS.stream.xlsx.WorkbookReader): boolean =>
  (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 === true;

const fold = (s: string): string => s.trim().toLowerCase();

/**
 * A row's values by column number. Formula cells are read through `cell.result`: exceljs's
 * `cell.value` (and so `row.values`) drops a falsy cached result, so a formula worth 0 would look
 * like one never calculated. `cell.formula` is avoided too: for a shared formula it looks up the
 * master cell, which a streaming sheet cannot do.
 */
function rowValues(row: ExcelJS.Row): unknown[] {
  const values: unknown[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (cell.type !== ExcelJS.ValueType.Formula) values[col] = cell.value;
    else {
      const v = cell.value as { formula?: string; sharedFormula?: string };
      values[col] = { formula: v.formula ?? v.sharedFormula ?? '', result: cell.result };
    }
  });
  return values;
}

async function* sheetRows(rows: AsyncIterable<ExcelJS.Row>, name: string, mapping: ColumnMapping, date1904: boolean): AsyncIterable<ParsedRow<MappedRow>> {
  let header: string[] | null = null;
  let mapRow: ReturnType<typeof createRowMapper> | null = null;
  for await (const row of rows) {
    if (row.number < mapping.headerRow) continue;
    const values = rowValues(row);
    if (header === null || mapRow === null) {
      // Blank rows are absent from the sheet's XML: a later row number means the header row is empty.
      if (row.number > mapping.headerRow) break;
      header = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => headerText(values[i + 1]));
      mapRow = createRowMapper(header, mapping, { date1904 });
      continue;
    }
    const record: RawRecord = {};
    header.forEach((h, i) => {
      if (!(h in record)) record[h] = normaliseCell(values[i + 1]);
    });
    if (isBlankRecord(record)) continue;
    const result = mapRow(record);
    yield result.ok ? { line: row.number, ok: true, row: result.row } : { line: row.number, ok: false, reason: result.reason, raw: JSON.stringify(record).slice(0, MAX_RAW_CHARS) };
  }
  if (header === null) throw new AppError('INVALID_INPUT', `row ${mapping.headerRow} of sheet "${name}", the header row, is empty`);
}

/**
 * Streams one sheet of a workbook through a column mapping with exceljs's streaming reader, so a
 * workbook of any size is read row by row (sheets stored before the shared strings are spooled to a
 * temp file by exceljs, not held in memory). The sheet is the mapping's, matched by name ignoring
 * case, or the first; its header is at `headerRow`; `line` is the sheet's row number. A damaged or
 * truncated workbook fails the file; `signal` cancels the read.
 */
export async function* mappedXlsxRows(path: string, mapping: ColumnMapping, opts: { signal?: AbortSignal } = {}): AsyncIterable<ParsedRow<MappedRow>> {
  const input = new WorkbookInput(path, opts.signal);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', worksheets: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  holdSheetsUntilNamed(reader);
  const seen: string[] = [];
  try {
    for await (const sheet of until(reader, input)) {
      const name = sheetName(sheet);
      seen.push(name);
      // Excel keeps sheet names unique regardless of case, so matching without case is safe.
      if (mapping.sheet !== undefined && fold(name) !== fold(mapping.sheet)) {
        // Read past it: an unread sheet spooled to a temp file would keep that file open.
        for await (const _row of until(sheet, input)) {
          /* skipped sheet */
        }
        continue;
      }
      yield* sheetRows(until(sheet, input), name, mapping, usesDate1904(reader));
      return;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', `the workbook cannot be read (${(e as Error).message}): it may be damaged, cut off, or not an .xlsx file`);
  } finally {
    input.destroy();
  }
  throw new AppError(
    'INVALID_INPUT',
    mapping.sheet === undefined ? 'the workbook has no sheets' : `sheet "${mapping.sheet}" not found; the workbook has: ${seen.map((s) => `"${s}"`).join(', ')}`,
    { sheets: seen },
  );
}
