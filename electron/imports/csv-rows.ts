import { parse } from 'csv-parse';
import type { z } from 'zod';
import type { ParsedRow } from './preset';

/**
 * Streams CSV records as header-keyed objects with their line numbers and validates each with zod.
 * csv-parse is streaming, RFC 4180-complete (quotes, embedded newlines, BOM) and well maintained,
 * so a 2 GB export never has to fit in memory.
 */
export async function* csvRows<S extends z.ZodType>(input: NodeJS.ReadableStream, schema: S, opts: { delimiter?: string } = {}): AsyncIterable<ParsedRow<z.output<S>>> {
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim()),
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
  let buffer = '';
  let line = 0;
  const handle = (text: string, at: number): ParsedRow<z.output<S>> | null => {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === '[' || trimmed === ']') return null;
    let value: unknown;
    try {
      value = JSON.parse(trimmed.replace(/,$/, ''));
    } catch {
      return { line: at, ok: false, reason: 'not valid JSON', raw: trimmed.slice(0, 200) };
    }
    const result = schema.safeParse(value);
    return result.success ? { line: at, ok: true, row: result.data } : { line: at, ok: false, reason: formatZodIssues(result.error), raw: trimmed.slice(0, 200) };
  };
  for await (const chunk of input) {
    buffer += chunk.toString();
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      line += 1;
      const parsed = handle(buffer.slice(0, nl), line);
      if (parsed) yield parsed;
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
  }
  if (buffer.trim() !== '') {
    const parsed = handle(buffer, line + 1);
    if (parsed) yield parsed;
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
