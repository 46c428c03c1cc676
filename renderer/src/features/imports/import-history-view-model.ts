import type { ImportView } from '../../../../shared/ipc/contract';
import { formatCount, formatDateTime, NO_VALUE } from '../../lib/format';

export type HistoryTone = 'ok' | 'error' | 'warning' | 'neutral';

export type ImportHistoryRow = {
  id: number;
  fileName: string;
  format: string;
  started: string;
  /** The raw start, for a machine-readable <time>. */
  startedAt: string;
  imported: string;
  rowsImported: number;
  skipped: string;
  rejected: string;
  /** "1,200 imported · 3 skipped · 2 rejected", for the undo dialog and screen readers. */
  counts: string;
  status: string;
  statusKey: ImportView['status'];
  tone: HistoryTone;
  /** Why it failed, when it was undone, why it was interrupted; null otherwise. */
  note: string | null;
  noteTone: 'error' | 'muted';
  /** The first 10 hex digits, enough to tell files apart at a glance; the full hash goes in a title. */
  shortHash: string;
  hash: string;
  canUndo: boolean;
  hasRejections: boolean;
};

const STATUS: Record<ImportView['status'], { label: string; tone: HistoryTone }> = {
  running: { label: 'Running', tone: 'neutral' },
  succeeded: { label: 'Imported', tone: 'ok' },
  failed: { label: 'Failed', tone: 'error' },
  undone: { label: 'Undone', tone: 'warning' },
  interrupted: { label: 'Interrupted', tone: 'warning' },
};

export const shortHash = (sha256: string): string => (sha256 === '' ? NO_VALUE : sha256.length > 10 ? `${sha256.slice(0, 10)}…` : sha256);

/** "1,200 imported · 3 skipped · 2 rejected"; zero counts after the first are left out. */
export function countsSummary(view: Pick<ImportView, 'rowsImported' | 'rowsSkipped' | 'rowsRejected'>): string {
  const parts = [`${formatCount(view.rowsImported)} imported`];
  if (view.rowsSkipped > 0) parts.push(`${formatCount(view.rowsSkipped)} skipped`);
  if (view.rowsRejected > 0) parts.push(`${formatCount(view.rowsRejected)} rejected`);
  return parts.join(' · ');
}

/** The format as people know it: the preset's label where the id is known, else as stored. */
export function formatName(format: string, labels: ReadonlyMap<string, string>): string {
  if (format === '') return NO_VALUE;
  // Imports read with a column mapping are stored as "mapping:<name>".
  if (format.startsWith('mapping:')) return `Column mapping “${format.slice('mapping:'.length)}”`;
  return labels.get(format) ?? format;
}

function note(view: ImportView): { note: string | null; noteTone: 'error' | 'muted' } {
  if (view.status === 'undone') return { note: view.undoneAt === null ? 'Its rows were removed.' : `Its rows were removed on ${formatDateTime(view.undoneAt)}.`, noteTone: 'muted' };
  if (view.status === 'failed') return { note: view.error ?? 'Failed without a message; nothing was imported.', noteTone: 'error' };
  if (view.status === 'interrupted') return { note: view.error ?? 'The app stopped during this import; nothing from it was kept.', noteTone: 'muted' };
  return { note: null, noteTone: 'muted' };
}

export function importHistoryRow(view: ImportView, labels: ReadonlyMap<string, string>): ImportHistoryRow {
  const status = STATUS[view.status];
  const done = view.status !== 'running';
  return {
    id: view.id,
    fileName: view.fileName,
    format: formatName(view.format, labels),
    started: formatDateTime(view.startedAt),
    startedAt: view.startedAt,
    imported: done ? formatCount(view.rowsImported) : NO_VALUE,
    rowsImported: view.rowsImported,
    skipped: done ? formatCount(view.rowsSkipped) : NO_VALUE,
    rejected: done ? formatCount(view.rowsRejected) : NO_VALUE,
    counts: countsSummary(view),
    status: status.label,
    statusKey: view.status,
    tone: status.tone,
    ...note(view),
    shortHash: shortHash(view.sha256),
    hash: view.sha256,
    // Only a finished import that added rows has anything to take back.
    canUndo: view.status === 'succeeded' && view.rowsImported > 0,
    hasRejections: view.rowsRejected > 0 && view.status !== 'running',
  };
}

/** Latest first, whatever order the imports arrive in (ids grow with start order). */
export function importHistoryRows(views: ImportView[], labels: ReadonlyMap<string, string>): ImportHistoryRow[] {
  return [...views].sort((a, b) => b.id - a.id).map((view) => importHistoryRow(view, labels));
}

/** What the undo dialog promises: exactly the rows this import added, nothing else. */
export function undoConsequences(row: Pick<ImportHistoryRow, 'fileName' | 'started' | 'rowsImported'>): string {
  const rows = `${formatCount(row.rowsImported)} ${row.rowsImported === 1 ? 'row' : 'rows'}`;
  return `This removes exactly the ${rows} that the import of ${row.fileName} on ${row.started} added; rows that were in the workspace before it stay. If a later file repeated some of these rows, import that file again to get them back.`;
}

/** How many imports the history shows before "Show all": the latest month's files fit, a year's do not. */
export const HISTORY_PAGE = 20;

/** The rows to show, and the "Show all 96 imports" label when some are held back. */
export function historyPage(rows: readonly ImportHistoryRow[], showAll: boolean): { rows: ImportHistoryRow[]; more: string | null } {
  if (showAll || rows.length <= HISTORY_PAGE) return { rows: [...rows], more: null };
  return { rows: rows.slice(0, HISTORY_PAGE), more: `Show all ${formatCount(rows.length)} imports` };
}
