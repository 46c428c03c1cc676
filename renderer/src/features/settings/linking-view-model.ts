import type { Unlinked } from './settings-api';

type UnlinkedKind = keyof Unlinked['counts'];

export const UNLINKED_LABELS: Record<UnlinkedKind, string> = {
  run_without_ticket: 'Runs without a ticket',
  run_without_mr: 'Runs without an MR',
  ai_mr_without_ticket: 'AI MRs without a ticket',
  billing_line_without_run: 'Billing lines without a run',
};

export type UnlinkedRow = { kind: UnlinkedKind; label: string; count: number };

/** The unlinked counts in a fixed order, every kind shown (a zero is worth seeing too). */
export function unlinkedRows(counts: Unlinked['counts']): UnlinkedRow[] {
  return (Object.keys(UNLINKED_LABELS) as UnlinkedKind[]).map((kind) => ({ kind, label: UNLINKED_LABELS[kind], count: counts[kind] }));
}

export const unlinkedTotal = (counts: Unlinked['counts']): number => Object.values(counts).reduce((sum, n) => sum + n, 0);
