import { describe, expect, it } from 'vitest';
import { capacityPlan } from '../../../../shared/domain/scenario';
import { exampleScenario, exampleTeam } from '../../../../shared/domain/scenario/example';
import { capacityChartOption, WITH_AI_BACKLOG, WITHOUT_AI_BACKLOG } from './capacity-chart-option';
import { parse } from 'csv-parse/sync';
import { ALL_TEAMS, budgetLines, capacityCsv, capacityRows, capacitySummary, parseBudget, withCapacity } from './capacity-view-model';

const s = exampleScenario({}, { horizonMonths: 4, teams: [exampleTeam('Payments'), exampleTeam('Platform', { headcount: 4, intake_per_month: 90 })] });

describe('capacity rows', () => {
  it('shows one team, or the teams together with FTE freed from their hours', () => {
    const plan = capacityPlan(s);
    const payments = capacityRows(s, plan, 'Payments');
    expect(payments).toHaveLength(4);
    expect(payments[0]!.backlogItems).toBe(plan.teams[0]!.months[0]!.backlogItems);
    const all = capacityRows(s, plan, ALL_TEAMS);
    expect(all[0]!.backlogItems).toBeCloseTo(plan.teams[0]!.months[0]!.backlogItems + plan.teams[1]!.months[0]!.backlogItems, 9);
    expect(all[0]!.fteFreed).toBe((plan.months[0]!.hoursFreed / 130).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    // Platform needs more hours than four engineers have: the month is flagged.
    expect(capacityRows(s, plan, 'Platform').every((r) => r.overCapacity)).toBe(true);
    expect(capacitySummary(plan, ALL_TEAMS)).toMatch(/^Routing 30% of eligible work frees .* over 4 months; the backlog ends at \d+ items \(\d+ with people only\)\.$/);
  });

  it('writes the table shown as CSV with raw figures, for one team or all', () => {
    const plan = capacityPlan(s);
    const payments = parse(capacityCsv(s, plan, 'Payments'), { columns: true }) as Record<string, string>[];
    expect(payments.map((r) => r['month'])).toEqual(plan.teams[0]!.months.map((m) => m.month));
    expect(payments.every((r) => r['team'] === 'Payments')).toBe(true);
    expect(Number(payments[0]!['backlog_items'])).toBeCloseTo(plan.teams[0]!.months[0]!.backlogItems, 2);
    const all = parse(capacityCsv(s, plan, ALL_TEAMS), { columns: true }) as Record<string, string>[];
    expect(all[0]!['team']).toBe('All teams');
    expect(Number(all[0]!['fte_freed'])).toBeCloseTo(plan.months[0]!.hoursFreed / 130, 3);
    expect(Number(all[0]!['available_hours'])).toBeCloseTo(plan.months[0]!.availableHours, 2);
  });

  it('charts the backlog with and without the AI path', () => {
    const rows = capacityRows(s, capacityPlan(s), ALL_TEAMS);
    const series = capacityChartOption(rows).series as { name: string; data: number[] }[];
    expect(series.map((x) => x.name)).toEqual([WITH_AI_BACKLOG, WITHOUT_AI_BACKLOG]);
    expect(series[1]!.data).toEqual(rows.map((r) => r.backlogItemsWithoutAi));
  });
});

describe('budgets', () => {
  it('gives the largest share within each budget set', () => {
    const none = capacityPlan(s);
    expect(budgetLines(none, s.capacity).map((l) => l.text)).toEqual(['No budget set', 'No budget set']);
    const budgeted = withCapacity(s, { runCreditBudgetPerMonth: 20, aiCreditBudgetPerMonth: 100 });
    const plan = capacityPlan(budgeted);
    const lines = budgetLines(plan, budgeted.capacity);
    expect(lines.map((l) => l.id)).toEqual(['runCredits', 'aiCredits', 'both']);
    expect(lines[0]!.share).toBe(plan.maxShareWithinBudget.runCredits);
    expect(lines[2]!.share).toBe(Math.min(plan.maxShareWithinBudget.runCredits!, plan.maxShareWithinBudget.aiCredits!));
  });

  it('reads a budget field: empty is none', () => {
    expect(parseBudget('')).toEqual({ ok: true, value: null });
    expect(parseBudget('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseBudget('-3')).toEqual({ ok: false });
    expect(parseBudget('lots')).toEqual({ ok: false });
  });
});
