import { describe, expect, it } from 'vitest';
import { planRules, type PlanRules } from '../plans';
import { runDeterministic } from './engine';
import { exampleScenario } from './example';
import { runMonteCarlo } from './monte-carlo';
import { mulberry32, type Rng } from './random';
import { ASSUMPTION_IDS, ASSUMPTIONS, BAND_METRICS, type AssumptionValues, type Scenario } from './schema';
import { goalSeek } from './sensitivity';

// Property tests with a tiny generator on the engine's own seeded PRNG: every case is repeatable
// from its seed, which the failure message names.
const CASES = 150;

function randomValues(rng: Rng): AssumptionValues {
  const u = (a: number, b: number) => a + (b - a) * rng();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  return {
    monthly_volume: u(1, 500),
    monthly_growth: u(-0.05, 0.1),
    ai_share: u(0.05, 1),
    denied_rate: u(0, 0.3),
    blocked_rate: u(0, 0.3),
    validation_failed_rate: u(0, 0.5),
    pr_created_rate: u(0.3, 1),
    acceptance_rate: u(0.05, 0.95),
    rollback_rate: u(0, 0.2),
    repair_attempts_per_item: u(0, 4),
    repair_budget: pick([0, 1, 2, 3, 5, 100]),
    price_per_credit: u(0, 10),
    free_credits: pick([0, 50, 200]),
    ai_credits_per_run: u(0, 50),
    ai_credit_cost_per_run: u(0, 5),
    provider_cost_per_run: u(0, 5),
    ci_minutes_per_run: u(0, 60),
    ci_price_per_minute: u(0, 0.02),
    intake_hours_per_item: u(0, 2),
    review_hours_per_pr: u(0, 3),
    repair_hours_per_item: u(0, 3),
    rework_hours_per_merged: u(0, 2),
    baseline_hours_per_item: u(0.5, 20),
    loaded_hourly_rate: u(30, 150),
    productive_hours_per_fte: u(100, 140),
  };
}

function randomPlan(rng: Rng): PlanRules {
  const shapes: Partial<PlanRules>[] = [
    { shape: 'per_outcome', allowanceResets: 'monthly' },
    { shape: 'per_outcome', allowanceResets: 'never', creditsPerEvent: { pr_created: 1, pr_updated: 0.5, validation_failed: 0.25 } },
    { shape: 'per_merged', creditsPerMerged: 2 },
    { shape: 'prepaid_balance', marginPercent: 15 },
  ];
  return planRules({ name: 'Generated', ...shapes[Math.floor(rng() * shapes.length)] });
}

function randomScenario(seed: number, fix: Partial<AssumptionValues> = {}, plan?: PlanRules): Scenario {
  const rng = mulberry32(seed);
  const values = { ...randomValues(rng), ...fix };
  return exampleScenario(values, { plan: plan ?? randomPlan(rng), horizonMonths: 1 + Math.floor(rng() * 24) });
}

/** Ranges of ±(0–40%) around each value, kept inside the assumption's domain. */
function withRandomRanges(s: Scenario, seed: number): Scenario {
  const rng = mulberry32(seed ^ 0x5bd1e995);
  const assumptions = { ...s.assumptions };
  for (const id of ASSUMPTION_IDS) {
    if (id === 'repair_budget') continue;
    const a = assumptions[id];
    const spread = 0.4 * rng();
    const { min, max } = ASSUMPTIONS[id];
    assumptions[id] = { ...a, low: Math.max(min, a.value - Math.abs(a.value) * spread), likely: a.value, high: Math.min(max, a.value + Math.abs(a.value) * spread) };
  }
  return { ...s, assumptions };
}

