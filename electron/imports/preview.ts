import { parse } from 'csv-parse/sync';
import { statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { ColumnMapping } from '../../shared/domain/column-mapping';
import type { ImportPreview } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Db } from '../db/connection';
import { openImportFile, sha256Of, type ImportInput, type OpenedFile } from './file-source';
import { resolveReader } from './resolve-reader';
import { detectDelimiter } from './mapping/cells';
import { succeededImportBySha } from '../db/repositories/imports';

const SAMPLE_ROWS = 50;
const HASH_UP_TO_BYTES = 256 * 1024 * 1024;
const COUNT_LINES_UP_TO_BYTES = 1024 * 1024 * 1024;

function csvHeader(file: OpenedFile, mapping: ColumnMapping | undefined): { columns: string[]; delimiter: string } {
  const lines = file.head.split(/\r?\n/);
  const headerLine = lines[(mapping?.headerRow ?? 1) - 1] ?? '';
  const delimiter = mapping && mapping.delimiter !== 'auto' ? mapping.delimiter : detectDelimiter(headerLine);
  try {
    const [columns] = parse(headerLine, { delimiter, relax_quotes: true }) as string[][];
    return { columns: (columns ?? []).map((c) => c.trim()), delimiter };
  } catch {
    return { columns: headerLine.split(delimiter).map((c) => c.trim()), delimiter };
  }
}

async function xlsxHeader(path: string, mapping: ColumnMapping | undefined): Promise<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name?: string }).name;
    if (mapping?.sheet && name !== mapping.sheet) continue;
    for await (const row of sheet) {
      if (row.number < (mapping?.headerRow ?? 1)) continue;
      const values = (row.values as unknown[]).slice(1);
      return values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'text' in (v as object) ? String((v as { text: unknown }).text) : String(v)).trim());
    }
  }
  return [];
}

/** Counts line breaks without decoding (fast enough for a gigabyte in a second or two). */
async function countLines(file: OpenedFile): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of file.bytes()) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines += 1;
    last = buf[buf.length - 1] ?? 10;
  }
  return last === 10 ? lines : lines + 1;
}

/**
 * What importing a file would do, without writing anything: the format, the first rows as they will
 * be read (our fields, formatted), the problems among them by line, a row count (exact for files
 * read whole, else from the line count), and whether the same bytes were imported before.
 */
export async function previewFile(db: Db, input: ImportInput, opts: { preset?: string | undefined; mapping?: ColumnMapping | undefined }): Promise<ImportPreview> {
  const name = 'path' in input ? (input.name ?? input.path.split(/[\\/]/).pop() ?? input.path) : input.name;
  const empty = (problem: string, extra: Partial<ImportPreview> = {}): ImportPreview => ({
    fileName: name, sizeBytes: 0, format: null, looksLike: null, encoding: 'unknown', delimiter: null, fileColumns: [], columns: [], rows: [],
    rejections: [], sampledRows: 0, estimatedRows: 0, estimateExact: true, alreadyImported: null, problem, ...extra,
  });
  let file: OpenedFile;
  try {
    file = openImportFile(input, opts.mapping ? { encoding: opts.mapping.encoding } : {});
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    let size = 0;
    try {
      size = 'path' in input ? statSync(input.path).size : Buffer.byteLength(input.content);
    } catch {
      // missing file: the message says so
    }
    return empty(e.message, { sizeBytes: size });
  }
  const isJson = file.kind === 'text' && /^\s*[[{]/.test(file.head);
  const header = file.kind === 'text' && !isJson ? csvHeader(file, opts.mapping) : { columns: file.kind === 'xlsx' && file.path ? await xlsxHeader(file.path, opts.mapping) : [], delimiter: null };
  const base = { fileName: file.name, sizeBytes: file.size, encoding: file.kind === 'xlsx' ? 'xlsx' : file.encoding, delimiter: header.delimiter, fileColumns: header.columns };
  let reader;
  try {
    reader = resolveReader(file, opts);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const looksLike = /looks like a (.+), not the chosen/.exec(e.message)?.[1] ?? null;
    return { ...empty(e.message), ...base, looksLike };
  }
  const rows: ImportPreview['rows'] = [];
  const rejections: ImportPreview['rejections'] = [];
  let sampled = 0;
  let bytesSeen = 0;
  let readWhole = true;
  try {
    for await (const parsed of reader.rows((c) => (bytesSeen += c.length))) {
      sampled += 1;
      if (parsed.ok) rows.push({ line: parsed.line, values: reader.preset.preview?.row(parsed.row) ?? { row: JSON.stringify(parsed.row).slice(0, 200) } });
      else rejections.push({ line: parsed.line, reason: parsed.reason });
      if (sampled >= SAMPLE_ROWS) {
        readWhole = false;
        break;
      }
    }
  } catch (e) {
    return { ...empty(e instanceof Error ? e.message : String(e)), ...base, format: { id: reader.id, label: reader.label } };
  } finally {
    // Stopping after the sample leaves the file's stream open: release it.
    file.close();
  }
  let estimatedRows = sampled;
  let exact = readWhole;
  if (!readWhole && file.kind === 'text') {
    const headerLines = opts.mapping?.headerRow ?? 1;
    const isCsv = !isJson;
    if (file.size <= COUNT_LINES_UP_TO_BYTES) {
      estimatedRows = Math.max(sampled, (await countLines(file)) - (isCsv ? headerLines : 0));
      exact = false; // quoted line breaks can make lines and rows differ
    } else {
      const avgLine = Math.max(1, bytesSeen / Math.max(1, sampled));
      estimatedRows = Math.round(file.size / avgLine);
    }
  }
  let alreadyImported: ImportPreview['alreadyImported'] = null;
  if (file.size <= HASH_UP_TO_BYTES) {
    const sha = await sha256Of(file);
    const prior = succeededImportBySha(db, sha);
    if (prior) alreadyImported = { importId: prior.id, at: prior.at };
  }
  return {
    ...base,
    format: { id: reader.id, label: reader.label },
    looksLike: reader.looksLike,
    columns: [...(reader.preset.preview?.columns ?? ['row'])],
    rows: rows.slice(0, 20),
    rejections,
    sampledRows: sampled,
    estimatedRows,
    estimateExact: exact,
    alreadyImported,
    problem: null,
  };
}
