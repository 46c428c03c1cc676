import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { z } from 'zod';
import { AppError } from '../../shared/ipc/result';
import type { ParsedRow } from './preset';

/**
 * Streams CSV records as header-keyed objects with their line numbers and validates each with zod.
 * csv-parse is streaming, RFC 4180-complete (quotes, embedded newlines, BOM) and well maintained,
 * so a 2 GB export never has to fit in memory.
 */
export async function* csvRows<S extends z.ZodType>(input: NodeJS.ReadableStream, schema: S, opts: { delimiter?: string } = {}): AsyncIterable<ParsedRow<z.output<S>>> {
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => {
        // One column whose name holds semicolons or tabs: the file uses another delimiter than this format's.
        const only = header.length === 1 ? (header[0] ?? '') : '';
        const other = [';', '\t', '|'].find((d) => only.includes(d));
        if (other) throw new AppError('INVALID_INPUT', `The file is separated by "${other === '\t' ? 'tab' : other}", not "${opts.delimiter ?? ','}" as this format is; export it again with commas, or read it through a column mapping.`);
        return header.map((h) => h.trim());
      },
      bom: true,
      skip_empty_lines: true,
      delimiter: opts.delimiter ?? ',',
      info: true,
      relax_column_count: true,
    }),
  );
  for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; invalid_field_length: number } }>) {
    const line = item.info.lines;
    const result = schema.safeParse(item.record);
    if (result.success) yield { line, ok: true, row: result.data };
    else yield { line, ok: false, reason: formatZodIssues(result.error), raw: JSON.stringify(item.record) };
  }
}

/** NDJSON (or a JSON array, as GitHub's example reports are written) one object at a time. */
export async function* jsonLines<S extends z.ZodType>(input: NodeJS.ReadableStream, schema: S): AsyncIterable<ParsedRow<z.output<S>>> {
  // readline splits a stream into lines without holding more than a chunk (CRLF handled).
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === '[' || trimmed === ']') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed.replace(/,$/, ''));
    } catch {
      yield { line, ok: false, reason: 'not valid JSON', raw: trimmed.slice(0, 200) };
      continue;
    }
    const result = schema.safeParse(value);
    yield result.success ? { line, ok: true, row: result.data } : { line, ok: false, reason: formatZodIssues(result.error), raw: trimmed.slice(0, 200) };
  }
}

export async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += chunk.toString();
  return text;
}

export function formatZodIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
