import type { RecordSignalCode } from '../../../../shared/domain/records/types';
import { formatCount } from '../../lib/format';
import type { Signals } from './records-api';
import { SIGNAL_TONES, isSignalCode, type Tone } from './records-labels';
import type { UnlinkedKind } from './unlinked-view-model';

/** What clicking a signal does: filter the list by the signal, show its records, or show unlinked items. */
export type SignalAction =
  | { kind: 'signal'; code: RecordSignalCode; label: string }
  | { kind: 'ids'; ids: number[]; label: string }
  | { kind: 'unlinked'; unlinkedKind: UnlinkedKind };

export type SignalCard = {
  code: string;
  label: string;
  description: string;
  count: number;
  countDisplay: string;
  tone: Tone;
  action: SignalAction | null;
  actionLabel: string | null;
};

const UNLINKED_KINDS: readonly string[] = ['run_without_ticket', 'run_without_mr', 'ai_mr_without_ticket', 'billing_line_without_run'];
const isUnlinkedKind = (kind: string | null): kind is UnlinkedKind => kind !== null && UNLINKED_KINDS.includes(kind);

/**
 * One card per risk signal. Record-level signals filter the list by the signal itself (so the
 * Signals select shows it); workspace-level ones show the records of the months concerned, or the
 * unlinked items behind them. A signal with nothing behind it offers no action.
 */
export function signalCards(signals: Signals['signals']): SignalCard[] {
  return signals.map((s) => {
    let action: SignalAction | null = null;
    let actionLabel: string | null = null;
    if (isUnlinkedKind(s.unlinkedKind)) {
      if (s.count > 0) {
        action = { kind: 'unlinked', unlinkedKind: s.unlinkedKind };
        actionLabel = 'Show the unlinked items';
      }
    } else if (isSignalCode(s.code) && s.count > 0) {
      action = { kind: 'signal', code: s.code, label: s.label };
      actionLabel = `Show ${s.count === 1 ? 'the record' : `the ${formatCount(s.count)} records`}`;
    } else if (s.recordIds.length > 0) {
      action = { kind: 'ids', ids: s.recordIds, label: s.label };
      actionLabel = `Show the ${formatCount(s.recordIds.length)} records concerned`;
    }
    return {
      code: s.code,
      label: s.label,
      description: s.description,
      count: s.count,
      countDisplay: formatCount(s.count),
      tone: s.count === 0 ? 'good' : isSignalCode(s.code) ? SIGNAL_TONES[s.code] : 'warn',
      action,
      actionLabel,
    };
  });
}

/** Signals raised first, in main's order; quiet ones after. */
export const orderSignalCards = (cards: readonly SignalCard[]): SignalCard[] => [...cards.filter((c) => c.count > 0), ...cards.filter((c) => c.count === 0)];
