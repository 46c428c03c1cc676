import { parse, type CsvError, type Info } from 'csv-parse';
import { Readable } from 'node:stream';
import type { ColumnMapping } from '../../../shared/domain/column-mapping';
import { AppError } from '../../../shared/ipc/result';
import type { ParsedRow } from '../preset';
import { detectDelimiter } from './cells';
import { createRowMapper, type MappedRow, type RawRecord } from './mapped-row';

// A header line longer than this is not a header: the file is not what the mapping says.
const MAX_HEAD_CHARS = 16 * 1024 * 1024;
const MAX_RAW_CHARS = 1_000;

/**
 * The input as text chunks with every line break made "\n". csv-parse counts a quoted "\r\n" as two
 * lines, so without this the line numbers of a Windows file drift after each multi-line cell.
 */
async function* lfText(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let first = true;
  const normalise = (text: string): string => {
    let t = carry + text;
    carry = '';
    if (first && t !== '') {
      t = t.replace(/^\uFEFF/, '');
      first = false;
    }
    if (t.endsWith('\r')) {
      carry = '\r';
      t = t.slice(0, -1);
    }
    return t.replace(/\r\n?/g, '\n');
  };
  for await (const chunk of input) {
    const text = normalise(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (text !== '') yield text;
  }
  const rest = normalise(decoder.decode()) + (carry === '\r' ? '\n' : '');
  if (rest !== '') yield rest;
}

/** Reads until the header line is complete, so the delimiter can be sniffed before parsing starts. */
async function readHead(chunks: AsyncIterator<string>, headerRow: number): Promise<{ head: string; headerLine: string }> {
  let head = '';
  let newlines = 0;
  while (newlines < headerRow) {
    const next = await chunks.next();
    if (next.done) break;
    head += next.value;
    for (let i = next.value.indexOf('\n'); i !== -1; i = next.value.indexOf('\n', i + 1)) newlines += 1;
    if (head.length > MAX_HEAD_CHARS) throw new AppError('INVALID_INPUT', `no line break in the first ${MAX_HEAD_CHARS / 1024 / 1024} MB: this is not a CSV file with a header row`);
  }
  const lines = head.split('\n', headerRow);
  const headerLine = lines[headerRow - 1];
  if (headerLine === undefined || headerLine.trim() === '') {
    const count = head === '' ? 0 : head.endsWith('\n') ? newlines : newlines + 1;
    throw new AppError('INVALID_INPUT', headerLine === undefined ? `the header row is set to line ${headerRow}, but the file has ${count} line${count === 1 ? '' : 's'}` : `line ${headerRow}, the header row, is empty`);
  }
  return { head, headerLine };
}

const newlinesIn = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
};

const clip = (raw: string | undefined): string | undefined => (raw === undefined ? undefined : raw.replace(/\n$/, '').slice(0, MAX_RAW_CHARS));

function skipReason(err: CsvError): string {
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed (the file may be cut off)';
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quoted field is followed by other text instead of a delimiter';
  return err.message;
}

type Item = { record: string[]; info: Info; raw: string };

/**
 * Streams a CSV through a column mapping. The header is at `headerRow` (title blocks above it are
 * skipped); the delimiter is the mapping's or sniffed from the header line. Quoted fields may hold
 * delimiters and line breaks. Rows that cannot be read (wrong column count, bad values, a quote
 * left open by a truncated file) come back as rejections with their line: the 1-based physical
 * line of the file where the row starts. A missing mapped column fails the whole file. The input
 * is UTF-8 text (a BOM is dropped): the caller decodes the file's own encoding.
 */
export async function* mappedCsvRows(input: NodeJS.ReadableStream, mapping: ColumnMapping): AsyncIterable<ParsedRow<MappedRow>> {
  const chunks = lfText(input);
  const { head, headerLine } = await readHead(chunks, mapping.headerRow);
  const delimiter = mapping.delimiter === 'auto' ? detectDelimiter(headerLine) : mapping.delimiter;
  const skipped: ParsedRow<MappedRow>[] = [];
  const parser = parse({
    delimiter,
    from_line: mapping.headerRow,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err, raw) => {
      if (!err) return undefined;
      // err.lines is where parsing gave up; the record started as many lines earlier as it spans.
      const lines = typeof err.lines === 'number' ? err.lines : 0;
      const line = raw === undefined ? lines : lines - newlinesIn(raw) + (raw.endsWith('\n') ? 1 : 0);
      const last = skipped[skipped.length - 1];
      // After a bad quote csv-parse may fail again on the same record, now spanning the rest of the file.
      if (last && !last.ok && last.line === line) last.reason += `; ${skipReason(err)}, through line ${lines}`;
      else skipped.push({ line, ok: false, reason: skipReason(err), ...(raw ? { raw: clip(raw) } : {}) });
      return undefined;
    },
  });
  const source = Readable.from(
    (async function* () {
      yield head;
      yield* chunks;
    })(),
  );
  source.once('error', (e) => parser.destroy(e));
  source.pipe(parser);

  let header: string[] | null = null;
  let mapRow: ReturnType<typeof createRowMapper> | null = null;
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<Item>) {
      if (header === null || mapRow === null) {
        header = record.map((h) => h.trim());
        mapRow = createRowMapper(header, mapping);
        continue;
      }
      const line = info.lines - record.reduce((n, cell) => n + newlinesIn(cell), 0);
      while (skipped.length > 0 && skipped[0]!.line < line) yield skipped.shift()!;
      // Spacer rows (",,," as spreadsheets save empty rows) are skipped, not rejected as short.
      if (record.every((c) => c.trim() === '')) continue;
      const extra = record.slice(header.length);
      if (record.length < header.length || extra.some((c) => c.trim() !== '')) {
        yield { line, ok: false, reason: `expected ${header.length} columns, found ${record.length}`, raw: clip(raw) };
        continue;
      }
      const values: RawRecord = {};
      header.forEach((name, i) => {
        // The first of two same-named columns wins; a mapping that names a repeated column was refused.
        if (!(name in values)) values[name] = record[i] ?? null;
      });
      const result = mapRow(values);
      yield result.ok ? { line, ok: true, row: result.row } : { line, ok: false, reason: result.reason, raw: clip(raw) };
    }
    yield* skipped.splice(0).sort((a, b) => a.line - b.line);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      throw new AppError('INVALID_INPUT', `line ${String((e as CsvError).lines ?? '?')}: ${(e as Error).message}`);
    }
    throw e;
  } finally {
    // Stopping early (a preview) must release the file now, not when a pending read settles.
    source.destroy();
    if ('destroy' in input && typeof input.destroy === 'function') (input as Readable).destroy();
  }
}
