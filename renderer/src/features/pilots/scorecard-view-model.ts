import type { z } from 'zod';
import { METRICS, type MetricId } from '../../../../shared/domain/metrics';
import { HEADLINE_METRICS, PILOT_DECISION_LABELS, type PilotDecisions } from '../../../../shared/domain/pilots';
import type { PilotScorecardSchema } from '../../../../shared/ipc/contract-records';
import { formatCount, formatMetric } from '../../lib/format';
import { monthFiguresRows, type MonthFigures, type MonthFiguresRow } from '../../lib/month-figures';
import { DECISION_KEYS } from './pilot-form-model';

// formatMetric comes from the shared chart formats (the PDF report shows the same figures the same way).
export { formatMetric } from '../../lib/format';

export type Scorecard = z.infer<typeof PilotScorecardSchema>;

export type HeadlineFigure = { id: MetricId; label: string; value: number | null; display: string; note: string | null };

/** Why a ratio shows "—": its denominator is zero in this pilot. */
const MISSING_NOTES: Partial<Record<MetricId, string>> = {
  cost_per_accepted: 'Nothing accepted yet, so the cost has nothing to be divided by.',
  acceptance_rate: 'No MR reached review.',
  first_pass_validation_rate: 'No run reached validation.',
  repair_attempts_per_accepted: 'Nothing accepted yet.',
  rollback_rate: 'Nothing merged yet.',
  fte_freed: 'Productive hours per FTE are not set, or the pilot has no months of data.',
};

export function headlineFigures(card: Scorecard): HeadlineFigure[] {
  return HEADLINE_METRICS.map((id) => {
    const def = METRICS[id];
    const value = card.metrics[id] ?? null;
    return { id, label: def.label, value, display: formatMetric(def.format, value, card.currency), note: value === null ? (MISSING_NOTES[id] ?? null) : null };
  });
}

export type SignalRow = { code: string; label: string; description: string; count: number };

/**
 * Every risk signal with its count, "changes outside the pilot's repositories" among them; those
 * that fired first (most records first), then the quiet ones.
 */
export function signalRows(card: Scorecard): SignalRow[] {
  const outside = { code: 'outside_repositories', label: 'Changes outside the pilot’s repositories', description: outsideLine(card), count: card.outsideRepositories.length };
  return [outside, ...card.signals.map((s) => ({ code: s.code, label: s.label, description: s.description, count: s.count }))].sort(
    (a, b) => Number(b.count > 0) - Number(a.count > 0) || b.count - a.count || a.label.localeCompare(b.label),
  );
}

export type DecisionItem = { key: keyof PilotDecisions; term: string; value: string };

/** The rollout decisions as written down; unanswered ones say so rather than disappear. */
export function decisionItems(decisions: PilotDecisions): DecisionItem[] {
  return DECISION_KEYS.map((key) => {
    const raw = decisions[key];
    const value = key === 'repairBudget' ? (raw === null ? 'Not decided yet' : `${String(raw)} runs`) : typeof raw === 'string' && raw.trim() !== '' ? raw : 'Not decided yet';
    return { key, term: PILOT_DECISION_LABELS[key], value };
  });
}

/** The monthly chart's data: accepted count and cost per accepted, from each month's own sums. */
export function monthPoints(card: Scorecard): MonthFigures[] {
  return card.monthly.map((m) => ({
    month: m.month,
    accepted: m.metrics.accepted ?? m.sums.accepted,
    costPerAcceptedMicros: m.metrics.cost_per_accepted ?? null,
    aiPathCostMicros: m.metrics.ai_path_cost ?? 0,
  }));
}

export function monthRows(card: Scorecard): MonthFiguresRow[] {
  return monthFiguresRows(monthPoints(card), card.currency);
}

/** "12 records in the pilot's scope" / "No records in scope yet". */
export function recordsLine(card: Scorecard): string {
  if (card.records === 0) return 'No records fall in this pilot’s scope yet. Widen the scope, or sync the projects it names.';
  return `${formatCount(card.records)} ${card.records === 1 ? 'record' : 'records'} in the pilot’s scope`;
}

/** The risk signal PRODUCT.md names "changes outside the pilot's repositories". */
export function outsideLine(card: Scorecard): string {
  const n = card.outsideRepositories.length;
  if (card.pilot.scope.repositories.length === 0) return 'The pilot names no repositories, so no change can fall outside them.';
  if (n === 0) return 'Every change of the pilot’s projects, teams and dates landed in its repositories.';
  return `${formatCount(n)} ${n === 1 ? 'record' : 'records'} of the pilot’s projects, teams and dates changed code outside its repositories.`;
}
