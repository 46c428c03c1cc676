import { RECORD_SIGNALS, type Outcome, type RecordSignalCode } from '../../../../shared/domain/records/types';
import type { RecordDetail } from '../../../../shared/ipc/contract-records';

export type Tone = 'good' | 'bad' | 'warn' | 'neutral' | 'open';

/** Outcomes in the order a reader follows a piece of work: merged first, never started last. */
export const OUTCOME_ORDER: readonly Outcome[] = ['accepted', 'rolled_back', 'rejected', 'open', 'failed', 'blocked', 'denied', 'no_change'];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  rolled_back: 'Rolled back',
  open: 'Open',
  denied: 'Denied',
  blocked: 'Blocked',
  failed: 'Validation failed',
  no_change: 'No change',
};

export const OUTCOME_TONES: Record<Outcome, Tone> = {
  accepted: 'good',
  rejected: 'bad',
  rolled_back: 'bad',
  open: 'open',
  denied: 'neutral',
  blocked: 'warn',
  failed: 'warn',
  no_change: 'neutral',
};

export const SIGNAL_CODES = Object.keys(RECORD_SIGNALS) as RecordSignalCode[];

export const isSignalCode = (code: string): code is RecordSignalCode => (SIGNAL_CODES as readonly string[]).includes(code);

/** Short names for the grid's signal badges; the full label is their tooltip. */
export const SIGNAL_SHORT_LABELS: Record<RecordSignalCode, string> = {
  repair_over_budget: 'Repairs over budget',
  no_review: 'No review',
  review_time_not_captured: 'Review time estimated',
  no_validation_before_review: 'No validation',
  billing_mismatch: 'Billing mismatch',
  ticket_not_synced: 'Ticket not synced',
};

export const SIGNAL_TONES: Record<RecordSignalCode, Tone> = {
  repair_over_budget: 'bad',
  no_review: 'bad',
  review_time_not_captured: 'neutral',
  no_validation_before_review: 'warn',
  billing_mismatch: 'warn',
  ticket_not_synced: 'warn',
};

export type CostKind = RecordDetail['costLines'][number]['kind'];

/** Cost kinds in the order the Overview lists them: vendor charges first, people last. */
export const COST_KINDS: readonly { kind: CostKind; label: string }[] = [
  { kind: 'run_credits', label: 'Run credits' },
  { kind: 'ai_credits', label: 'Cloud AI credits' },
  { kind: 'provider', label: 'Model provider' },
  { kind: 'ci', label: 'CI minutes' },
  { kind: 'human', label: 'People' },
];

export const costKindLabel = (kind: CostKind): string => COST_KINDS.find((k) => k.kind === kind)?.label ?? kind;
