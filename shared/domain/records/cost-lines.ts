import type { PricedEvent, PlanRules } from '../plans';
import { dayOf, monthOf } from '../time';
import type { HumanHours } from './human-hours';
import type { ProviderShare } from './provider-allocation';
import type { CostLine, RunEventInput } from './types';

type Rates = { loadedHourlyRateMicros: number; ciMinuteRateMicros: Record<string, number>; currency: string; reviewMinutesPerRound: number };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type Acc = CostLine & { n: number };
function accumulate(acc: Map<string, Acc>, key: string, init: () => CostLine, day: string, amount: number, quantity: number): Acc {
  let line = acc.get(key);
  if (!line) acc.set(key, (line = { ...init(), n: 0 }));
  line.amountMicros += amount;
  line.quantity = (line.quantity ?? 0) + quantity;
  line.n += 1;
  if (line.n === 1 || day < line.occurredOn) line.occurredOn = day;
  return line;
}
const strip = (acc: Map<string, Acc>): CostLine[] => [...acc.values()].map(({ n: _n, ...line }) => line);

/**
 * Run credits, one line per month and currency. Billed (measured) from the vendor's export, or, when
 * the workspace prices from the plan, what the plan implies (estimated) after its free allowance.
 */
export function runCreditLines(events: readonly RunEventInput[], from: 'billed' | 'plan', priced: Map<string, PricedEvent>, planOf: (ws: string) => PlanRules | null): CostLine[] {
  const acc = new Map<string, Acc>();
  for (const e of events) {
    if (e.type === 'model_call_reserved' || e.type === 'model_call_settled') continue;
    const plan = planOf(e.workspace);
    const p = priced.get(e.eventId);
    const usePlan = from === 'plan' && plan && p;
    const amount = usePlan ? p.amountMicros : e.amountMicros;
    const credits = usePlan ? p.credits : e.runCreditsMicros / 1e6;
    if (amount === 0 && credits === 0) continue;
    const currency = usePlan ? plan.currency : e.currency;
    const month = monthOf(e.occurredAt);
    const line = accumulate(
      acc,
      `${currency}|${month}`,
      () => ({ kind: 'run_credits', basis: usePlan ? 'estimated' : 'measured', evidence: '', occurredOn: dayOf(e.occurredAt), quantity: 0, unit: 'run credits', amountMicros: 0, currency }),
      dayOf(e.occurredAt),
      amount,
      credits,
    );
    line.evidence = usePlan
      ? `${plural(line.n, 'run event')} priced by plan ${plan.name} (after its free allowance)`
      : `${plural(line.n, 'billed run event')} in the vendor export`;
  }
  return strip(acc);
}

/** Cloud AI credits settled by the vendor (reserved holds are never cost: reference §5.3 rule 3). */
export function aiCreditLines(events: readonly RunEventInput[]): CostLine[] {
  const acc = new Map<string, Acc>();
  for (const e of events) {
    if (e.type !== 'model_call_settled' || (e.amountMicros === 0 && e.aiCreditsMicros === 0)) continue;
    const line = accumulate(
      acc,
      `${e.currency}|${monthOf(e.occurredAt)}`,
      () => ({ kind: 'ai_credits', basis: 'measured', evidence: '', occurredOn: dayOf(e.occurredAt), quantity: 0, unit: 'AI credits', amountMicros: 0, currency: e.currency }),
      dayOf(e.occurredAt),
      e.amountMicros,
      e.aiCreditsMicros / 1e6,
    );
    line.evidence = `${plural(line.n, 'settled model call')} in the vendor export`;
  }
  return strip(acc);
}

/** Provider spend allocated to this record's model calls, one line per month and currency. */
export function providerLines(shares: readonly ProviderShare[]): CostLine[] {
  const acc = new Map<string, Acc>();
  for (const s of shares) {
    const line = accumulate(
      acc,
      `${s.currency}|${monthOf(s.day)}`,
      () => ({ kind: 'provider', basis: 'estimated', evidence: '', occurredOn: s.day, quantity: null, unit: null, amountMicros: 0, currency: s.currency }),
      s.day,
      s.amountMicros,
      0,
    );
    line.quantity = null;
    line.evidence = `share of provider cost lines by tokens of this record's model calls (${plural(line.n, 'allocation')})`;
  }
  return strip(acc);
}

export function ciLines(byRunner: Map<string, number>, day: string, s: Rates): CostLine[] {
  return [...byRunner.entries()]
    .filter(([, minutes]) => minutes > 0)
    .map(([runner, minutes]) => {
      const rate = s.ciMinuteRateMicros[runner] ?? s.ciMinuteRateMicros['unknown'] ?? 0;
      return {
        kind: 'ci',
        basis: 'measured',
        evidence: `${minutes.toFixed(1)} CI minutes on ${runner} runners × configured rate`,
        occurredOn: day,
        quantity: minutes,
        unit: 'CI minutes',
        amountMicros: Math.round(minutes * rate),
        currency: s.currency,
      } satisfies CostLine;
    });
}

/** Human hours by activity at the loaded rate; each line says whether it was logged or estimated. */
export function humanLines(h: HumanHours, rounds: number, day: string, s: Rates): CostLine[] {
  const line = (hours: number, basis: CostLine['basis'], evidence: string): CostLine => ({
    kind: 'human',
    basis,
    evidence,
    occurredOn: day,
    quantity: hours,
    unit: 'hours',
    amountMicros: Math.round(hours * s.loadedHourlyRateMicros),
    currency: s.currency,
  });
  const lines: CostLine[] = [];
  if (h.intake > 0) lines.push(line(h.intake, 'measured', `intake: ${h.intake.toFixed(2)} h logged before the first AI run × loaded rate`));
  if (h.review > 0)
    lines.push(
      h.reviewMeasured
        ? line(h.review, 'measured', `review: ${h.review.toFixed(2)} h logged as review × loaded rate`)
        : line(h.review, 'estimated', `review: ${plural(rounds, 'review round')} × ${s.reviewMinutesPerRound} min × loaded rate`),
    );
  if (h.repair > 0) lines.push(line(h.repair, 'measured', `repair: ${h.repair.toFixed(2)} h logged while the AI work was in progress × loaded rate`));
  if (h.rework > 0)
    lines.push(line(h.rework, 'measured', `rework: ${h.rework.toFixed(2)} h logged after the merge${h.followUpHours > 0 ? ' and on follow-up bugs' : ''} × loaded rate`));
  return lines;
}
