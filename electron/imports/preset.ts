import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';

/** One parsed row ready to write, or the reason it cannot be read. Lines are 1-based file lines. */
export type ParsedRow<T> = { line: number; ok: true; row: T } | { line: number; ok: false; reason: string; raw?: string };

export type PresetId = 'run-credits' | 'copilot-users' | 'copilot-org' | 'github-billing' | 'anthropic-cost-report' | 'openai-costs';

/**
 * What writing one row did: true = added, false = already stored (same natural key, same content),
 * or a conflict: the natural key is stored with different content (the row is rejected).
 */
export type WriteOutcome = boolean | { conflict: string };

/**
 * A billing/usage format: how to recognise it from its first bytes, how to read its rows (from a
 * UTF-8 text stream), and how to write one row idempotently by its natural key.
 */
export type Preset<T> = {
  id: string;
  label: string;
  sniff(head: string): boolean;
  rows(input: NodeJS.ReadableStream): AsyncIterable<ParsedRow<T>>;
  writer(db: Db, importId: number): (row: T, line: number) => WriteOutcome;
  /** Tables this preset writes, so an undo can remove exactly this import's rows. */
  tables: readonly string[];
  /** How a row reads in a preview table: our field names and formatted values. */
  preview?: { columns: readonly string[]; row(row: T): Record<string, string> };
};

/**
 * A natural key for billing_lines: the first 16 bytes of a sha256 over the parts, stored as a BLOB.
 * Half the size of hex text, so the unique index a million-row import fills stays small and fast.
 */
export function naturalKey(parts: readonly unknown[]): Buffer {
  return createHash('sha256').update(parts.map((p) => (p === null || p === undefined ? '' : String(p))).join('\u0001')).digest().subarray(0, 16);
}
