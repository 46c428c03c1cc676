import { z } from 'zod';

/** Run-event types of the vendor billing export (reference §5.3). */
export const RUN_EVENT_TYPES = [
  'ticket_denied',
  'run_blocked',
  'validation_failed',
  'pr_created',
  'pr_updated',
  'retry_publish',
  'continuation_run',
  'model_call_reserved',
  'model_call_settled',
] as const;
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

/**
 * How a vendor prices AI coding work, as data (PRODUCT.md "Run credit events"). One schema covers
 * the shapes users meet: a price per PR/MR outcome after a free allowance, a monthly allowance with
 * an overage rate, a prepaid balance debited by model cost plus fee and margin, and credits per
 * merged PR agreed up front.
 */
export const PlanRulesSchema = z.object({
  name: z.string().trim().min(1).max(80),
  shape: z.enum(['per_outcome', 'prepaid_balance', 'per_merged']).default('per_outcome'),
  currency: z.string().regex(/^[A-Z]{3}$/).default('GBP'),
  /** Credits each event type consumes (per_outcome); absent types consume none. */
  creditsPerEvent: z.record(z.string(), z.number().nonnegative()).default({ pr_created: 1, pr_updated: 1, retry_publish: 1 }),
  /** Credits included before any is charged. */
  freeCredits: z.number().nonnegative().default(50),
  /** Whether the free allowance comes back each calendar month or is used up once. */
  allowanceResets: z.enum(['monthly', 'never']).default('monthly'),
  /** Price of each credit beyond the allowance, in micros of `currency`. */
  pricePerCreditMicros: z.number().int().nonnegative().default(4_000_000),
  /** prepaid_balance: a fixed fee per published review, plus the model cost marked up by marginPercent. */
  feePerReviewMicros: z.number().int().nonnegative().default(0),
  marginPercent: z.number().min(0).max(1000).default(0),
  /** per_merged: credits charged per merged PR/MR. */
  creditsPerMerged: z.number().nonnegative().default(1),
});
export type PlanRules = z.infer<typeof PlanRulesSchema>;

export const planRules = (value: Partial<PlanRules> & { name: string }): PlanRules => PlanRulesSchema.parse(value);

export type PricedEvent = { eventId: string; month: string; credits: number; chargedCredits: number; amountMicros: number };

type EventForPricing = { eventId: string; occurredAt: string; type: string; aiCreditsMicros: number; amountMicros: number };

/**
 * What the plan says each event should cost: credits consumed, how many of them fell beyond the
 * free allowance (in time order), and the money. Events must be in time order and belong to one
 * vendor workspace (an allowance is per workspace). Pure, so the reconciliation and the record
 * cost lines use the same arithmetic.
 */
export function priceEvents(events: readonly EventForPricing[], plan: PlanRules): PricedEvent[] {
  let used = 0;
  let month = '';
  const out: PricedEvent[] = [];
  for (const e of events) {
    const m = e.occurredAt.slice(0, 7);
    if (m !== month && plan.allowanceResets === 'monthly') used = 0;
    month = m;
    if (plan.shape === 'prepaid_balance') {
      const isReview = e.type === 'pr_created';
      const modelCost = e.type === 'model_call_settled' ? e.amountMicros : 0;
      const amount = (isReview ? plan.feePerReviewMicros : 0) + Math.round((modelCost * plan.marginPercent) / 100);
      out.push({ eventId: e.eventId, month: m, credits: isReview ? 1 : 0, chargedCredits: isReview ? 1 : 0, amountMicros: amount });
      continue;
    }
    const credits = plan.shape === 'per_outcome' ? (plan.creditsPerEvent[e.type] ?? 0) : 0;
    const free = Math.max(0, Math.min(credits, plan.freeCredits - used));
    used += credits;
    const charged = credits - free;
    out.push({ eventId: e.eventId, month: m, credits, chargedCredits: charged, amountMicros: Math.round(charged * plan.pricePerCreditMicros) });
  }
  return out;
}

/** Credits for a merged PR/MR under a per_merged plan (charged when the merge happens). */
export const mergedCredits = (plan: PlanRules): number => (plan.shape === 'per_merged' ? plan.creditsPerMerged : 0);
