/** The sentence shown for a cancelled sync, wherever it appears (progress, card, history). */
export const CANCELLED_NOTE = 'Cancelled — what was fetched is kept; the next sync resumes.';

/** Why a run is "interrupted": main marks runs left 'running' by a process that died. */
export const INTERRUPTED_NOTE = 'The app stopped during this sync; the next sync resumes from what was saved.';

export type RunTone = 'ok' | 'error' | 'warning' | 'neutral';

const LABELS: Record<string, { label: string; tone: RunTone }> = {
  running: { label: 'Running', tone: 'neutral' },
  succeeded: { label: 'Succeeded', tone: 'ok' },
  failed: { label: 'Failed', tone: 'error' },
  cancelled: { label: 'Cancelled', tone: 'warning' },
  interrupted: { label: 'Interrupted', tone: 'warning' },
};

/** A run status for people; a status this build does not know is shown as sent. */
export function runStatusLabel(status: string): { label: string; tone: RunTone } {
  return LABELS[status] ?? { label: status, tone: 'neutral' };
}
