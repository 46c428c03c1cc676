import { describe, expect, it } from 'vitest';
import { addSums, ADDITIVE_MEASURES, emptySums, metricValue } from '../metrics';
import { planRules } from '../plans';
import { addInto, addMonths, repairsWithinBudget, runDeterministic, zeroSums } from './engine';
import { exampleScenario } from './example';
import { mulberry32 } from './random';

const M = 1e6; // micros per GBP

describe('the deterministic engine, worked by hand', () => {
  it('one month of the example scenario', () => {
    // 100 eligible items, all routed. 10% denied → 10 denied, 90 executed; none blocked → 90 worked.
    // Repairs: mean 1 with no budget → 90 repair runs; runs = 90 initial + 90 repair = 180.
    // A quarter of the 180 runs fail validation → 135 publish. Every worked item reaches review → 90 PR/MRs
    // (90 pr_created + 45 pr_updated = 135 credits). 80% accepted → 72; 10% of merges rolled back →
    // merged = 72 / 0.9 = 80, rolled back 8.
    // Hours: intake 100 × 0.5 = 50, review 90 × 1 = 90, repair 90 × 0.5 = 45, rework 80 × 1 = 80 → 265 h.
    // Baseline: 72 accepted × 10 h = 720 h. Hours freed 720 − 265 = 455; FTE freed 455 / 130 = 3.5.
    // Money: people 265 h × 100 = 26,500; run credits (135 − 50 free) × 4 = 340; AI credits 180 × 2 = 360;
    // provider 180 × 1 = 180; CI 180 runs × 10 min × 0.01 = 18. AI-path cost 27,398 → per accepted 27,398 / 72 = 380.53.
    // Human path: 100 items × 10 h × 100 = 100,000; fallback (100 − 72) × 1,000 = 28,000; scenario 55,398;
    // net saving 100,000 − 55,398 = 44,602 (= 72 × 1,000 − 27,398).
    const r = runDeterministic(exampleScenario(), 1);
    const m = r.periods[0]!;
    expect(m.month).toBe('2026-10');
    expect(m.sums).toMatchObject({
      records: 100,
      tickets_denied: 10,
      runs: 180,
      repair_runs: 90,
      runs_first_pass: 135,
      runs_validation_failed: 45,
      mrs_reached_review: 90,
      accepted: 72,
      mrs_merged: 80,
      mrs_rolled_back: 8,
      intake_hours: 50,
      review_hours: 90,
      repair_hours: 45,
      rework_hours: 80,
      human_hours: 265,
      baseline_hours: 720,
      ci_minutes: 1800,
      run_credits_used: 135,
      ai_credits_used: 540,
    });
    expect(m.sums.mrs_merged).toBeCloseTo(80, 9);
    expect(m.sums.cost_human).toBeCloseTo(26_500 * M, 0);
    expect(m.sums.cost_run_credits).toBe(340 * M);
    expect(m.sums.cost_ai_credits).toBeCloseTo(360 * M, 0);
    expect(m.sums.cost_provider).toBeCloseTo(180 * M, 0);
    expect(m.sums.cost_ci).toBeCloseTo(18 * M, 0);
    expect(m.aiPathCostMicros).toBeCloseTo(27_398 * M, 0);
    expect(m.costPerAcceptedMicros! / M).toBeCloseTo(27_398 / 72, 6);
    expect(m.humanCostPerItemMicros).toBe(1_000 * M);
    expect(m.humanPathCostMicros).toBe(100_000 * M);
    expect(m.fallbackCostMicros).toBeCloseTo(28_000 * M, 0);
    expect(m.netSavingMicros).toBeCloseTo(44_602 * M, 0);
    expect(m.hoursFreed).toBeCloseTo(455, 9);
    expect(m.fteFreed).toBeCloseTo(3.5, 9);
    expect(m.acceptanceRate).toBeCloseTo(0.8, 12);
  });

  it('break-even acceptance rate and price per credit', () => {
    // With nothing accepted nothing merges, so rework is 0: people 185 h → 18,500; AI-path cost
    // 18,500 + 340 + 360 + 180 + 18 = 19,398. Each point of acceptance adds 90 accepted and
    // 100 merged × 1 h × 100 = 10,000 per unit of rate. Break-even where 19,398 + 10,000 a = 1,000 × 90 a:
    // a = 19,398 / 80,000 = 0.242475.
    // Price: cost is 27,058 + 85 charged credits × p; equal to 72 × 1,000 at p = 44,942 / 85 = 528.729.
    const r = runDeterministic(exampleScenario(), 1);
    expect(r.periods[0]!.breakEven.acceptanceRate).toBeCloseTo(0.242475, 9);
    expect(r.periods[0]!.breakEven.pricePerCredit).toBeCloseTo(44_942 / 85, 6);
    expect(r.totals.breakEven.acceptanceRate).toBeCloseTo(0.242475, 9);
  });

  it('growth compounds monthly and the free allowance resets each month', () => {
    // 10% growth: 100, 110, 121 eligible. Credits scale with volume: 135, 148.5, 163.35; charged
    // after 50 free each month: 85, 98.5, 113.35 → × 4 = 340, 394, 453.4.
    const r = runDeterministic(exampleScenario({ monthly_growth: 0.1 }), 3);
    const near = (xs: number[]) => xs.map((x) => Math.round(x * 1e6) / 1e6);
    expect(near(r.periods.map((p) => p.eligible))).toEqual([100, 110, 121]);
    expect(near(r.periods.map((p) => p.sums.cost_run_credits / M))).toEqual([340, 394, 453.4]);
    expect(r.periods.map((p) => p.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(r.totals.sums.cost_run_credits / M).toBeCloseTo(1_187.4, 9);
    expect(r.periods[2]!.cumulative.netSavingMicros).toBeCloseTo(r.totals.netSavingMicros, 0);
  });

  it('an allowance that never resets is used up once, across months', () => {
    // 135 credits a month, 200 free once: month 1 all free, month 2 uses the last 65 free and pays
    // 70 × 4 = 280, month 3 pays 135 × 4 = 540.
    const s = exampleScenario({ free_credits: 200 }, { plan: planRules({ name: 'Pack', allowanceResets: 'never' }) });
    expect(runDeterministic(s, 3).periods.map((p) => p.sums.cost_run_credits / M)).toEqual([0, 280, 540]);
  });

  it('per-merged and prepaid-balance plans price with the plan rules', () => {
    // per_merged: 80 merged × 2 credits × 4 = 640.
    const merged = exampleScenario({}, { plan: planRules({ name: 'Merged', shape: 'per_merged', creditsPerMerged: 2 }) });
    expect(runDeterministic(merged, 1).periods[0]!.sums.cost_run_credits / M).toBeCloseTo(640, 9);
    // prepaid: 90 reviews × fee 4 = 360, plus 20% margin on the model cost (360 AI credits + 180 provider) = 108.
    const prepaid = exampleScenario({}, { plan: planRules({ name: 'Prepaid', shape: 'prepaid_balance', marginPercent: 20 }) });
    const month = runDeterministic(prepaid, 1).periods[0]!;
    expect(month.sums.cost_run_credits / M).toBeCloseTo(468, 6);
    expect(month.sums.run_credits_used).toBe(90);
  });

  it('a repair budget cuts the tail of repair loops and stops the items past it', () => {
    // Mean 1 repair → q = 1/2: with a budget of 2, runs per item = ½ + ¼ = 0.75 and 1/8 of items
    // would need more than 2 and are stopped (not accepted).
    expect(repairsWithinBudget(1, 2)).toEqual({ runs: 0.75, stopped: 0.125 });
    expect(repairsWithinBudget(1, 0)).toEqual({ runs: 0, stopped: 0.5 });
    expect(repairsWithinBudget(0, 3)).toEqual({ runs: 0, stopped: 0 });
    expect(repairsWithinBudget(2, 100).runs).toBeCloseTo(2, 12);
    const m = runDeterministic(exampleScenario({ repair_budget: 2 }), 1).periods[0]!;
    expect(m.sums.repair_runs).toBeCloseTo(67.5, 9);
    expect(m.accepted).toBeCloseTo(72 * 0.875, 9);
  });

  it('reads every metric through the shared definitions', () => {
    const r = runDeterministic(exampleScenario({ monthly_growth: 0.05 }), 6);
    const params = { productiveHoursPerFtePerMonth: 130, months: 6 };
    expect(r.totals.costPerAcceptedMicros).toBe(metricValue('cost_per_accepted', r.totals.sums, params));
    expect(r.totals.hoursFreed).toBe(metricValue('hours_freed', r.totals.sums, params));
    expect(r.totals.fteFreed).toBe(metricValue('fte_freed', r.totals.sums, params));
    expect(r.totals.aiPathCostMicros).toBe(metricValue('ai_path_cost', r.totals.sums, params));
  });
});

describe('engine plumbing', () => {
  it('addInto and zeroSums cover exactly the additive measures', () => {
    expect(Object.keys(zeroSums()).sort()).toEqual([...ADDITIVE_MEASURES].sort());
    const rng = mulberry32(3);
    const a = emptySums();
    const b = emptySums();
    for (const m of ADDITIVE_MEASURES) {
      a[m] = rng();
      b[m] = rng();
    }
    const viaLoop = addSums(a, b);
    addInto(a, b);
    expect(a).toEqual(viaLoop);
  });

  it('adds months across years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-01', 35)).toBe('2028-12');
  });
});
