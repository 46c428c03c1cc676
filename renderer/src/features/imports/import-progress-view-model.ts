import type { ImportProgress } from '../../../../shared/ipc/contract';
import { formatBytes, formatCount } from '../../lib/format';

export type OutcomeTone = 'ok' | 'warning' | 'error';

export type ImportOutcome = {
  tone: OutcomeTone;
  /** The headline: "Imported 1,200 rows.", the failure message, "Cancelled — …". */
  text: string;
  /** "3 skipped (already in the workspace) · 2 rejected (see Rejected rows in the history)". */
  details: string | null;
  /** The first rows that could not be read, with their line numbers. */
  rejections: { line: number; reason: string }[];
  /** "and 95 more" when the list is cut. */
  more: string | null;
};

export type ImportProgressModel = {
  state: ImportProgress['state'];
  /** 0..100; null draws an indeterminate bar (a size the host did not know). */
  percent: number | null;
  /** "12.3 MB of 40.0 MB · 31%". */
  valueText: string;
  /** "52,000 rows read so far", "1,200 rows read". */
  rows: string;
  outcome: ImportOutcome | null;
  showCancel: boolean;
};

export const CANCELLED_OUTCOME = 'Cancelled — nothing from this file was kept.';
/** How many rejected rows an outcome lists before "and N more". */
export const OUTCOME_REJECTIONS = 5;

/** Bytes read of the file's size as a percentage; null when the size is unknown. */
export function bytesPercent(bytesRead: number, totalBytes: number): number | null {
  if (!Number.isFinite(totalBytes) || totalBytes <= 0) return null;
  return Math.min(100, Math.max(0, Math.floor((bytesRead / totalBytes) * 100)));
}

const rows = (n: number): string => `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;

export function rowsText(n: number, running: boolean): string {
  if (running) return n === 0 ? 'Reading…' : `${rows(n)} read so far`;
  return `${rows(n)} read`;
}

function cutList(list: { line: number; reason: string }[], total: number): Pick<ImportOutcome, 'rejections' | 'more'> {
  const shown = list.slice(0, OUTCOME_REJECTIONS);
  const hidden = Math.max(total, list.length) - shown.length;
  return { rejections: shown, more: hidden > 0 ? `and ${formatCount(hidden)} more` : null };
}

/** What an import ended with, in words. */
export function importOutcome(event: ImportProgress): ImportOutcome | null {
  if (event.state === 'running') return null;
  if (event.state === 'cancelled') return { tone: 'warning', text: CANCELLED_OUTCOME, details: null, rejections: [], more: null };
  if (event.state === 'failed') {
    const list = event.error?.rejections ?? [];
    return { tone: 'error', text: event.error?.message ?? 'The import failed without a message; nothing was imported.', details: null, ...cutList(list, list.length) };
  }
  const summary = event.summary;
  if (summary === null) return { tone: 'ok', text: 'Imported.', details: null, rejections: [], more: null };
  const parts = [
    ...(summary.rowsSkipped > 0 ? [`${formatCount(summary.rowsSkipped)} skipped (already in the workspace)`] : []),
    ...(summary.rowsRejected > 0 ? [`${formatCount(summary.rowsRejected)} rejected (kept in a report: Rejected rows in the history)`] : []),
  ];
  const onlyDuplicates = summary.rowsImported === 0 && summary.rowsSkipped > 0 && summary.rowsRejected === 0;
  const text =
    summary.rowsImported > 0
      ? `Imported ${rows(summary.rowsImported)}.`
      : summary.rowsSkipped > 0 && summary.rowsRejected === 0
        ? `Nothing new: all ${rows(summary.rowsSkipped)} were already in the workspace.`
        : 'No rows were imported.';
  return {
    tone: summary.rowsRejected > 0 || summary.rowsImported === 0 ? 'warning' : 'ok',
    text,
    // "Nothing new: all … were already in the workspace" says the skipped count already.
    details: parts.length === 0 || onlyDuplicates ? null : parts.join(' · '),
    ...cutList(summary.rejections, summary.rowsRejected),
  };
}

/**
 * `fileName` is the name the user knows; messages from the host name the uploaded copy, whose name
 * on disk carries a prefix, and are told with the user's name instead.
 */
export function importProgressModel(event: ImportProgress, fileName: string = event.fileName): ImportProgressModel {
  const running = event.state === 'running';
  const percent = event.state === 'succeeded' ? 100 : bytesPercent(event.bytesRead, event.totalBytes);
  const valueText =
    event.totalBytes > 0 ? `${formatBytes(Math.min(event.bytesRead, event.totalBytes))} of ${formatBytes(event.totalBytes)} · ${percent ?? 0}%` : formatBytes(event.bytesRead);
  return { state: event.state, percent, valueText, rows: rowsText(event.rows, running), outcome: importOutcome(fileName === event.fileName || event.error === null ? event : { ...event, error: { ...event.error, message: event.error.message.split(event.fileName).join(fileName) } }), showCancel: running };
}

/** A browser upload's progress before the file can be previewed: "Sending 12.3 MB of 40.0 MB · 31%". */
export function uploadText(loaded: number, total: number): string {
  const percent = bytesPercent(loaded, total);
  return percent === null ? `Sending ${formatBytes(loaded)}` : `Sending ${formatBytes(loaded)} of ${formatBytes(total)} · ${percent}%`;
}
