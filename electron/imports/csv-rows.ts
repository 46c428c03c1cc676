import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { AppError } from '../../shared/ipc/result';
import type { ParsedRow } from './preset';

/**
 * Streams CSV records as header-keyed objects with their line numbers and validates each with zod.
 * csv-parse is streaming, RFC 4180-complete (quotes, embedded newlines, BOM) and well maintained,
 * so a 2 GB export never has to fit in memory.
 */
export async function* csvRows<S extends z.ZodType>(input: NodeJS.ReadableStream, schema: S, opts: { delimiter?: string } = {}): AsyncIterable<ParsedRow<z.output<S>>> {
  const parser: Readable = input.pipe(
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
  for await (const batch of inBatches<{ record: Record<string, string>; info: { lines: number } }>(parser)) {
    for (const item of batch) {
      const line = item.info.lines;
      const result = schema.safeParse(item.record);
      if (result.success) yield { line, ok: true, row: result.data };
      else yield { line, ok: false, reason: formatZodIssues(result.error), raw: JSON.stringify(item.record) };
    }
  }
}

/**
 * Everything an object stream has buffered, a batch at a time. A stream's own async iterator
 * costs a promise per record, which at a million rows is most of the import's time.
 */
export async function* inBatches<T>(stream: Readable): AsyncIterable<T[]> {
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on('readable', notify);
  stream.once('end', () => ((ended = true), notify()));
  // Destroyed without an error (a reader that stopped, a cancel): nothing more will come.
  stream.once('close', () => ((ended = true), notify()));
  stream.once('error', (e) => ((failure = e), notify()));
  try {
    for (;;) {
      const batch: T[] = [];
      for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) batch.push(item);
      if (batch.length > 0) yield batch;
      if (failure) throw failure;
      if (ended) return;
      if (batch.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.off('readable', notify);
    if (!ended) stream.destroy();
  }
}

/** NDJSON (or a JSON array, as GitHub's example reports are written) one object at a time. */
export async function* jsonLines<S extends z.ZodType>(input: NodeJS.ReadableStream, schema: S): AsyncIterable<ParsedRow<z.output<S>>> {
  let rest = '';
  let line = 0;
  function* rows(texts: string[]): Generator<ParsedRow<z.output<S>>> {
    for (const raw of texts) {
      line += 1;
      const trimmed = raw.trim();
      if (trimmed === '' || trimmed === '[' || trimmed === ']') continue;
      let value: unknown;
      try {
        value = JSON.parse(trimmed.endsWith(',') ? trimmed.slice(0, -1) : trimmed);
      } catch {
        yield { line, ok: false, reason: 'not valid JSON', raw: trimmed.slice(0, 200) };
        continue;
      }
      const result = schema.safeParse(value);
      yield result.success ? { line, ok: true, row: result.data } : { line, ok: false, reason: formatZodIssues(result.error), raw: trimmed.slice(0, 200) };
    }
  }
  // Chunks a batch at a time, split into lines here: per-line promises (readline's iterator) cost more than parsing.
  for await (const chunks of inBatches<Buffer | string>(input as Readable)) {
    const text = rest + chunks.map((c) => c.toString()).join('');
    const parts = text.split(/\r?\n/);
    rest = parts.pop() ?? '';
    yield* rows(parts);
  }
  if (rest !== '') yield* rows([rest]);
}


export async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += chunk.toString();
  return text;
}

export function formatZodIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
