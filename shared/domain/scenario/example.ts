import { PlanRulesSchema } from '../plans';
import { ASSUMPTION_IDS, ASSUMPTIONS, type Assumption, type AssumptionValues, type Scenario, type Team } from './schema';

/**
 * A hand-built scenario with round numbers, for tests, benchmarks and the hand-worked examples:
 * 100 eligible items a month, 10% denied, none blocked, one repair run per worked item, a quarter of
 * runs failing validation, 80% accepted, 10% of merges rolled back, GBP 4 per credit after 50 free.
 */
export const EXAMPLE_VALUES: AssumptionValues = {
  monthly_volume: 100,
  monthly_growth: 0,
  ai_share: 1,
  denied_rate: 0.1,
  blocked_rate: 0,
  validation_failed_rate: 0.25,
  pr_created_rate: 1,
  acceptance_rate: 0.8,
  rollback_rate: 0.1,
  repair_attempts_per_item: 1,
  repair_budget: 100,
  price_per_credit: 4,
  free_credits: 50,
  ai_credits_per_run: 3,
  ai_credit_cost_per_run: 2,
  provider_cost_per_run: 1,
  ci_minutes_per_run: 10,
  ci_price_per_minute: 0.01,
  intake_hours_per_item: 0.5,
  review_hours_per_pr: 1,
  repair_hours_per_item: 0.5,
  rework_hours_per_merged: 1,
  baseline_hours_per_item: 10,
  loaded_hourly_rate: 100,
  productive_hours_per_fte: 130,
};

const point = (value: number): Assumption => ({ value, evidence: { records: 0, from: null, to: null, note: 'example' }, source: 'override' });

export function exampleScenario(values: Partial<AssumptionValues> = {}, extra: Partial<Scenario> = {}): Scenario {
  const v = { ...EXAMPLE_VALUES, ...values };
  return {
    name: 'Example',
    currency: 'GBP',
    pilot: null,
    startMonth: '2026-10',
    horizonMonths: 12,
    plan: PlanRulesSchema.parse({ name: 'Cloud', currency: 'GBP' }),
    assumptions: Object.fromEntries(ASSUMPTION_IDS.map((id) => [id, point(v[id])])) as Scenario['assumptions'],
    teams: [],
    capacity: { routedShare: 0.3, runCreditBudgetPerMonth: null, aiCreditBudgetPerMonth: null },
    calibration: null,
    ...extra,
  };
}

/** The example with a low/likely/high range of ±`spread` (relative) on every assumption that can move. */
export function withRanges(s: Scenario, spread = 0.2): Scenario {
  const assumptions = { ...s.assumptions };
  for (const id of ASSUMPTION_IDS) {
    const a = assumptions[id];
    if (id === 'repair_budget' || a.value === 0) continue;
    assumptions[id] = { ...a, low: Math.max(ASSUMPTIONS[id].min, a.value * (1 - spread)), likely: a.value, high: Math.min(ASSUMPTIONS[id].max, a.value * (1 + spread)) };
  }
  return { ...s, assumptions };
}

export function exampleTeam(name: string, values: Partial<Record<keyof Team['assumptions'], number>> = {}): Team {
  const v = { headcount: 10, leave_share: 0.1, intake_per_month: 60, backlog_items: 120, hours_per_item: 12, eligible_share: 0.5, ...values };
  return { name, assumptions: Object.fromEntries(Object.entries(v).map(([k, n]) => [k, point(n)])) as Team['assumptions'] };
}
