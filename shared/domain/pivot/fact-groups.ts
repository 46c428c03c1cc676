import { pushTo } from '../collections';
import type { WorkspaceSettings } from '../settings';
import { monthOf } from '../time';
import { aiCreditLines, providerLines, runCreditLines } from '../records/cost-lines';
import { priceAndReconcile } from '../records/pricing';
import { allocateProviderSpend, type ProviderShare } from '../records/provider-allocation';
import { effectiveEvents } from '../records/runs';
import type { CostLine, RecordInputs, RunEventInput } from '../records/types';

/** Money kinds that come from run events and are therefore split over a record's event groups. */
export type EventMoneyKind = 'run_credits' | 'ai_credits' | 'provider';

/**
 * A group's part of one of its record's cost lines, in the line's own currency: the line is named
 * by kind, currency and the line's date (the date its conversion uses), so conversion can be redone
 * from these parts alone when exchange rates or the workspace currency change.
 */
export type MoneyPart = { kind: EventMoneyKind; currency: string; day: string; amountMicros: number };

/** One fact row's worth of run events: a record's events of one type, provider and model. */
export type EventGroup = {
  eventType: string;
  provider: string | null;
  model: string | null;
  events: number;
  runCreditsUsed: number;
  aiCreditsUsed: number;
  parts: MoneyPart[];
};

type Settings = Pick<WorkspaceSettings, 'plans' | 'planByWorkspace' | 'runCreditCostFrom' | 'linking'>;

const isCreditEvent = (e: RunEventInput) => e.type !== 'model_call_reserved' && e.type !== 'model_call_settled';
const lineKey = (kind: string, l: Pick<CostLine, 'currency' | 'occurredOn'>) => `${kind}|${l.currency}|${monthOf(l.occurredOn)}`;

/**
 * The run events of every record (by ticket key), grouped by event type, provider and model, with
 * the measures that belong to events: event count, run credits used, AI credits used, and each
 * group's part of the record's run-credit, AI-credit and provider cost lines. The cost lines come
 * from the record builder's own functions (records/cost-lines.ts) over the group's events, so a
 * record's groups add up to exactly its event-derived cost lines.
 */
export function eventGroupsByTicket(inputs: Pick<RecordInputs, 'runEvents' | 'providerLines'>, settings: Settings): Map<string, EventGroup[]> {
  const events = effectiveEvents(inputs.runEvents);
  const pricing = priceAndReconcile(events, settings);
  const shares = allocateProviderSpend(events, inputs.providerLines, settings.linking.providerAccountsForRuns).byEvent;
  const byTicket = new Map<string, RunEventInput[]>();
  for (const e of events) if (e.ticketKey) pushTo(byTicket, e.ticketKey, e);

  // Same definition as the record's run_credits_used (records/build.ts): plan credits when pricing
  // from the plan, else the billed credits; the facts test checks the two agree per record.
  const creditsOf = (e: RunEventInput) =>
    settings.runCreditCostFrom === 'plan' ? (pricing.byEvent.get(e.eventId)?.credits ?? 0) : e.runCreditsMicros / 1e6;
  // A group holds one event type, so at most the ledgers of that type apply to it.
  const linesOf = (type: string, list: readonly RunEventInput[]): [EventMoneyKind, CostLine[]][] =>
    isCreditEvent(list[0]!)
      ? [['run_credits', runCreditLines(list, settings.runCreditCostFrom, pricing.byEvent, pricing.planOf)]]
      : type === 'model_call_settled'
        ? [
            ['ai_credits', aiCreditLines(list)],
            ['provider', providerLines(list.flatMap((e): ProviderShare[] => shares.get(e.eventId) ?? []))],
          ]
        : [];

  const out = new Map<string, EventGroup[]>();
  for (const [ticket, list] of byTicket) {
    const groups = new Map<string, RunEventInput[]>();
    for (const e of list) pushTo(groups, `${e.type}\u0000${e.provider ?? '\u0001'}\u0000${e.model ?? '\u0001'}`, e);
    const built: { group: EventGroup; lines: [EventMoneyKind, CostLine[]][] }[] = [];
    // A record's cost line is dated by its earliest event: the earliest of its groups' lines of the same key.
    const lineDay = new Map<string, string>();
    for (const key of [...groups.keys()].sort()) {
      const groupEvents = groups.get(key)!;
      const first = groupEvents[0]!;
      const lines = linesOf(first.type, groupEvents);
      for (const [kind, kindLines] of lines) {
        for (const l of kindLines) {
          const k = lineKey(kind, l);
          const day = lineDay.get(k);
          if (day === undefined || l.occurredOn < day) lineDay.set(k, l.occurredOn);
        }
      }
      built.push({
        group: {
          eventType: first.type,
          provider: first.provider,
          model: first.model,
          events: groupEvents.length,
          runCreditsUsed: groupEvents.reduce((n, e) => n + (isCreditEvent(e) ? creditsOf(e) : 0), 0),
          aiCreditsUsed: groupEvents.reduce((n, e) => n + (e.type === 'model_call_settled' ? e.aiCreditsMicros / 1e6 : 0), 0),
          parts: [],
        },
        lines,
      });
    }
    for (const { group, lines } of built) {
      for (const [kind, kindLines] of lines) {
        for (const l of kindLines) group.parts.push({ kind, currency: l.currency, day: lineDay.get(lineKey(kind, l))!, amountMicros: l.amountMicros });
      }
    }
    out.set(ticket, built.map((b) => b.group));
  }
  return out;
}

export type ConvertedGroupMoney = Record<`cost_${EventMoneyKind}`, number>;

/**
 * Converts a record's event groups' money into the workspace currency the way its cost lines are
 * converted (one conversion per line, at the line's date), then splits each converted line over
 * the groups in proportion to their raw parts, by cumulative rounding so the parts add up to the
 * converted line exactly. Lines without a rate give 0, as they are left out of the record.
 */
export function convertGroupMoney(
  groups: readonly { parts: readonly MoneyPart[] }[],
  convert: (micros: number, currency: string, day: string) => number | null,
): ConvertedGroupMoney[] {
  const out = groups.map((): ConvertedGroupMoney => ({ cost_run_credits: 0, cost_ai_credits: 0, cost_provider: 0 }));
  const lines = new Map<string, { kind: EventMoneyKind; currency: string; day: string; parts: { group: number; amount: number }[] }>();
  groups.forEach((g, group) => {
    for (const p of g.parts) {
      const key = `${p.kind}|${p.currency}|${p.day}`;
      let line = lines.get(key);
      if (!line) lines.set(key, (line = { kind: p.kind, currency: p.currency, day: p.day, parts: [] }));
      line.parts.push({ group, amount: p.amountMicros });
    }
  });
  for (const line of lines.values()) {
    const total = line.parts.reduce((n, p) => n + p.amount, 0);
    const converted = convert(total, line.currency, line.day);
    if (converted === null || total === 0) continue;
    let cumulative = 0;
    let given = 0;
    line.parts.forEach((p, i) => {
      cumulative += p.amount;
      // The last part takes the exact remainder: no float rounding can make the parts miss the line.
      const upTo = i === line.parts.length - 1 ? converted : Math.round((converted * cumulative) / total);
      out[p.group]![`cost_${line.kind}`] += upTo - given;
      given = upTo;
    });
  }
  return out;
}
