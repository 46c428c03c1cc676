import { formatMoney } from '../../../../shared/domain/money';
import { ASSUMPTIONS, ASSUMPTION_IDS, goalSeek, runDeterministic, type AssumptionId, type GoalTarget, type Scenario } from '../../../../shared/domain/scenario';
import { NO_VALUE } from '../../lib/format';
import { formatAssumptionValue } from './assumption-model';

export type GoalKind = 'break_even' | 'net_saving' | 'cost_per_accepted';
export type GoalQuestion = { assumption: AssumptionId; kind: GoalKind; /** Major units of the scenario currency, for the money targets. */ amount: number | null };

export const GOAL_KINDS: readonly { value: GoalKind; label: string }[] = [
  { value: 'break_even', label: 'the AI path as cheap as the human path (break-even)' },
  { value: 'net_saving', label: 'a net saving over the horizon of…' },
  { value: 'cost_per_accepted', label: 'a cost per accepted PR/MR of…' },
];

/** Acceptance rate and price per PR/MR first: the two questions people ask; then every other assumption. */
export const GOAL_ASSUMPTIONS: readonly AssumptionId[] = ['acceptance_rate', 'price_per_credit', ...ASSUMPTION_IDS.filter((id) => id !== 'acceptance_rate' && id !== 'price_per_credit')];

export function goalTarget(q: GoalQuestion): GoalTarget | null {
  if (q.kind === 'break_even') return 'break_even';
  if (q.amount === null || !Number.isFinite(q.amount)) return null;
  return { metric: q.kind === 'net_saving' ? 'netSavingMicros' : 'costPerAcceptedMicros', value: Math.round(q.amount * 1e6) };
}

export type GoalAnswer = {
  found: boolean;
  /** The assumption's value that reaches the target (engine units: a share as 0..1). */
  value: number | null;
  valueText: string;
  currentText: string;
  /** One sentence that answers the question, or says why there is no answer. */
  sentence: string;
};

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

export function goalQuestionText(q: GoalQuestion, currency: string): string {
  const what = lower(ASSUMPTIONS[q.assumption].label);
  if (q.kind === 'break_even') return `What ${what} makes the AI path as cheap as the human path?`;
  const amount = q.amount === null ? '…' : formatMoney(Math.round(q.amount * 1e6), currency);
  return q.kind === 'net_saving' ? `What ${what} gives a net saving of ${amount} over the horizon?` : `What ${what} gives a cost per accepted PR/MR of ${amount}?`;
}

/**
 * Goal seek on the edited scenario (others at their values) with the engine's bisection. For
 * break-even it also says on which side of the answer the AI path is the cheaper one, read from
 * the net saving at the assumption's current value (the engine's figures are monotone in it).
 */
export function answerGoal(s: Scenario, q: GoalQuestion): GoalAnswer {
  const def = ASSUMPTIONS[q.assumption];
  const f = (v: number) => formatAssumptionValue(def.unit, v, s.currency);
  const current = s.assumptions[q.assumption].value;
  const target = goalTarget(q);
  if (target === null) return { found: false, value: null, valueText: NO_VALUE, currentText: f(current), sentence: 'Enter an amount to seek.' };
  const r = goalSeek(s, { assumption: q.assumption, target });
  if (!r.found || r.value === null) {
    const achieved = r.achieved === null ? '' : ` The nearest it gets is ${formatMoney(r.achieved, s.currency)}.`;
    return { found: false, value: null, valueText: 'Out of reach', currentText: f(current), sentence: `${r.reason ?? 'No value reaches the target.'}${achieved}` };
  }
  const valueText = f(r.value);
  let sentence = `At ${valueText} (now ${f(current)}) the scenario reaches the target.`;
  if (q.kind === 'break_even') {
    const saving = runDeterministic(s).totals.netSavingMicros;
    const cheaperSide = saving === 0 || current === r.value ? null : (saving > 0) === (current > r.value) ? 'above' : 'below';
    sentence =
      cheaperSide === null
        ? `At ${valueText} the AI path costs as much as the human path over the horizon.`
        : `At ${valueText} (now ${f(current)}) the AI path costs as much as the human path over the horizon; ${cheaperSide} it, the AI path is cheaper.`;
  }
  return { found: true, value: r.value, valueText, currentText: f(current), sentence };
}
