import { roundForCsv as round, toCsv } from '../../../../shared/domain/csv';
import type { CapacityOptions, CapacityResult, Scenario } from '../../../../shared/domain/scenario';
import { NO_VALUE, formatDecimal, formatHours, formatMonthLong, formatMonthShort, formatPercent } from '../../lib/format';

export const ALL_TEAMS = '';

export type CapacityRow = {
  month: string;
  label: string;
  shortLabel: string;
  availableHours: string;
  demandHours: string;
  /** Demand above the hours available: the month adds to the backlog. */
  overCapacity: boolean;
  hoursFreed: string;
  fteFreed: string;
  backlogItems: number;
  backlogItemsWithoutAi: number;
  backlog: string;
  backlogWithoutAi: string;
  runCredits: string;
  aiCredits: string;
};

/**
 * One row per month of the capacity plan, for one team or (ALL_TEAMS) the teams together. FTE freed
 * for all teams is their hours freed over the scenario's productive hours per FTE, as the metric does.
 */
export function capacityRows(s: Scenario, plan: CapacityResult, team: string): CapacityRow[] {
  return capacityMonths(s, plan, team).map((m) => ({
    month: m.month,
    label: formatMonthLong(m.month),
    shortLabel: formatMonthShort(m.month),
    availableHours: formatHours(m.availableHours),
    demandHours: formatHours(m.demandHours),
    overCapacity: m.demandHours > m.availableHours,
    hoursFreed: formatHours(m.hoursFreed),
    fteFreed: m.fteFreed === null ? NO_VALUE : formatDecimal(m.fteFreed, 2),
    backlogItems: m.backlogItems,
    backlogItemsWithoutAi: m.backlogItemsWithoutAi,
    backlog: formatDecimal(m.backlogItems, 1),
    backlogWithoutAi: formatDecimal(m.backlogItemsWithoutAi, 1),
    runCredits: formatDecimal(m.runCredits, 1),
    aiCredits: formatDecimal(m.aiCredits, 0),
  }));
}

/** The plan's months for one team or (ALL_TEAMS) the teams together, with FTE freed on each. */
function capacityMonths(s: Scenario, plan: CapacityResult, team: string) {
  const productive = s.assumptions.productive_hours_per_fte.value;
  const one = team === ALL_TEAMS ? null : plan.teams.find((t) => t.name === team);
  return one ? one.months : plan.months.map((m) => ({ ...m, fteFreed: productive > 0 ? m.hoursFreed / productive : null }));
}

/** The capacity table as shown (one team or all), as CSV with raw hours, items and credits. */
export function capacityCsv(s: Scenario, plan: CapacityResult, team: string): string {
  return toCsv(
    ['month', 'team', 'available_hours', 'demand_hours', 'hours_freed', 'fte_freed', 'backlog_items', 'backlog_items_people_only', 'run_credits', 'ai_credits'],
    capacityMonths(s, plan, team).map((m) => [
      m.month,
      team === ALL_TEAMS ? 'All teams' : team,
      round(m.availableHours, 2),
      round(m.demandHours, 2),
      round(m.hoursFreed, 2),
      round(m.fteFreed, 3),
      round(m.backlogItems, 2),
      round(m.backlogItemsWithoutAi, 2),
      round(m.runCredits, 2),
      round(m.aiCredits, 2),
    ]),
  );
}

export type BudgetLine = { id: 'runCredits' | 'aiCredits' | 'both'; label: string; share: number | null; text: string };

/** The largest share of eligible work to route that keeps every month within each budget set. */
export function budgetLines(plan: CapacityResult, options: CapacityOptions): BudgetLine[] {
  const max = plan.maxShareWithinBudget;
  const line = (id: BudgetLine['id'], label: string, share: number | null, budget: number | null): BudgetLine => ({
    id,
    label,
    share,
    text: budget === null ? 'No budget set' : share === null ? NO_VALUE : formatPercent(share),
  });
  const lines = [
    line('runCredits', 'within the run-credit budget', max.runCredits, options.runCreditBudgetPerMonth),
    line('aiCredits', 'within the AI-credit budget', max.aiCredits, options.aiCreditBudgetPerMonth),
  ];
  if (options.runCreditBudgetPerMonth !== null && options.aiCreditBudgetPerMonth !== null) lines.push(line('both', 'within both budgets', max.both, 0));
  return lines;
}

/** A budget field's text as credits per month: empty means no budget; null when it is not a number. */
export function parseBudget(text: string): { ok: true; value: number | null } | { ok: false } {
  const cleaned = text.replace(/[,\s]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  const n = Number(cleaned);
  return Number.isFinite(n) && n >= 0 ? { ok: true, value: n } : { ok: false };
}

export const withCapacity = (s: Scenario, patch: Partial<CapacityOptions>): Scenario => ({ ...s, capacity: { ...s.capacity, ...patch } });

/** Totals over the horizon for the summary line above the table. */
export function capacitySummary(plan: CapacityResult, team: string): string {
  const rows = team === ALL_TEAMS ? plan.months : (plan.teams.find((t) => t.name === team)?.months ?? []);
  const last = rows[rows.length - 1];
  if (last === undefined) return '';
  const freed = rows.reduce((n, m) => n + m.hoursFreed, 0);
  return `Routing ${formatPercent(plan.routedShare, 0)} of eligible work frees ${formatHours(freed)} over ${rows.length} months; the backlog ends at ${formatDecimal(last.backlogItems, 0)} items (${formatDecimal(last.backlogItemsWithoutAi, 0)} with people only).`;
}
