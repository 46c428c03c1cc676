import { describe, expect, it } from 'vitest';
import { emptySums, metricValue } from '../metrics';
import { defaultSettings } from '../settings';
import { calibrateScenario, type CalibrationInput } from './calibrate';
import { runDeterministic } from './engine';
import { EXAMPLE_VALUES, exampleScenario } from './example';
import { ASSUMPTION_IDS, type AssumptionId } from './schema';

const settings = { ...defaultSettings(), loadedHourlyRateMicros: 100_000_000, productiveHoursPerFtePerMonth: 130 };

function input(monthly: CalibrationInput['monthly'], extra: Partial<CalibrationInput> = {}): CalibrationInput {
  return {
    name: 'Calibrated',
    now: '2026-10-02T00:00:00.000Z',
    settings,
    pilot: null,
    monthly,
    recordsByPlan: [{ plan: 'Cloud', records: 500 }, { plan: 'Self-hosted', records: 100 }],
    recordsPastRepairBudget: 4,
    rateToWorkspace: () => null,
    teams: [],
    horizonMonths: 12,
    fallbackStartMonth: '2026-10',
    ...extra,
  };
}

describe('calibration', () => {
  it("inverts the engine: sums the engine produced calibrate back to the engine's assumptions", () => {
    // The engine writes the records' additive measures; calibration reads rates as ratios of those
    // sums. Six months of the example (cloud plan, so its price and allowance) come back as the example.
    const run = runDeterministic(exampleScenario(), 6);
    const s = calibrateScenario(input(run.periods.map((p) => ({ month: p.month, sums: p.sums }))));
    const exact: AssumptionId[] = ASSUMPTION_IDS.filter((id) => !['monthly_growth', 'repair_budget', 'ai_share'].includes(id));
    for (const id of exact) expect(s.assumptions[id].value, id).toBeCloseTo(EXAMPLE_VALUES[id], 9);
    expect(s.assumptions.monthly_growth.value).toBeCloseTo(0, 12);
    expect(s.assumptions.repair_budget.value).toBe(100);
    expect(s.startMonth).toBe('2027-04');
    expect(s.plan.name).toBe('Cloud');
    // Identical months: no spread, so no range.
    expect(s.assumptions.acceptance_rate.low).toBeUndefined();
  });

  it('takes rates as ratios of sums with P10–P90 of the monthly values as the range, and says so', () => {
    const month = (m: string, accepted: number, reviewed: number, records: number) => ({ month: m, sums: { ...emptySums(), records, accepted, mrs_reached_review: reviewed, mrs_merged: accepted } });
    const monthly = [month('2026-04', 6, 10, 12), month('2026-05', 9, 10, 12), month('2026-06', 30, 40, 50)];
    const s = calibrateScenario(input(monthly));
    const total = monthly.reduce((acc, m) => ({ ...acc, accepted: acc.accepted + m.sums.accepted, mrs_reached_review: acc.mrs_reached_review + m.sums.mrs_reached_review }), emptySums());
    // 45 ÷ 60 = 0.75, a ratio of sums (not the mean of 0.6, 0.9 and 0.75).
    expect(s.assumptions.acceptance_rate.value).toBe(metricValue('acceptance_rate', total, { productiveHoursPerFtePerMonth: 1, months: 3 }));
    expect(s.assumptions.acceptance_rate.value).toBe(0.75);
    // Monthly 0.6, 0.9, 0.75 → P10 0.63, P90 0.87 (linear interpolation between closest ranks).
    expect(s.assumptions.acceptance_rate.low).toBeCloseTo(0.63, 12);
    expect(s.assumptions.acceptance_rate.high).toBeCloseTo(0.87, 12);
    expect(s.assumptions.acceptance_rate.evidence).toMatchObject({ records: 74, from: '2026-04', to: '2026-06' });
    expect(s.assumptions.acceptance_rate.evidence.note).toMatch(/45 accepted ÷ 60 PR\/MRs reached review over 3 months; range P10–P90 of the 3 monthly values/);
    // Volume: mean of the last three months; growth from the log-linear trend of 12, 12, 50.
    expect(s.assumptions.monthly_volume.value).toBeCloseTo(74 / 3, 12);
    expect(s.assumptions.monthly_growth.value).toBeCloseTo(Math.sqrt(50 / 12) - 1, 12);
    expect(s.assumptions.monthly_growth.low).toBeLessThan(s.assumptions.monthly_growth.value);
    // Not in the data: a plain note rather than a guess dressed as evidence.
    expect(s.assumptions.repair_budget.evidence.note).toMatch(/not enforced in the data \(4 records went past the settings' budget of 3 runs\)/);
    expect(s.assumptions.price_per_credit).toMatchObject({ value: 4, evidence: { records: 500 } });
    expect(s.assumptions.free_credits.evidence.note).toMatch(/plan Cloud carried 500 of the window's records; others: Self-hosted \(100\)/);
  });

  it('gives placeholders that say so when there is no data', () => {
    const s = calibrateScenario(input([], { recordsByPlan: [] }));
    expect(s.assumptions.monthly_volume.value).toBe(0);
    expect(s.assumptions.acceptance_rate).toMatchObject({ value: 0.5, evidence: { records: 0 } });
    expect(s.assumptions.acceptance_rate.evidence.note).toMatch(/placeholder/);
    expect(s.startMonth).toBe('2026-10');
    expect(runDeterministic(s).totals.aiPathCostMicros).toBe(0);
  });

  it('calibrates teams: headcount from logged hours, hours per item from baseline, share routed from intake', () => {
    const run = runDeterministic(exampleScenario(), 2);
    const s = calibrateScenario(
      input(
        run.periods.map((p) => ({ month: p.month, sums: p.sums })),
        { teams: [{ name: 'Payments', intakeByMonth: [40, 60], backlogItems: 35, loggedHoursByMonth: [520, 780], aiRecords: 25, accepted: 20, baselineHours: 160 }] },
      ),
    );
    const t = s.teams[0]!.assumptions;
    expect(t.headcount.value).toBe(5); // 650 h a month ÷ 130
    expect(t.headcount.evidence.note).toMatch(/a floor/);
    expect(t.intake_per_month.value).toBe(50);
    expect(t.backlog_items.value).toBe(35);
    expect(t.hours_per_item.value).toBe(8);
    expect(t.eligible_share.value).toBe(0.25);
    expect(t.leave_share.evidence.note).toMatch(/not in the data/);
  });
});
