import { describe, expect, it } from 'vitest';
import { capacityPlan, perRoutedItem } from './capacity';
import { exampleScenario, exampleTeam, withRanges } from './example';
import { tornado } from './sensitivity';

describe('capacity plan', () => {
  it('per team and month, worked by hand', () => {
    // Per routed item (the example's funnel): 0.72 accepted, 2.65 human hours, 1.35 run credits, 5.4 AI credits.
    const unit = perRoutedItem(exampleScenario());
    for (const [k, v] of Object.entries({ accepted: 0.72, humanHours: 2.65, runCredits: 1.35, aiCredits: 5.4 })) expect(unit[k as keyof typeof unit], k).toBeCloseTo(v, 12);
    // Team: 10 engineers × 130 h × (1 − 10% leave) = 1,170 h. Intake 60 items, half eligible, 30% of that
    // routed → 9 routed, 6.48 accepted by the AI path, 23.85 h of AI-path work.
    // Demand: (60 − 6.48) × 12 h + 23.85 = 666.09 h. Hours freed 6.48 × 12 − 23.85 = 53.91; FTE 53.91 / 130.
    // Backlog: 120 + 60 − 6.48 = 173.52 open; people do (1,170 − 23.85) / 12 = 95.5125 → 78.0075 left.
    // Without AI: 180 open, 97.5 done → 82.5 left.
    const plan = capacityPlan(exampleScenario({}, { teams: [exampleTeam('Payments')] }), { horizon: 2 });
    const m = plan.teams[0]!.months[0]!;
    expect(m.availableHours).toBeCloseTo(1_170, 9);
    expect(m.routedItems).toBeCloseTo(9, 12);
    expect(m.acceptedByAi).toBeCloseTo(6.48, 12);
    expect(m.demandHours).toBeCloseTo(666.09, 9);
    expect(m.hoursFreed).toBeCloseTo(53.91, 9);
    expect(m.fteFreed).toBeCloseTo(53.91 / 130, 12);
    expect(m.backlogItems).toBeCloseTo(78.0075, 9);
    expect(m.backlogItemsWithoutAi).toBeCloseTo(82.5, 9);
    expect(m.runCredits).toBeCloseTo(12.15, 9);
    // Month two burns down from there: 78.0075 + 60 − 6.48 − 95.5125 = 36.015.
    expect(plan.teams[0]!.months[1]!.backlogItems).toBeCloseTo(36.015, 9);
    expect(plan.months[0]!.hoursFreed).toBeCloseTo(53.91, 9);
    expect(plan.maxShareWithinBudget).toEqual({ runCredits: null, aiCredits: null, both: null });
  });

  it('the largest routed share within a budget is the tightest month', () => {
    // Two teams: eligible 30 + 20 = 50 items a month at a share of one → 67.5 run credits, 270 AI credits.
    // Growth 10%: the last month needs most. Budget 60 run credits → 60 / (67.5 × 1.1²).
    const s = exampleScenario({ monthly_growth: 0.1 }, { teams: [exampleTeam('A'), exampleTeam('B', { intake_per_month: 40 })] });
    const plan = capacityPlan(s, { horizon: 3, runCreditBudgetPerMonth: 60, aiCreditBudgetPerMonth: 1_000 });
    expect(plan.maxShareWithinBudget.runCredits).toBeCloseTo(60 / (67.5 * 1.21), 9);
    expect(plan.maxShareWithinBudget.aiCredits).toBe(1);
    expect(plan.maxShareWithinBudget.both).toBeCloseTo(60 / (67.5 * 1.21), 9);
    const within = capacityPlan(s, { horizon: 3, routedShare: plan.maxShareWithinBudget.both! });
    expect(Math.max(...within.months.map((m) => m.runCredits))).toBeCloseTo(60, 9);
  });
});

describe('tornado', () => {
  it('ranks the assumptions by the swing of the total net saving', () => {
    const t = tornado(withRanges(exampleScenario({}, { horizonMonths: 12 })));
    expect(t.bars.length).toBeGreaterThan(10);
    for (let i = 1; i < t.bars.length; i++) expect(t.bars[i - 1]!.swing).toBeGreaterThanOrEqual(t.bars[i]!.swing);
    // Baseline hours ±20% move the saving by 720 h × 0.2 × 2 × 100 × 12 months = 345,600 (in micros).
    const baseline = t.bars.find((b) => b.assumption === 'baseline_hours_per_item')!;
    expect(baseline.swing).toBeCloseTo(345_600e6, -2);
    expect(t.bars[0]!.assumption).toBe('baseline_hours_per_item');
    expect(t.unranged).toEqual(['monthly_growth', 'blocked_rate', 'repair_budget']);
    const perAccepted = tornado(withRanges(exampleScenario()), { metric: 'costPerAcceptedMicros' });
    expect(perAccepted.metric).toBe('costPerAcceptedMicros');
    expect(perAccepted.bars[0]!.assumption).not.toBe('baseline_hours_per_item');
  });
});
