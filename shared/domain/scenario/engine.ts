import { addSums, emptySums, metricValue, type MeasureSums } from '../metrics';
import { planPricer, type PlanDemand } from './plan-cost';
import { ASSUMPTION_IDS, type AssumptionValues, type DeterministicResult, type PeriodResult, type Scenario, type TotalsResult } from './schema';

/** "2026-10" plus `n` months. */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const horizonMonths = (start: string, horizon: number): string[] => Array.from({ length: horizon }, (_, i) => addMonths(start, i));

/** The point each assumption takes: its value (deterministic run) or its likely value (Monte Carlo's mode, tornado's base). */
export function assumptionValues(s: Pick<Scenario, 'assumptions'>, pick: 'value' | 'likely' = 'value'): AssumptionValues {
  const out = {} as AssumptionValues;
  for (const id of ASSUMPTION_IDS) {
    const a = s.assumptions[id];
    out[id] = pick === 'likely' ? (a.likely ?? a.value) : a.value;
  }
  return out;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Repair runs per item under a budget. Repair attempts are taken as geometric with the given
 * mean (P(X ≥ k) = q^k, q = mean / (1 + mean)), so a budget B cuts the tail: the runs taken are
 * E[min(X, B)] = q(1 − q^B)/(1 − q), and the share of items stopped at the budget is P(X > B) = q^(B+1).
 * A budget of 100 (the settings' maximum) leaves any realistic mean untouched.
 */
export function repairsWithinBudget(mean: number, budget: number): { runs: number; stopped: number } {
  if (mean <= 0) return { runs: 0, stopped: 0 };
  const b = Math.max(0, Math.floor(budget));
  const q = mean / (1 + mean);
  const qb = q ** b;
  return { runs: (q * (1 - qb)) / (1 - q), stopped: qb * q };
}

/**
 * One month of the AI path for `eligible` items: the funnel of PRODUCT.md as expected counts,
 * written into `sums` in the shape of the records' additive measures (so every metric is read
 * with metricValue, exactly as for real records), and the month's demand on the plan. Measures
 * the scenario does not model (review rounds, follow-up bugs) stay 0; run-credit cost and credits
 * are filled in after pricing the whole horizon (a free allowance may carry across months).
 */
function workMonth(p: AssumptionValues, repairs: { runs: number; stopped: number }, eligible: number, sums: MeasureSums, demand: PlanDemand): void {
  const routed = eligible * clamp01(p.ai_share);
  const denied = routed * clamp01(p.denied_rate);
  const executed = routed - denied;
  const blocked = executed * clamp01(p.blocked_rate);
  const worked = executed - blocked;
  const repairRuns = worked * repairs.runs;
  const runs = executed + repairRuns;
  const pastBlock = runs - blocked;
  const published = pastBlock * (1 - clamp01(p.validation_failed_rate));
  const reviewed = worked * clamp01(p.pr_created_rate);
  const accepted = reviewed * clamp01(p.acceptance_rate) * (1 - repairs.stopped);
  const merged = Math.min(reviewed, accepted / (1 - Math.min(p.rollback_rate, 0.99)));
  const intake = routed * p.intake_hours_per_item;
  const review = reviewed * p.review_hours_per_pr;
  const repair = worked * p.repair_hours_per_item;
  const rework = merged * p.rework_hours_per_merged;
  const human = intake + review + repair + rework;
  const ciMinutes = runs * p.ci_minutes_per_run;

  sums.records = routed;
  sums.accepted = accepted;
  sums.mrs_opened = reviewed;
  sums.mrs_reached_review = reviewed;
  sums.mrs_merged = merged;
  sums.mrs_rolled_back = merged - accepted;
  sums.runs = runs;
  sums.runs_reached_validation = pastBlock;
  sums.runs_first_pass = published;
  sums.repair_runs = repairRuns;
  sums.review_rounds = 0;
  sums.review_hours = review;
  sums.intake_hours = intake;
  sums.repair_hours = repair;
  sums.rework_hours = rework;
  sums.human_hours = human;
  sums.baseline_hours = accepted * p.baseline_hours_per_item;
  sums.ci_minutes = ciMinutes;
  sums.tickets_denied = denied;
  sums.runs_blocked = blocked;
  sums.runs_validation_failed = pastBlock - published;
  sums.run_credits_used = 0;
  sums.ai_credits_used = runs * p.ai_credits_per_run;
  sums.follow_up_bugs = 0;
  sums.cost_run_credits = 0;
  sums.cost_ai_credits = runs * p.ai_credit_cost_per_run * 1e6;
  sums.cost_provider = runs * p.provider_cost_per_run * 1e6;
  sums.cost_ci = ciMinutes * p.ci_price_per_minute * 1e6;
  sums.cost_human = human * p.loaded_hourly_rate * 1e6;

  demand.deniedTickets = denied;
  demand.blockedRuns = blocked;
  demand.failedValidations = pastBlock - published;
  demand.prCreated = reviewed;
  demand.prUpdated = Math.max(0, published - reviewed);
  demand.repairRuns = repairRuns;
  demand.merged = merged;
  demand.modelCostMicros = sums.cost_ai_credits + sums.cost_provider;
}

/**
 * A reusable simulation of one scenario's horizon: the months, the plan's pricer and the per-month
 * buffers are made once, so Monte Carlo, the tornado and goal seek can run thousands of times
 * without allocating per month. `run(values)` fills `sums` (and `eligible`) for every month.
 */
export function createSimulator(scenario: Pick<Scenario, 'plan' | 'startMonth'>, horizon: number) {
  const months = horizonMonths(scenario.startMonth, horizon);
  const price = planPricer(scenario.plan, months);
  const sums = months.map(() => zeroSums());
  const demand: PlanDemand[] = months.map(() => ({ deniedTickets: 0, blockedRuns: 0, failedValidations: 0, prCreated: 0, prUpdated: 0, repairRuns: 0, merged: 0, modelCostMicros: 0 }));
  const eligible = new Float64Array(horizon);
  const credits = new Float64Array(horizon);
  const amounts = new Float64Array(horizon);
  return {
    months,
    sums,
    eligible,
    run(p: AssumptionValues): void {
      const growth = 1 + p.monthly_growth;
      let volume = p.monthly_volume;
      const repairs = repairsWithinBudget(p.repair_attempts_per_item, p.repair_budget);
      for (let i = 0; i < horizon; i++) {
        eligible[i] = volume;
        workMonth(p, repairs, volume, sums[i]!, demand[i]!);
        volume *= growth;
      }
      price(demand, p.price_per_credit, p.free_credits, credits, amounts);
      for (let i = 0; i < horizon; i++) {
        sums[i]!.run_credits_used = credits[i]!;
        sums[i]!.cost_run_credits = amounts[i]!;
      }
    },
  };
}
export type Simulator = ReturnType<typeof createSimulator>;

export type Figures = Omit<PeriodResult, 'month' | 'index' | 'sums' | 'cumulative' | 'breakEven'>;
type Core = Figures;

/** The headline figures of a slice (a month or the horizon) from its sums, by the metric definitions. */
export const figuresOf = (sums: MeasureSums, eligible: number, p: AssumptionValues, months: number): Core => figuresInto(emptyFigures(), sums, eligible, p, months);

export const emptyFigures = (): Core => ({
  eligible: 0,
  routed: 0,
  accepted: 0,
  aiPathCostMicros: 0,
  humanPathCostMicros: 0,
  fallbackCostMicros: 0,
  scenarioCostMicros: 0,
  netSavingMicros: 0,
  costPerAcceptedMicros: null,
  humanCostPerItemMicros: 0,
  acceptanceRate: null,
  hoursFreed: 0,
  fteFreed: null,
  runCredits: 0,
  aiCredits: 0,
});

// One parameter object for every metric call (Monte Carlo makes hundreds of thousands); metricValue keeps no reference.
const metricParams = { productiveHoursPerFtePerMonth: 0, months: 0 };

/**
 * figuresOf into an existing object (Monte Carlo reuses one instead of allocating 360,000), and
 * without the acceptance rate when `acceptance` is false (it has no band; a metric call saved per month).
 */
export function figuresInto(out: Core, sums: MeasureSums, eligible: number, p: AssumptionValues, months: number, acceptance = true): Core {
  const params = metricParams;
  params.productiveHoursPerFtePerMonth = p.productive_hours_per_fte;
  params.months = months;
  const aiPathCost = metricValue('ai_path_cost', sums, params) ?? 0;
  const humanCostPerItem = p.baseline_hours_per_item * p.loaded_hourly_rate * 1e6;
  const fallback = (eligible - sums.accepted) * humanCostPerItem;
  out.eligible = eligible;
  out.routed = sums.records;
  out.accepted = sums.accepted;
  out.aiPathCostMicros = aiPathCost;
  out.humanPathCostMicros = eligible * humanCostPerItem;
  out.fallbackCostMicros = fallback;
  out.scenarioCostMicros = aiPathCost + fallback;
  out.netSavingMicros = out.humanPathCostMicros - aiPathCost - fallback;
  out.costPerAcceptedMicros = metricValue('cost_per_accepted', sums, params);
  out.humanCostPerItemMicros = humanCostPerItem;
  out.acceptanceRate = acceptance ? metricValue('acceptance_rate', sums, params) : null;
  out.hoursFreed = metricValue('hours_freed', sums, params) ?? 0;
  out.fteFreed = metricValue('fte_freed', sums, params);
  out.runCredits = sums.run_credits_used;
  out.aiCredits = sums.ai_credits_used;
  return out;
}

/** Largest acceptance rate the funnel can honour: merged PR/MRs cannot outnumber those reviewed. */
const maxAcceptance = (p: AssumptionValues) => Math.min(1, (1 - Math.min(p.rollback_rate, 0.99)) / (1 - repairsWithinBudget(p.repair_attempts_per_item, p.repair_budget).stopped));

/**
 * Break-even by two evaluations: AI-path cost is affine in the acceptance rate (up to the largest
 * rate the funnel can honour) and in the price per credit (charged credits do not depend on the
 * price), so two points give the line exactly and the break-even is where it meets
 * human cost per item × accepted. Null when the AI path cannot reach it in range.
 */
function breakEvens(x: {
  /** Cost and accepted at the reference acceptance rate, and cost with nothing accepted. */
  acceptance: { rate: number; cost: number; accepted: number; costAtZero: number; max: number };
  /** Cost at the reference price, and with every credit free; accepted at the scenario's values. */
  price: { price: number; cost: number; costAtZero: number; accepted: number };
  humanCostPerItem: number;
}): { acceptanceRate: number | null; pricePerCredit: number | null } {
  const { acceptance: a, price: p, humanCostPerItem } = x;
  let acceptanceRate: number | null = null;
  if (a.rate > 0) {
    const costSlope = (a.cost - a.costAtZero) / a.rate;
    const denominator = (humanCostPerItem * a.accepted) / a.rate - costSlope;
    if (denominator > 0) {
      const rate = a.costAtZero / denominator;
      if (rate >= 0 && rate <= a.max + 1e-12) acceptanceRate = Math.min(rate, a.max);
    }
  }
  let pricePerCredit: number | null = null;
  if (p.price > 0) {
    const costSlope = (p.cost - p.costAtZero) / p.price;
    if (costSlope > 0) {
      const price = (humanCostPerItem * p.accepted - p.costAtZero) / costSlope;
      if (price >= 0) pricePerCredit = price;
    }
  }
  return { acceptanceRate, pricePerCredit };
}

const aiCost = (s: MeasureSums) => metricValue('ai_path_cost', s, { productiveHoursPerFtePerMonth: 1, months: 1 }) ?? 0;

/**
 * The scenario month by month over `horizon` months, with totals, cumulative figures and the
 * break-even acceptance rate and price per credit. Deterministic: every assumption at its value.
 */
export function runDeterministic(scenario: Scenario, horizon: number = scenario.horizonMonths): DeterministicResult {
  const p = assumptionValues(scenario, 'value');
  const sim = createSimulator(scenario, horizon);
  sim.run(p);
  const base = sim.sums.map((s) => ({ ...s }));
  const eligible = [...sim.eligible];

  // The same horizon with nothing accepted, and at a reference acceptance rate when the value is 0.
  const aMax = maxAcceptance(p);
  const acceptanceRef = p.acceptance_rate > 0 ? Math.min(p.acceptance_rate, aMax) : aMax;
  const atRef = p.acceptance_rate > 0 && p.acceptance_rate <= aMax ? base : runAt(sim, { ...p, acceptance_rate: acceptanceRef });
  const zeroA = runAt(sim, { ...p, acceptance_rate: 0 });
  const priceRef = p.price_per_credit > 0 ? p.price_per_credit : 1;
  const atPrice = p.price_per_credit > 0 ? base : runAt(sim, { ...p, price_per_credit: priceRef });
  const zeroP = runAt(sim, { ...p, price_per_credit: 0 });
  const humanCostPerItem = p.baseline_hours_per_item * p.loaded_hourly_rate * 1e6;
  const breakEvenOf = (idx: number[]) => {
    const sum = (list: MeasureSums[], f: (s: MeasureSums) => number) => idx.reduce((n, i) => n + f(list[i]!), 0);
    return breakEvens({
      acceptance: { rate: acceptanceRef, cost: sum(atRef, aiCost), accepted: sum(atRef, (s) => s.accepted), costAtZero: sum(zeroA, aiCost), max: aMax },
      price: { price: priceRef, cost: sum(atPrice, aiCost), costAtZero: sum(zeroP, aiCost), accepted: sum(base, (s) => s.accepted) },
      humanCostPerItem,
    });
  };

  const cumulative = { aiPathCostMicros: 0, humanPathCostMicros: 0, scenarioCostMicros: 0, netSavingMicros: 0, hoursFreed: 0 };
  const periods: PeriodResult[] = base.map((sums, i) => {
    const f = figuresOf(sums, eligible[i]!, p, 1);
    cumulative.aiPathCostMicros += f.aiPathCostMicros;
    cumulative.humanPathCostMicros += f.humanPathCostMicros;
    cumulative.scenarioCostMicros += f.scenarioCostMicros;
    cumulative.netSavingMicros += f.netSavingMicros;
    cumulative.hoursFreed += f.hoursFreed;
    return { month: sim.months[i]!, index: i, ...f, breakEven: breakEvenOf([i]), sums, cumulative: { ...cumulative } };
  });
  const totalSums = base.reduce((acc, s) => addSums(acc, s), emptySums());
  const totalEligible = eligible.reduce((a, b) => a + b, 0);
  const totals: TotalsResult = { months: horizon, ...figuresOf(totalSums, totalEligible, p, horizon), breakEven: breakEvenOf(base.map((_, i) => i)), sums: totalSums };
  return { periods, totals };
}

function runAt(sim: Simulator, p: AssumptionValues): MeasureSums[] {
  sim.run(p);
  return sim.sums.map((s) => ({ ...s }));
}

/**
 * Zero sums as an object literal: one hidden class the hot loops stay monomorphic on (emptySums
 * builds its object from the measure list, which V8 keeps as a slower dictionary). The type makes
 * a missing or extra measure a compile error.
 */
export const zeroSums = (): MeasureSums => ({
  records: 0,
  accepted: 0,
  mrs_opened: 0,
  mrs_reached_review: 0,
  mrs_merged: 0,
  mrs_rolled_back: 0,
  runs: 0,
  runs_reached_validation: 0,
  runs_first_pass: 0,
  repair_runs: 0,
  review_rounds: 0,
  review_hours: 0,
  intake_hours: 0,
  repair_hours: 0,
  rework_hours: 0,
  human_hours: 0,
  baseline_hours: 0,
  ci_minutes: 0,
  tickets_denied: 0,
  runs_blocked: 0,
  runs_validation_failed: 0,
  run_credits_used: 0,
  ai_credits_used: 0,
  follow_up_bugs: 0,
  cost_run_credits: 0,
  cost_ai_credits: 0,
  cost_provider: 0,
  cost_ci: 0,
  cost_human: 0,
});

/**
 * Adds b into a, measure by measure, written out: Monte Carlo adds 36 months × 10,000 draws, and a
 * loop over measure names (megamorphic keyed access) cost several times the simulation itself.
 * A test checks it against addSums, which loops over ADDITIVE_MEASURES.
 */
export function addInto(a: MeasureSums, b: MeasureSums): void {
  a.records += b.records;
  a.accepted += b.accepted;
  a.mrs_opened += b.mrs_opened;
  a.mrs_reached_review += b.mrs_reached_review;
  a.mrs_merged += b.mrs_merged;
  a.mrs_rolled_back += b.mrs_rolled_back;
  a.runs += b.runs;
  a.runs_reached_validation += b.runs_reached_validation;
  a.runs_first_pass += b.runs_first_pass;
  a.repair_runs += b.repair_runs;
  a.review_rounds += b.review_rounds;
  a.review_hours += b.review_hours;
  a.intake_hours += b.intake_hours;
  a.repair_hours += b.repair_hours;
  a.rework_hours += b.rework_hours;
  a.human_hours += b.human_hours;
  a.baseline_hours += b.baseline_hours;
  a.ci_minutes += b.ci_minutes;
  a.tickets_denied += b.tickets_denied;
  a.runs_blocked += b.runs_blocked;
  a.runs_validation_failed += b.runs_validation_failed;
  a.run_credits_used += b.run_credits_used;
  a.ai_credits_used += b.ai_credits_used;
  a.follow_up_bugs += b.follow_up_bugs;
  a.cost_run_credits += b.cost_run_credits;
  a.cost_ai_credits += b.cost_ai_credits;
  a.cost_provider += b.cost_provider;
  a.cost_ci += b.cost_ci;
  a.cost_human += b.cost_human;
}

/** Horizon totals of one simulated run (no break-even): what the tornado and goal seek compare. */
export function totalsOf(sim: Simulator, p: AssumptionValues): Core {
  sim.run(p);
  let eligible = 0;
  const total = zeroSums();
  sim.sums.forEach((s, i) => {
    eligible += sim.eligible[i]!;
    addInto(total, s);
  });
  return figuresOf(total, eligible, p, sim.months.length);
}
