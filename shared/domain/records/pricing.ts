import { pushTo } from '../collections';
import { priceEvents, type PlanRules, type PricedEvent } from '../plans';
import type { ReconciliationRow, RunEventInput } from './types';

type PlanSettings = { plans: PlanRules[]; planByWorkspace: Record<string, string> };

export type Pricing = {
  /** What the plan implies for each event, where the event's workspace has a plan. */
  byEvent: Map<string, PricedEvent>;
  planOf: (workspace: string) => PlanRules | null;
  /** Events whose billed run credits differ from the plan's. */
  mismatched: Set<string>;
  reconciliation: ReconciliationRow[];
};

const CREDIT_EVENT = (e: RunEventInput) => e.type !== 'model_call_reserved' && e.type !== 'model_call_settled';

/**
 * Prices every run event under its workspace's plan and reconciles, per month and workspace, the
 * run credits the vendor billed with those the plan implies. Events must be effective (superseded
 * rows removed) and in time order.
 */
export function priceAndReconcile(events: readonly RunEventInput[], settings: PlanSettings): Pricing {
  const plans = new Map(settings.plans.map((p) => [p.name, p]));
  const planOf = (workspace: string) => plans.get(settings.planByWorkspace[workspace] ?? '') ?? null;
  const byWorkspace = new Map<string, RunEventInput[]>();
  for (const e of events) if (CREDIT_EVENT(e)) pushTo(byWorkspace, e.workspace, e);

  const byEvent = new Map<string, PricedEvent>();
  const mismatched = new Set<string>();
  const rows = new Map<string, ReconciliationRow>();
  for (const [workspace, list] of byWorkspace) {
    const plan = planOf(workspace);
    const priced = plan ? priceEvents(list, plan) : [];
    priced.forEach((p) => byEvent.set(p.eventId, p));
    list.forEach((e, i) => {
      const implied = priced[i];
      const month = e.occurredAt.slice(0, 7);
      const key = `${month}|${workspace}|${e.currency}`;
      let row = rows.get(key);
      if (!row) {
        row = { month, workspace, plan: plan?.name ?? null, currency: plan?.currency ?? e.currency, billedCredits: 0, impliedCredits: 0, billedMicros: 0, impliedMicros: 0, mismatchedEvents: 0 };
        rows.set(key, row);
      }
      const billed = e.runCreditsMicros / 1e6;
      row.billedCredits += billed;
      row.billedMicros += e.amountMicros;
      if (implied) {
        row.impliedCredits += implied.credits;
        row.impliedMicros += implied.amountMicros;
        if (Math.abs(implied.credits - billed) > 1e-9 || (plan?.currency === e.currency && implied.amountMicros !== e.amountMicros)) {
          row.mismatchedEvents += 1;
          mismatched.add(e.eventId);
        }
      }
    });
  }
  const reconciliation = [...rows.values()].sort((a, b) => a.month.localeCompare(b.month) || a.workspace.localeCompare(b.workspace));
  return { byEvent, planOf, mismatched, reconciliation };
}
