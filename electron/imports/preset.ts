import type { Db } from '../db/connection';

/** One parsed row ready to write, or the reason it cannot be read. Lines are 1-based file lines. */
export type ParsedRow<T> = { line: number; ok: true; row: T } | { line: number; ok: false; reason: string; raw?: string };

export type PresetId = 'run-credits' | 'copilot-users' | 'github-billing' | 'anthropic-cost-report' | 'openai-costs';

/**
 * A billing/usage format: how to recognise it from its first bytes, how to read its rows, and how
 * to write one row idempotently (returning false when the row's natural key is already stored).
 */
export type Preset<T> = {
  id: PresetId;
  label: string;
  sniff(head: string): boolean;
  rows(input: NodeJS.ReadableStream): AsyncIterable<ParsedRow<T>>;
  writer(db: Db, importId: number): (row: T, line: number) => boolean;
  /** Tables this preset writes, so an undo can remove exactly this import's rows. */
  tables: readonly string[];
};