describe('engine properties', () => {
  it('more accepted changes at the same cost never raise the cost per accepted change', () => {
    for (let seed = 1; seed <= CASES; seed++) {
      // Costs that do not depend on how many merge (no rework, a plan that does not charge per merge)
      // stay the same while acceptance rises; accepted must not fall and cost per accepted must not rise.
      const base = randomScenario(seed, { rework_hours_per_merged: 0 }, planRules({ name: 'Cloud' }));
      const a = base.assumptions.acceptance_rate.value;
      const higher = exampleScenario({ ...valuesOf(base), acceptance_rate: a + (1 - a) * mulberry32(seed)() }, { plan: base.plan, horizonMonths: base.horizonMonths });
      const before = runDeterministic(base).totals;
      const after = runDeterministic(higher).totals;
      expect(after.aiPathCostMicros, `seed ${seed}`).toBeCloseTo(before.aiPathCostMicros, 0);
      expect(after.accepted, `seed ${seed}`).toBeGreaterThanOrEqual(before.accepted);
      if (before.costPerAcceptedMicros !== null) expect(after.costPerAcceptedMicros!, `seed ${seed}`).toBeLessThanOrEqual(before.costPerAcceptedMicros * (1 + 1e-12));
    }
  });

  it('zero AI volume gives the human baseline', () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const r = runDeterministic(randomScenario(seed, { ai_share: 0 }));
      for (const p of [...r.periods, r.totals]) {
        expect(p.aiPathCostMicros, `seed ${seed}`).toBe(0);
        expect(p.accepted).toBe(0);
        expect(p.scenarioCostMicros).toBeCloseTo(p.humanPathCostMicros, 3);
        expect(p.humanPathCostMicros).toBeCloseTo(p.eligible * p.humanCostPerItemMicros, 3);
        expect(p.netSavingMicros).toBeCloseTo(0, 3);
        expect(p.hoursFreed).toBe(0);
        expect(p.fteFreed).toBe(0);
        expect(p.costPerAcceptedMicros).toBeNull();
      }
    }
  });

  it('with every range collapsed to a point, the Monte Carlo bands are the deterministic result', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const ranged = withRandomRanges(randomScenario(seed), seed);
      const collapsed: Scenario = {
        ...ranged,
        assumptions: Object.fromEntries(ASSUMPTION_IDS.map((id) => [id, { ...ranged.assumptions[id], low: ranged.assumptions[id].value, likely: ranged.assumptions[id].value, high: ranged.assumptions[id].value }])) as Scenario['assumptions'],
      };
      const det = runDeterministic(collapsed);
      for (const distribution of ['pert', 'triangular'] as const) {
        const mc = runMonteCarlo(collapsed, { draws: 50, seed, distribution });
        expect(mc.sampled).toEqual([]);
        mc.periods.forEach((p, i) => {
          for (const metric of BAND_METRICS) {
            const v = det.periods[i]![metric];
            expect(p.bands[metric], `seed ${seed} ${metric} month ${i}`).toEqual({ p10: v, p50: v, p90: v });
          }
        });
        for (const metric of BAND_METRICS) expect(mc.totals[metric], `seed ${seed} total ${metric}`).toEqual({ p10: det.totals[metric], p50: det.totals[metric], p90: det.totals[metric] });
      }
    }
  });

  it('Monte Carlo is repeatable for a seed, and its bands are ordered', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = withRandomRanges(randomScenario(seed), seed);
      const a = runMonteCarlo(s, { draws: 300, seed });
      expect(runMonteCarlo(s, { draws: 300, seed })).toEqual(a);
      expect(runMonteCarlo(s, { draws: 300, seed: seed + 1000 })).not.toEqual(a);
      for (const bands of [...a.periods.map((p) => p.bands), a.totals]) {
        for (const metric of BAND_METRICS) {
          const { p10, p50, p90 } = bands[metric];
          if (p10 !== null && p50 !== null) expect(p10).toBeLessThanOrEqual(p50);
          if (p50 !== null && p90 !== null) expect(p50).toBeLessThanOrEqual(p90);
        }
      }
    }
  });

  it('refuses a Monte Carlo too large to keep every draw', () => {
    expect(() => runMonteCarlo(exampleScenario({}, { horizonMonths: 120 }), { draws: 20_000 })).toThrow(/draws × months must stay within 1,200,000 \(asked 20000 × 120\)/);
  });

  it('goal seek finds the break-even: AI-path cost per accepted equals human cost per item', () => {
    let found = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const s = randomScenario(seed);
      const r = runDeterministic(s);
      const seek = goalSeek(s, { assumption: 'acceptance_rate' });
      if (seek.found) {
        found += 1;
        const at = runDeterministic(exampleScenario({ ...valuesOf(s), acceptance_rate: seek.value! }, { plan: s.plan, horizonMonths: s.horizonMonths })).totals;
        expect(at.costPerAcceptedMicros! / at.humanCostPerItemMicros, `seed ${seed}`).toBeCloseTo(1, 6);
      }
      // The engine's closed-form break-even (two evaluations of an affine cost) agrees with bisection.
      if (r.totals.breakEven.acceptanceRate !== null) {
        expect(seek.found, `seed ${seed}`).toBe(true);
        expect(seek.value!, `seed ${seed}`).toBeCloseTo(r.totals.breakEven.acceptanceRate, 6);
      }
      const price = goalSeek(s, { assumption: 'price_per_credit' });
      if (r.totals.breakEven.pricePerCredit !== null && price.found) expect(price.value! / r.totals.breakEven.pricePerCredit, `seed ${seed}`).toBeCloseTo(1, 5);
    }
    expect(found).toBeGreaterThan(CASES / 3);
  });

  it('net saving is accepted × human cost per item − AI-path cost, and cumulative figures add up', () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const r = runDeterministic(randomScenario(seed));
      for (const p of [...r.periods, r.totals]) {
        const scale = Math.max(1, Math.abs(p.humanPathCostMicros));
        expect((p.netSavingMicros - (p.accepted * p.humanCostPerItemMicros - p.aiPathCostMicros)) / scale, `seed ${seed}`).toBeCloseTo(0, 9);
        expect(p.hoursFreed).toBeCloseTo(p.sums.baseline_hours - p.sums.human_hours, 6);
      }
      const last = r.periods[r.periods.length - 1]!;
      expect(last.cumulative.netSavingMicros / Math.max(1, Math.abs(r.totals.humanPathCostMicros))).toBeCloseTo(r.totals.netSavingMicros / Math.max(1, Math.abs(r.totals.humanPathCostMicros)), 9);
    }
  });
});

