import type { SyncProgressEvent } from '../../../../shared/ipc/contract';
import { formatCount } from '../../lib/format';
import { summariseCounts } from './count-summary';
import { CANCELLED_NOTE } from './sync-status-labels';

export type SyncProgressModel = {
  state: SyncProgressEvent['state'];
  /** 0..100 when the total is known; null draws an indeterminate bar. */
  percent: number | null;
  /** What the bar shows in words: "120 of 480 · 25%", "120 so far", "Working…" before the first page lands. */
  valueText: string;
  step: string;
  eta: string | null;
  waiting: string | null;
  counts: string | null;
  /** The closing sentence of a finished sync: what cancelling kept, why it failed; null while running. */
  note: string | null;
  showCancel: boolean;
};

export const QUEUED_NOTE = 'Queued — starts when the sources before it are done.';

/** "less than a minute left", "about 2 min left", "about 1 h 20 min left" (rounded to 10 min above an hour). */
export function etaText(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 45) return 'less than a minute left';
  if (seconds < 3600) return `about ${Math.max(1, Math.round(seconds / 60))} min left`;
  const tens = Math.round(seconds / 600);
  const hours = Math.floor(tens / 6);
  const minutes = (tens % 6) * 10;
  return minutes === 0 ? `about ${hours} h left` : `about ${hours} h ${minutes} min left`;
}

/** The connector builds "<reason>; retrying in 30 s"; a reason that is a sentence leaves ".;" behind. */
const tidyWaiting = (text: string): string => text.replace(/\.;/g, ';');

/** Percent done when the connector knows the total; a total of 0 means there was nothing to fetch. */
export function progressPercent(done: number, total: number | null): number | null {
  if (total === null) return null;
  if (total <= 0) return 100;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}

export function syncProgressModel(event: SyncProgressEvent): SyncProgressModel {
  const running = event.state === 'running';
  const percent = event.state === 'succeeded' ? 100 : progressPercent(event.done, event.total);
  const valueText =
    event.total !== null
      ? `${formatCount(event.done)} of ${formatCount(Math.max(event.total, event.done))} · ${percent ?? 0}%`
      : event.done > 0
        ? `${formatCount(event.done)} so far`
        : running
          ? 'Working…'
          : '';
  const note =
    event.state === 'cancelled'
      ? CANCELLED_NOTE
      : event.state === 'failed'
        ? (event.message ?? 'The sync failed without a message.')
        : event.state === 'succeeded'
          ? 'Finished.'
          : null;
  return {
    state: event.state,
    percent,
    valueText,
    step: event.step,
    eta: running && event.waiting === null ? etaText(event.etaSeconds) : null,
    waiting: running && event.waiting !== null ? tidyWaiting(event.waiting) : null,
    counts: summariseCounts(event.counts),
    note,
    showCancel: running,
  };
}
