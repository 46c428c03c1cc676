import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import type { ColumnMapping } from '../../../shared/domain/column-mapping';
import { AppError } from '../../../shared/ipc/result';
import type { ParsedRow } from '../preset';
import { createRowMapper, isBlankRecord, type MappedRow, type RawCell, type RawRecord } from './mapped-row';
import { readZipDirectory } from './zip-directory';

type SheetReader = ExcelJS.stream.xlsx.WorksheetReader;

/**
 * The part parsers of exceljs's streaming WorkbookReader, which its types do not declare. They are
 * what its own `parse()` calls for each zip entry; we call them in the order a sheet depends on.
 */
type WorkbookParts = {
  model?: { sheets?: { name?: string; rId?: string; state?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: AsyncIterable<unknown>, sheetNo: string): Iterable<{ eventType: string; value: SheetReader }>;
};

const PARTS = ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles', '_parseWorksheet'] as const;

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

/** The sheet's zip path from a relationship target ("worksheets/sheet2.xml" or "/xl/worksheets/sheet2.xml"). */
const partPath = (target: string): string => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

/**
 * Streams one sheet of a workbook through a column mapping, row by row, with exceljs's streaming
 * part parsers: only the shared strings and styles are held in memory. The zip is read through its
 * directory in a fixed order (relationships, workbook, shared strings, styles, the sheet), since
 * exceljs's own pass over the zip can drop parts (see zip-directory.ts), and only the chosen sheet
 * is read. The sheet is the mapping's, matched by name ignoring case, or else the first visible
 * one; its header is at `headerRow`; `line` is the sheet's row number. A damaged or cut-off
 * workbook fails the file; `signal` cancels the read.
 */
export async function* mappedXlsxRows(path: string, mapping: ColumnMapping, opts: { signal?: AbortSignal } = {}): AsyncIterable<ParsedRow<MappedRow>> {
  let sheetStream: Readable | null = null;
  const cancel = () => sheetStream?.destroy(new AppError('CANCELLED', 'Cancelled.'));
  opts.signal?.addEventListener('abort', cancel, { once: true });
  try {
    opts.signal?.throwIfAborted();
    const zip = await readZipDirectory(path);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', worksheets: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    const parts = reader as unknown as WorkbookParts;
    if (PARTS.some((p) => typeof parts[p] !== 'function')) throw new Error('this exceljs version has no streaming part parsers');
    if (!zip.has('xl/workbook.xml') || !zip.has('xl/_rels/workbook.xml.rels')) throw new AppError('INVALID_INPUT', 'not an Excel workbook: it has no xl/workbook.xml');
    await parts._parseRels(await zip.open('xl/_rels/workbook.xml.rels'));
    await parts._parseWorkbook(await zip.open('xl/workbook.xml'));
    if (zip.has('xl/sharedStrings.xml')) for await (const _ of parts._parseSharedStrings(await zip.open('xl/sharedStrings.xml'))) void _;
    if (zip.has('xl/styles.xml')) await parts._parseStyles(await zip.open('xl/styles.xml'));

    const sheets = parts.model?.sheets ?? [];
    const names = sheets.map((s) => s.name ?? '');
    // Excel keeps sheet names unique regardless of case, so matching without case is safe.
    const sheet = mapping.sheet === undefined ? (sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0]) : sheets.find((s) => fold(s.name ?? '') === fold(mapping.sheet ?? ''));
    if (!sheet) {
      throw new AppError('INVALID_INPUT', mapping.sheet === undefined ? 'the workbook has no sheets' : `sheet "${mapping.sheet}" not found; the workbook has: ${names.map((n) => `"${n}"`).join(', ')}`, { sheets: names });
    }
    const target = parts.workbookRels?.find((r) => r.Id === sheet.rId)?.Target;
    if (!target || !zip.has(partPath(target))) throw new AppError('INVALID_INPUT', `the workbook lists sheet "${sheet.name ?? ''}" but does not contain it`);
    sheetStream = await zip.open(partPath(target));
    opts.signal?.throwIfAborted();
    const sheetNo = /(\d+)\.xml$/.exec(target)?.[1] ?? '1';
    const [emitted] = [...parts._parseWorksheet(sheetStream, sheetNo)];
    if (!emitted) throw new Error('exceljs emitted no worksheet reader');
    yield* sheetRows(emitted.value, sheet.name ?? '', mapping, parts.properties?.model?.date1904 === true);
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as { name?: string }).name === 'AbortError') throw new AppError('CANCELLED', 'Cancelled.');
    throw new AppError('INVALID_INPUT', `the workbook cannot be read (${(e as Error).message}): it may be damaged, cut off, or not an .xlsx file`);
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
    sheetStream?.destroy();
  }
}