function valuesOf(s: Scenario): AssumptionValues {
  return Object.fromEntries(ASSUMPTION_IDS.map((id) => [id, s.assumptions[id].value])) as AssumptionValues;
}

describe('goal seek where the metric is undefined at an end', () => {
  it('finds the acceptance rate that gives a cost per accepted, though nothing is accepted at 0%', () => {
    let checked = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const s = randomScenario(seed);
      const now = runDeterministic(s).totals.costPerAcceptedMicros;
      if (now === null || now <= 0) continue;
      // Half again the current cost per accepted is reached at some lower acceptance rate.
      const goal = Math.round(now * 1.5);
      const seek = goalSeek(s, { assumption: 'acceptance_rate', target: { metric: 'costPerAcceptedMicros', value: goal } });
      expect(seek.found, `seed ${seed}: ${seek.reason}`).toBe(true);
      expect(seek.value!).toBeGreaterThan(0);
      expect(seek.value!).toBeLessThan(s.assumptions.acceptance_rate.value);
      const at = runDeterministic(exampleScenario({ ...valuesOf(s), acceptance_rate: seek.value! }, { plan: s.plan, horizonMonths: s.horizonMonths })).totals;
      expect(at.costPerAcceptedMicros! / goal, `seed ${seed}`).toBeCloseTo(1, 6);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(CASES / 3);
  });
});
