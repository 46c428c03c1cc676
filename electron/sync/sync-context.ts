import type { Db } from '../db/connection';
import type { SourceRow } from '../db/repositories/sources';
import type { RequestLogEntry } from './http/http-client';

export type SyncProgress = { step: string; done: number; total: number | null; waiting: string | null };

/** What one source's sync needs: its row, the token from the keychain, and ways to report. */
export type SyncContext = {
  db: Db;
  source: SourceRow;
  token: string;
  full: boolean;
  signal: AbortSignal;
  botUsernames: readonly string[];
  progress: (p: Partial<SyncProgress>) => void;
  /** Adds to the run's counters ("what changed"). */
  count: (key: string, n?: number) => void;
  log: (entry: RequestLogEntry) => void;
};

/** Re-read this much before the cursor: search indexes are eventually consistent and paging can shift. */
export const CURSOR_OVERLAP_MS = 5 * 60_000;
