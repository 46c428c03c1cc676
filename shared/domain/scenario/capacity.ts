import { emptySums, metricValue } from '../metrics';
import { assumptionValues, createSimulator, horizonMonths } from './engine';
import type { CapacityResult, Scenario } from './schema';

/** What one item routed to the AI path yields and costs, from the scenario's own funnel and plan. */
export function perRoutedItem(scenario: Scenario): { accepted: number; humanHours: number; runCredits: number; aiCredits: number } {
  const sim = createSimulator(scenario, 1);
  sim.run({ ...assumptionValues(scenario, 'value'), monthly_volume: 1, monthly_growth: 0, ai_share: 1 });
  const s = sim.sums[0]!;
  return { accepted: s.accepted, humanHours: s.human_hours, runCredits: s.run_credits_used, aiCredits: s.ai_credits_used };
}

type Month = CapacityResult['teams'][number]['months'][number];

/**
 * Capacity plan per team and month. Available hours are headcount × productive hours per FTE less
 * leave; demand is the team's intake (growing as the scenario's eligible volume does) and its
 * backlog, in items and hours. A share of the eligible intake goes through the AI path: what it
 * accepts leaves the people's queue, what it does not falls back to them, and its intake, review,
 * repair and rework hours are spent on it. Hours and FTE freed use the metric definitions; the
 * backlog burns down with the hours left, against the same team with nothing routed. The largest
 * share that keeps every month's run credits (or AI credits) within a budget is linear in the
 * share, so it is the tightest month's budget ÷ its credits at a share of one.
 */
export function capacityPlan(
  scenario: Scenario,
  options: { horizon?: number; routedShare?: number; runCreditBudgetPerMonth?: number | null; aiCreditBudgetPerMonth?: number | null } = {},
): CapacityResult {
  const horizon = options.horizon ?? scenario.horizonMonths;
  const share = Math.min(1, Math.max(0, options.routedShare ?? scenario.capacity.routedShare));
  const runBudget = options.runCreditBudgetPerMonth !== undefined ? options.runCreditBudgetPerMonth : scenario.capacity.runCreditBudgetPerMonth;
  const aiBudget = options.aiCreditBudgetPerMonth !== undefined ? options.aiCreditBudgetPerMonth : scenario.capacity.aiCreditBudgetPerMonth;
  const months = horizonMonths(scenario.startMonth, horizon);
  const values = assumptionValues(scenario, 'value');
  const unit = perRoutedItem(scenario);
  const growth = 1 + values.monthly_growth;
  const productive = values.productive_hours_per_fte;
  const params = { productiveHoursPerFtePerMonth: productive, months: 1 };
  const eligibleAtFullShare = new Float64Array(horizon);

  const teams = scenario.teams.map((team) => {
    const a = Object.fromEntries(Object.entries(team.assumptions).map(([k, v]) => [k, v.value])) as Record<keyof typeof team.assumptions, number>;
    const available = a.headcount * productive * (1 - Math.min(1, Math.max(0, a.leave_share)));
    const itemsDoneWith = (hours: number) => (a.hours_per_item > 0 ? Math.max(0, hours) / a.hours_per_item : Number.POSITIVE_INFINITY);
    let backlog = a.backlog_items;
    let backlogWithout = a.backlog_items;
    let intake = a.intake_per_month;
    const rows: Month[] = months.map((month, i) => {
      const eligible = intake * Math.min(1, Math.max(0, a.eligible_share));
      eligibleAtFullShare[i] = (eligibleAtFullShare[i] ?? 0) + eligible;
      const routed = eligible * share;
      const acceptedByAi = routed * unit.accepted;
      const aiHours = routed * unit.humanHours;
      const sums = { ...emptySums(), records: routed, accepted: acceptedByAi, human_hours: aiHours, baseline_hours: acceptedByAi * a.hours_per_item };
      const open = backlog + intake - acceptedByAi;
      backlog = open - Math.min(open, itemsDoneWith(available - aiHours));
      const openWithout = backlogWithout + intake;
      backlogWithout = openWithout - Math.min(openWithout, itemsDoneWith(available));
      const row: Month = {
        month,
        availableHours: available,
        intakeItems: intake,
        routedItems: routed,
        acceptedByAi,
        demandHours: (intake - acceptedByAi) * a.hours_per_item + aiHours,
        hoursFreed: metricValue('hours_freed', sums, params) ?? 0,
        fteFreed: metricValue('fte_freed', sums, params),
        backlogItems: backlog,
        backlogHours: backlog * a.hours_per_item,
        backlogItemsWithoutAi: backlogWithout,
        runCredits: routed * unit.runCredits,
        aiCredits: routed * unit.aiCredits,
      };
      intake *= growth;
      return row;
    });
    return { name: team.name, months: rows };
  });

  const sumOver = (i: number, f: (m: Month) => number) => teams.reduce((n, t) => n + f(t.months[i]!), 0);
  const maxShare = (budget: number | null | undefined, perItem: number): number | null => {
    if (budget === null || budget === undefined) return null;
    let best = 1;
    for (let i = 0; i < horizon; i++) {
      const need = eligibleAtFullShare[i]! * perItem;
      if (need > 0) best = Math.min(best, budget / need);
    }
    return best;
  };
  const runCredits = maxShare(runBudget, unit.runCredits);
  const aiCredits = maxShare(aiBudget, unit.aiCredits);
  const bounded = [runCredits, aiCredits].filter((v): v is number => v !== null);
  return {
    routedShare: share,
    teams,
    months: months.map((month, i) => ({
      month,
      availableHours: sumOver(i, (m) => m.availableHours),
      demandHours: sumOver(i, (m) => m.demandHours),
      hoursFreed: sumOver(i, (m) => m.hoursFreed),
      backlogItems: sumOver(i, (m) => m.backlogItems),
      backlogItemsWithoutAi: sumOver(i, (m) => m.backlogItemsWithoutAi),
      runCredits: sumOver(i, (m) => m.runCredits),
      aiCredits: sumOver(i, (m) => m.aiCredits),
    })),
    maxShareWithinBudget: { runCredits, aiCredits, both: bounded.length ? Math.min(...bounded) : null },
  };
}
