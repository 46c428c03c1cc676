import { mergedCredits, priceEvents, type PlanRules } from '../plans';

/** What one month of the AI path asks of the plan, in expected (fractional) event counts. */
export type PlanDemand = {
  deniedTickets: number;
  blockedRuns: number;
  failedValidations: number;
  prCreated: number;
  /** Repair runs that published again (priced as pr_updated; retry publishes cost the same by default). */
  prUpdated: number;
  repairRuns: number;
  merged: number;
  /** Model cost of the month (cloud AI credits and provider spend), for a prepaid balance's margin. */
  modelCostMicros: number;
};

type SyntheticEvent = { eventId: string; occurredAt: string; type: string; aiCreditsMicros: number; amountMicros: number };

/**
 * Prices a horizon of monthly demand under a plan with the plan's own arithmetic (priceEvents in
 * shared/domain/plans.ts), not a copy of it: each month becomes one synthetic event carrying that
 * month's credits, so the free allowance, its monthly or one-off reset, the charged credits and the
 * price are exactly what the record builder and the reconciliation use. Built once per plan and
 * horizon and reused across Monte Carlo draws (the events are allocated once).
 */
export function planPricer(plan: PlanRules, months: readonly string[]) {
  const monthEvents: SyntheticEvent[] = months.map((m, i) => ({ eventId: `m${i}`, occurredAt: `${m}-01T00:00:00.000Z`, type: `m${i}`, aiCreditsMicros: 0, amountMicros: 0 }));
  // prepaid_balance: one review prices the fee, then one settled model call per month prices the margin.
  const prepaidEvents: SyntheticEvent[] = [
    { eventId: 'review', occurredAt: `${months[0] ?? '1970-01'}-01T00:00:00.000Z`, type: 'pr_created', aiCreditsMicros: 0, amountMicros: 0 },
    ...months.map((m, i) => ({ eventId: `model${i}`, occurredAt: `${m}-01T00:00:00.000Z`, type: 'model_call_settled', aiCreditsMicros: 0, amountMicros: 0 })),
  ];
  const perMonthCredits: Record<string, number> = Object.fromEntries(monthEvents.map((e) => [e.type, 0]));
  const cpe = (type: string) => plan.creditsPerEvent[type] ?? 0;
  const weights = {
    denied: cpe('ticket_denied'),
    blocked: cpe('run_blocked'),
    failed: cpe('validation_failed'),
    created: cpe('pr_created'),
    updated: cpe('pr_updated'),
    continuation: cpe('continuation_run'),
  };
  const perMerged = mergedCredits(plan);

  /**
   * Credits consumed and money (micros) per month. `pricePerCredit` is in major units: the price per
   * credit beyond the allowance, or the fee per review on a prepaid balance.
   */
  return function price(demand: readonly PlanDemand[], pricePerCredit: number, freeCredits: number, credits: Float64Array, amountMicros: Float64Array): void {
    const priceMicros = pricePerCredit * 1e6;
    if (plan.shape === 'per_merged') {
      // Charged per merge as agreed up front; no allowance (as the record builder's merged-credit lines).
      demand.forEach((d, i) => {
        credits[i] = d.merged * perMerged;
        amountMicros[i] = Math.round(d.merged * perMerged * priceMicros);
      });
      return;
    }
    if (plan.shape === 'prepaid_balance') {
      demand.forEach((d, i) => (prepaidEvents[i + 1]!.amountMicros = d.modelCostMicros));
      const priced = priceEvents(prepaidEvents, { ...plan, feePerReviewMicros: priceMicros });
      const fee = priced[0]!.amountMicros;
      demand.forEach((d, i) => {
        credits[i] = d.prCreated;
        amountMicros[i] = d.prCreated * fee + priced[i + 1]!.amountMicros;
      });
      return;
    }
    for (let i = 0; i < demand.length; i++) {
      const d = demand[i]!;
      perMonthCredits[monthEvents[i]!.type] =
        d.deniedTickets * weights.denied +
        d.blockedRuns * weights.blocked +
        d.failedValidations * weights.failed +
        d.prCreated * weights.created +
        d.prUpdated * weights.updated +
        d.repairRuns * weights.continuation;
    }
    const priced = priceEvents(demand.length === monthEvents.length ? monthEvents : monthEvents.slice(0, demand.length), { ...plan, creditsPerEvent: perMonthCredits, freeCredits, pricePerCreditMicros: priceMicros });
    for (let i = 0; i < priced.length; i++) {
      credits[i] = priced[i]!.credits;
      amountMicros[i] = priced[i]!.amountMicros;
    }
  };
}

export type PlanPrice = ReturnType<typeof planPricer>;
