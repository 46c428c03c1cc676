import type { MeasureSums } from '../metrics';
import { repairsWithinBudget } from '../scenario/engine';
import type { DeterministicResult, PeriodResult, Scenario, TotalsResult } from '../scenario/schema';
import { address, columnName, fitWidths, monthSerial, type Cell, type Format, type RowPlan, type SheetPlan } from './cells';

export const SCENARIO_SHEET = 'Scenario';

/** Cell addresses for one row's formulas: `c(id)` in this row, `prev(id)` in the month before. */
type RowRefs = { c: (id: ColumnId) => string; prev: (id: ColumnId) => string | null; above: (id: ColumnId) => string | null; months: number };

type ColumnDef = {
  id: ColumnId;
  header: string;
  format: Format;
  /** The month row's formula (no leading "="). */
  month: (x: RowRefs) => string;
  /** The totals row: 'sum' of the months, a formula, or nothing (running figures). */
  total: 'sum' | ((x: RowRefs) => string) | null;
};

export const SCENARIO_COLUMN_IDS = [
  'month',
  'eligible',
  'routed',
  'denied',
  'executed',
  'blocked',
  'worked',
  'repair_runs',
  'runs',
  'runs_reached_validation',
  'runs_first_pass',
  'reviewed',
  'accepted',
  'merged',
  'intake_hours',
  'review_hours',
  'repair_hours',
  'rework_hours',
  'human_hours',
  'baseline_hours',
  'ci_minutes',
  'ai_credits',
  'run_credits',
  'charged_credits',
  'cost_run_credits',
  'cost_ai_credits',
  'cost_provider',
  'cost_ci',
  'cost_human',
  'ai_path_cost',
  'human_path_cost',
  'fallback_cost',
  'scenario_cost',
  'net_saving',
  'cost_per_accepted',
  'acceptance_rate',
  'hours_freed',
  'fte_freed',
  'cost_at_zero_acceptance',
  'acceptance_slope',
  'break_even_acceptance',
  'cost_at_zero_price',
  'price_slope',
  'break_even_price',
  'cumulative_ai_path_cost',
  'cumulative_human_path_cost',
  'cumulative_scenario_cost',
  'cumulative_net_saving',
  'cumulative_hours_freed',
] as const;
export type ColumnId = (typeof SCENARIO_COLUMN_IDS)[number];

/** Running figures (cumulative_…) have no totals cell: their last month is the total. */
export const hasTotal = (id: ColumnId): boolean => id !== 'month' && !id.startsWith('cumulative_');

const COLUMN_INDEX = new Map<ColumnId, number>(SCENARIO_COLUMN_IDS.map((id, i) => [id, i + 1]));
/** Column letter of a Scenario figure, e.g. `scenarioColumn('accepted')` → "M". */
export const scenarioColumn = (id: ColumnId): string => columnName(COLUMN_INDEX.get(id)!);

/** Rows of the Scenario sheet: header in 1, months from 2, the totals right after the last month. */
export const scenarioRows = (horizon: number) => ({ header: 1, firstMonth: 2, lastMonth: horizon + 1, totals: horizon + 2 });

const clamp = (name: string) => `MIN(1,MAX(0,${name}))`;
const blankIf = (test: string, value: string) => `IF(${test},"",${value})`;

/** The plan's run credits, charged credits and money per month, one formula set per plan shape (plan-cost.ts → priceEvents). */
function planColumns(shape: Scenario['plan']['shape']): Pick<Record<ColumnId, ColumnDef['month']>, 'run_credits' | 'charged_credits' | 'cost_run_credits' | 'cost_at_zero_acceptance' | 'acceptance_slope' | 'cost_at_zero_price' | 'price_slope'> {
  const peopleBeforeMerge = ({ c }: RowRefs) => `(${c('intake_hours')}+${c('review_hours')}+${c('repair_hours')})*loaded_hourly_rate`;
  const otherCosts = ({ c }: RowRefs) => `${c('cost_ai_credits')}+${c('cost_provider')}+${c('cost_ci')}`;
  const margin = ({ c }: RowRefs) => `ROUND((${c('cost_ai_credits')}+${c('cost_provider')})*1000000*margin_percent/100,0)`;
  const exactSlope = ({ c }: RowRefs) => `${c('reviewed')}*(1-repair_stopped_share)*(human_cost_per_item-merge_cost_per_accepted)`;
  if (shape === 'per_merged')
    return {
      run_credits: ({ c }) => `${c('merged')}*credits_per_merged`,
      charged_credits: ({ c }) => c('run_credits'),
      cost_run_credits: ({ c }) => `ROUND(${c('merged')}*credits_per_merged*(price_per_credit*1000000),0)/1000000`,
      // Nothing merged, nothing charged: the plan's cost goes with the acceptance rate.
      cost_at_zero_acceptance: (x) => `${otherCosts(x)}+${peopleBeforeMerge(x)}`,
      // The engine prices the line's two points in whole micros; with merged credits in the slope
      // that rounding shows, so the slope is taken between the same two points: the reference rate and 0.
      acceptance_slope: ({ c }) => {
        const accepted = `${c('reviewed')}*acceptance_reference*(1-repair_stopped_share)`;
        const merged = `MIN(${c('reviewed')},${accepted}/(1-rollback_capped))`;
        return `(human_cost_per_item*${accepted}-${merged}*(rework_hours_per_merged*loaded_hourly_rate)-ROUND(${merged}*credits_per_merged*(price_per_credit*1000000),0)/1000000)/acceptance_reference`;
      },
      cost_at_zero_price: ({ c }) => `${c('ai_path_cost')}-${c('cost_run_credits')}`,
      price_slope: ({ c }) => `ROUND(${c('merged')}*credits_per_merged*(price_reference*1000000),0)/1000000/price_reference`,
    };
  if (shape === 'prepaid_balance')
    return {
      run_credits: ({ c }) => c('reviewed'),
      charged_credits: ({ c }) => c('run_credits'),
      cost_run_credits: (x) => `(${x.c('reviewed')}*(price_per_credit*1000000)+${margin(x)})/1000000`,
      cost_at_zero_acceptance: (x) => `${x.c('cost_run_credits')}+${otherCosts(x)}+${peopleBeforeMerge(x)}`,
      acceptance_slope: exactSlope,
      cost_at_zero_price: (x) => `${x.c('ai_path_cost')}-${x.c('cost_run_credits')}+${margin(x)}/1000000`,
      // The fee is not rounded: each review adds exactly the fee.
      price_slope: ({ c }) => c('charged_credits'),
    };
  return {
    run_credits: ({ c }) =>
      `${c('denied')}*credits_per_ticket_denied+${c('blocked')}*credits_per_run_blocked+(${c('runs_reached_validation')}-${c('runs_first_pass')})*credits_per_validation_failed+` +
      `${c('reviewed')}*credits_per_pr_created+MAX(0,${c('runs_first_pass')}-${c('reviewed')})*credits_per_pr_updated+${c('repair_runs')}*credits_per_continuation_run`,
    // Free credits first, in time order; with no monthly reset the allowance is what earlier months left.
    charged_credits: ({ c, above }) => {
      const used = above('run_credits');
      return `${c('run_credits')}-MAX(0,MIN(${c('run_credits')},free_credits-${used ? `IF(allowance_resets_monthly=1,0,SUM(${used}))` : '0'}))`;
    },
    cost_run_credits: ({ c }) => `ROUND(${c('charged_credits')}*(price_per_credit*1000000),0)/1000000`,
    cost_at_zero_acceptance: (x) => `${x.c('cost_run_credits')}+${otherCosts(x)}+${peopleBeforeMerge(x)}`,
    acceptance_slope: exactSlope,
    cost_at_zero_price: ({ c }) => `${c('ai_path_cost')}-${c('cost_run_credits')}`,
    // Run-credit money is whole micros (priceEvents rounds), so the slope is the rounded cost at
    // the reference price ÷ that price, as the engine takes it.
    price_slope: ({ c }) => `ROUND(${c('charged_credits')}*(price_reference*1000000),0)/1000000/price_reference`,
  };
}

const money = 'money' as const;

/**
 * The Scenario sheet's columns, each a formula mirroring shared/domain/scenario/engine.ts:
 * workMonth (the funnel), planPricer (run credits), figuresInto (the metric definitions) and
 * breakEvens. Break-even: AI-path cost is affine in the acceptance rate up to the largest rate the
 * funnel honours (the engine finds the line from two runs, here its intercept, "cost with nothing
 * accepted", and slope come straight from the funnel) and in the price per credit (the slope is
 * the run-credit cost per unit of price).
 */
function columns(s: Scenario): ColumnDef[] {
  const plan = planColumns(s.plan.shape);
  const sum = 'sum' as const;
  const breakEvenAcceptance = ({ c }: RowRefs) => {
    const rate = `${c('cost_at_zero_acceptance')}/${c('acceptance_slope')}`;
    return `IF(${c('acceptance_slope')}>0,IF(AND(${rate}>=0,${rate}<=max_acceptance_rate+1E-12),MIN(${rate},max_acceptance_rate),""),"")`;
  };
  const breakEvenPrice = ({ c }: RowRefs) => {
    const price = `(human_cost_per_item*${c('accepted')}-${c('cost_at_zero_price')})/${c('price_slope')}`;
    return `IF(${c('price_slope')}>0,IF(${price}>=0,${price},""),"")`;
  };
  const running = (self: ColumnId, of: ColumnId) => ({ c, prev }: RowRefs) => (prev(self) ? `${prev(self)}+${c(of)}` : c(of));
  const def = (id: ColumnId, header: string, format: Format, month: ColumnDef['month'], total: ColumnDef['total'] = sum): ColumnDef => ({ id, header, format, month, total });
  const costSum = ({ c }: RowRefs) => `SUM(${c('cost_run_credits')}:${c('cost_human')})`;
  const fallback = ({ c }: RowRefs) => `(${c('eligible')}-${c('accepted')})*human_cost_per_item`;
  const fee = s.plan.shape === 'prepaid_balance';
  return [
    def('month', 'Month', 'month', () => '', null),
    def('eligible', 'Eligible items', 'decimal', ({ prev }) => (prev('eligible') ? `${prev('eligible')}*(1+monthly_growth)` : 'monthly_volume')),
    def('routed', 'Routed to the AI path', 'decimal', ({ c }) => `${c('eligible')}*${clamp('ai_share')}`),
    def('denied', 'Denied before execution', 'decimal', ({ c }) => `${c('routed')}*${clamp('denied_rate')}`),
    def('executed', 'Executed', 'decimal', ({ c }) => `${c('routed')}-${c('denied')}`),
    def('blocked', 'Blocked before code changes', 'decimal', ({ c }) => `${c('executed')}*${clamp('blocked_rate')}`),
    def('worked', 'Worked (neither denied nor blocked)', 'decimal', ({ c }) => `${c('executed')}-${c('blocked')}`),
    def('repair_runs', 'Repair runs', 'decimal', ({ c }) => `${c('worked')}*repair_runs_per_worked_item`),
    def('runs', 'Runs', 'decimal', ({ c }) => `${c('executed')}+${c('repair_runs')}`),
    def('runs_reached_validation', 'Runs reaching validation', 'decimal', ({ c }) => `${c('runs')}-${c('blocked')}`),
    def('runs_first_pass', 'Runs publishing (validation passed)', 'decimal', ({ c }) => `${c('runs_reached_validation')}*(1-${clamp('validation_failed_rate')})`),
    def('reviewed', 'PR/MRs reaching review', 'decimal', ({ c }) => `${c('worked')}*${clamp('pr_created_rate')}`),
    def('accepted', 'Accepted PR/MRs', 'decimal', ({ c }) => `${c('reviewed')}*${clamp('acceptance_rate')}*(1-repair_stopped_share)`),
    def('merged', 'Merged PR/MRs', 'decimal', ({ c }) => `MIN(${c('reviewed')},${c('accepted')}/(1-rollback_capped))`),
    def('intake_hours', 'Intake hours', 'tenths', ({ c }) => `${c('routed')}*intake_hours_per_item`),
    def('review_hours', 'Review hours', 'tenths', ({ c }) => `${c('reviewed')}*review_hours_per_pr`),
    def('repair_hours', 'Repair hours', 'tenths', ({ c }) => `${c('worked')}*repair_hours_per_item`),
    def('rework_hours', 'Rework hours', 'tenths', ({ c }) => `${c('merged')}*rework_hours_per_merged`),
    def('human_hours', 'Human hours on the AI path', 'tenths', ({ c }) => `${c('intake_hours')}+${c('review_hours')}+${c('repair_hours')}+${c('rework_hours')}`),
    def('baseline_hours', 'Baseline hours of the accepted work', 'tenths', ({ c }) => `${c('accepted')}*baseline_hours_per_item`),
    def('ci_minutes', 'CI minutes', 'tenths', ({ c }) => `${c('runs')}*ci_minutes_per_run`),
    def('ai_credits', 'Cloud AI credits', 'decimal', ({ c }) => `${c('runs')}*ai_credits_per_run`),
    def('run_credits', fee ? 'Reviews charged the fee' : 'Run credits used', 'decimal', plan.run_credits),
    def('charged_credits', fee ? 'Reviews at the fee' : 'Run credits charged at the price', 'decimal', plan.charged_credits),
    def('cost_run_credits', 'Run-credit cost', money, plan.cost_run_credits),
    def('cost_ai_credits', 'Cloud AI credit cost', money, ({ c }) => `${c('runs')}*ai_credit_cost_per_run`),
    def('cost_provider', 'Provider cost', money, ({ c }) => `${c('runs')}*provider_cost_per_run`),
    def('cost_ci', 'CI cost', money, ({ c }) => `${c('ci_minutes')}*ci_price_per_minute`),
    def('cost_human', 'Human cost on the AI path', money, ({ c }) => `${c('human_hours')}*loaded_hourly_rate`),
    def('ai_path_cost', 'AI-path cost', money, costSum, costSum),
    def('human_path_cost', 'Human-path cost (every eligible item by people)', money, ({ c }) => `${c('eligible')}*human_cost_per_item`, ({ c }) => `${c('eligible')}*human_cost_per_item`),
    def('fallback_cost', 'Fallback cost (items not accepted, by people)', money, fallback, fallback),
    def('scenario_cost', 'Scenario cost (AI path + fallback)', money, ({ c }) => `${c('ai_path_cost')}+${c('fallback_cost')}`, ({ c }) => `${c('ai_path_cost')}+${c('fallback_cost')}`),
    def('net_saving', 'Net saving', money, ({ c }) => `${c('human_path_cost')}-${c('ai_path_cost')}-${c('fallback_cost')}`, ({ c }) => `${c('human_path_cost')}-${c('ai_path_cost')}-${c('fallback_cost')}`),
    def('cost_per_accepted', 'Cost per accepted PR/MR', money, ({ c }) => blankIf(`${c('accepted')}=0`, `${c('ai_path_cost')}/${c('accepted')}`), ({ c }) => blankIf(`${c('accepted')}=0`, `${c('ai_path_cost')}/${c('accepted')}`)),
    def('acceptance_rate', 'Acceptance rate', 'percent', ({ c }) => blankIf(`${c('reviewed')}=0`, `${c('accepted')}/${c('reviewed')}`), ({ c }) => blankIf(`${c('reviewed')}=0`, `${c('accepted')}/${c('reviewed')}`)),
    def('hours_freed', 'Hours freed', 'tenths', ({ c }) => `${c('baseline_hours')}-${c('human_hours')}`, ({ c }) => `${c('baseline_hours')}-${c('human_hours')}`),
    def('fte_freed', 'FTE freed', 'decimal', ({ c }) => `IF(productive_hours_per_fte>0,${c('hours_freed')}/productive_hours_per_fte,"")`, ({ c, months }) => `IF(productive_hours_per_fte>0,${c('hours_freed')}/(productive_hours_per_fte*${months}),"")`),
    def('cost_at_zero_acceptance', 'AI-path cost with nothing accepted', money, plan.cost_at_zero_acceptance),
    def('acceptance_slope', 'Saving per unit of acceptance rate', money, plan.acceptance_slope),
    def('break_even_acceptance', 'Break-even acceptance rate', 'percent', breakEvenAcceptance, breakEvenAcceptance),
    def('cost_at_zero_price', fee ? 'AI-path cost with no fee' : 'AI-path cost at a price of 0', money, plan.cost_at_zero_price),
    def('price_slope', fee ? 'Cost per unit of the fee' : 'Run-credit cost per unit of price', 'decimal', plan.price_slope),
    def('break_even_price', fee ? 'Break-even fee per review' : 'Break-even price per credit', money, breakEvenPrice, breakEvenPrice),
    def('cumulative_ai_path_cost', 'Cumulative AI-path cost', money, running('cumulative_ai_path_cost', 'ai_path_cost'), null),
    def('cumulative_human_path_cost', 'Cumulative human-path cost', money, running('cumulative_human_path_cost', 'human_path_cost'), null),
    def('cumulative_scenario_cost', 'Cumulative scenario cost', money, running('cumulative_scenario_cost', 'scenario_cost'), null),
    def('cumulative_net_saving', 'Cumulative net saving', money, running('cumulative_net_saving', 'net_saving'), null),
    def('cumulative_hours_freed', 'Cumulative hours freed', 'tenths', running('cumulative_hours_freed', 'hours_freed'), null),
  ];
}

type Values = Record<ColumnId, number | null>;

/**
 * The engine's numbers for one month (or the totals) in the sheet's columns: the cached results.
 * Figures come from the engine as they are; the few helper columns the engine does not report
 * (executed, charged credits, the break-even line) are worked out from its sums.
 */
function valuesOf(s: Scenario, x: { sums: MeasureSums; figures: PeriodResult | TotalsResult; charged: number; cumulative: PeriodResult['cumulative'] | null; month: string | null }): Values {
  const { sums: m, figures: f } = x;
  const p = (id: keyof Scenario['assumptions']) => s.assumptions[id].value;
  const stopped = repairsWithinBudget(p('repair_attempts_per_item'), p('repair_budget')).stopped;
  const rollback = Math.min(p('rollback_rate'), 0.99);
  const perMerged = s.plan.shape === 'per_merged';
  const human = p('baseline_hours_per_item') * p('loaded_hourly_rate');
  const mergeCost = (p('rework_hours_per_merged') * p('loaded_hourly_rate') + (perMerged ? s.plan.creditsPerMerged * p('price_per_credit') : 0)) / (1 - rollback);
  const margin = s.plan.shape === 'prepaid_balance' ? Math.round(((m.cost_ai_credits + m.cost_provider) * s.plan.marginPercent) / 100) : 0;
  const u = (micros: number) => micros / 1e6;
  const executed = m.records - m.tickets_denied;
  const maxAcceptance = Math.min(1, (1 - rollback) / (1 - stopped));
  const acceptanceRef = p('acceptance_rate') > 0 ? Math.min(p('acceptance_rate'), maxAcceptance) : maxAcceptance;
  const priceRef = p('price_per_credit') > 0 ? p('price_per_credit') : 1;
  const roundedMicros = (x: number) => Math.round(x) / 1e6;
  const acceptanceSlope = (() => {
    if (!perMerged) return m.mrs_reached_review * (1 - stopped) * (human - mergeCost);
    const acceptedRef = m.mrs_reached_review * acceptanceRef * (1 - stopped);
    const mergedRef = Math.min(m.mrs_reached_review, acceptedRef / (1 - rollback));
    return (human * acceptedRef - mergedRef * (p('rework_hours_per_merged') * p('loaded_hourly_rate')) - roundedMicros(mergedRef * s.plan.creditsPerMerged * (p('price_per_credit') * 1e6))) / acceptanceRef;
  })();
  const priceSlope =
    s.plan.shape === 'prepaid_balance'
      ? x.charged
      : roundedMicros((perMerged ? m.mrs_merged * s.plan.creditsPerMerged : x.charged) * (priceRef * 1e6)) / priceRef;
  return {
    month: monthSerial(x.month),
    eligible: f.eligible,
    routed: m.records,
    denied: m.tickets_denied,
    executed,
    blocked: m.runs_blocked,
    worked: executed - m.runs_blocked,
    repair_runs: m.repair_runs,
    runs: m.runs,
    runs_reached_validation: m.runs_reached_validation,
    runs_first_pass: m.runs_first_pass,
    reviewed: m.mrs_reached_review,
    accepted: m.accepted,
    merged: m.mrs_merged,
    intake_hours: m.intake_hours,
    review_hours: m.review_hours,
    repair_hours: m.repair_hours,
    rework_hours: m.rework_hours,
    human_hours: m.human_hours,
    baseline_hours: m.baseline_hours,
    ci_minutes: m.ci_minutes,
    ai_credits: m.ai_credits_used,
    run_credits: m.run_credits_used,
    charged_credits: x.charged,
    cost_run_credits: u(m.cost_run_credits),
    cost_ai_credits: u(m.cost_ai_credits),
    cost_provider: u(m.cost_provider),
    cost_ci: u(m.cost_ci),
    cost_human: u(m.cost_human),
    ai_path_cost: u(f.aiPathCostMicros),
    human_path_cost: u(f.humanPathCostMicros),
    fallback_cost: u(f.fallbackCostMicros),
    scenario_cost: u(f.scenarioCostMicros),
    net_saving: u(f.netSavingMicros),
    cost_per_accepted: f.costPerAcceptedMicros === null ? null : u(f.costPerAcceptedMicros),
    acceptance_rate: f.acceptanceRate,
    hours_freed: f.hoursFreed,
    fte_freed: f.fteFreed,
    cost_at_zero_acceptance: u(f.aiPathCostMicros - m.rework_hours * p('loaded_hourly_rate') * 1e6 - (perMerged ? m.cost_run_credits : 0)),
    acceptance_slope: acceptanceSlope,
    break_even_acceptance: f.breakEven.acceptanceRate,
    cost_at_zero_price: u(f.aiPathCostMicros - m.cost_run_credits + margin),
    price_slope: priceSlope,
    break_even_price: f.breakEven.pricePerCredit,
    cumulative_ai_path_cost: x.cumulative ? u(x.cumulative.aiPathCostMicros) : null,
    cumulative_human_path_cost: x.cumulative ? u(x.cumulative.humanPathCostMicros) : null,
    cumulative_scenario_cost: x.cumulative ? u(x.cumulative.scenarioCostMicros) : null,
    cumulative_net_saving: x.cumulative ? u(x.cumulative.netSavingMicros) : null,
    cumulative_hours_freed: x.cumulative ? x.cumulative.hoursFreed : null,
  };
}

/** Credits charged at the price per month, as priceEvents charges them (free credits first, in time order). */
function chargedCredits(s: Scenario, periods: readonly PeriodResult[]): number[] {
  let used = 0;
  return periods.map((p) => {
    const credits = p.sums.run_credits_used;
    if (s.plan.shape !== 'per_outcome') return credits;
    const before = s.plan.allowanceResets === 'monthly' ? 0 : used;
    used += credits;
    return credits - Math.max(0, Math.min(credits, s.assumptions.free_credits.value - before));
  });
}

/**
 * The engine's numbers in the sheet's cells: per month, and for the totals row either the sum of
 * the months (where the sheet sums) or the engine's totals (where it works a figure out of them).
 */
export function scenarioValues(s: Scenario, result: DeterministicResult): { months: Values[]; totals: Values } {
  const charged = chargedCredits(s, result.periods);
  const months = result.periods.map((period, i) => valuesOf(s, { sums: period.sums, figures: period, charged: charged[i]!, cumulative: period.cumulative, month: period.month }));
  const fromTotals = valuesOf(s, { sums: result.totals.sums, figures: result.totals, charged: charged.reduce((a, b) => a + b, 0), cumulative: null, month: null });
  const totals = { ...fromTotals };
  for (const d of columns(s)) {
    if (d.total === 'sum') totals[d.id] = months.reduce((n, m) => n + (m[d.id] ?? 0), 0);
    else if (d.total === null) totals[d.id] = null;
  }
  return { months, totals };
}

/**
 * The Scenario sheet: a row per month of the horizon and a totals row, every figure a live
 * formula over the named assumptions, cached with the engine's result for the same scenario.
 */
export function scenarioSheet(s: Scenario, result: DeterministicResult): SheetPlan {
  const defs = columns(s);
  const horizon = result.periods.length;
  const layout = scenarioRows(horizon);
  const refsFor = (row: number, isTotal: boolean): RowRefs => ({
    c: (id) => `${scenarioColumn(id)}${row}`,
    prev: (id) => (!isTotal && row > layout.firstMonth ? `${scenarioColumn(id)}${row - 1}` : null),
    above: (id) => (!isTotal && row > layout.firstMonth ? `${scenarioColumn(id)}$${layout.firstMonth}:${scenarioColumn(id)}${row - 1}` : null),
    months: horizon,
  });
  const values = scenarioValues(s, result);
  const rows: RowPlan[] = [{ cells: defs.map((d) => d.header), style: 'header' }];
  values.months.forEach((v, i) => {
    const refs = refsFor(layout.firstMonth + i, false);
    rows.push({ cells: defs.map((d): Cell => (d.id === 'month' ? v.month : { formula: d.month(refs), result: v[d.id] })) });
  });
  const totalRefs = refsFor(layout.totals, true);
  const range = (id: ColumnId) => `${scenarioColumn(id)}${layout.firstMonth}:${scenarioColumn(id)}${layout.lastMonth}`;
  rows.push({
    style: 'total',
    cells: defs.map((d): Cell => {
      if (d.id === 'month') return `Total (${horizon} months)`;
      if (d.total === null || !hasTotal(d.id)) return null;
      return { formula: d.total === 'sum' ? `SUM(${range(d.id)})` : d.total(totalRefs), result: values.totals[d.id] };
    }),
  });
  rows.push({ cells: [] });
  for (const note of SCENARIO_NOTES) rows.push({ cells: [note], style: 'note' });
  const columnsPlan = defs.map((d) => ({ width: 12, format: d.format }));
  const sheet: SheetPlan = { name: SCENARIO_SHEET, columns: columnsPlan, rows, frozen: { rows: 1, columns: 1 } };
  // Headers wrap in two lines, so fit to half the header or the numbers, whichever is wider.
  const widths = fitWidths({ columns: columnsPlan, rows: rows.slice(1) }, { max: 22 });
  defs.forEach((d, i) => (columnsPlan[i]!.width = Math.max(widths[i]!, Math.min(22, Math.ceil(d.header.length / 2) + 3))));
  columnsPlan[0]!.width = 18;
  return sheet;
}

const SCENARIO_NOTES = [
  'Every figure is a formula over the named assumptions (Assumptions sheet), written to mirror the scenario engine (shared/domain/scenario/engine.ts): edit an assumption and the months, totals, break-even and Summary recompute.',
  'Counts are expected values, so they have fractions. Money is in the workspace currency. Empty cells are ratios with nothing to divide by, or a break-even out of reach.',
  'Break-even: AI-path cost is a straight line in the acceptance rate (up to the largest rate the funnel can honour) and in the price per credit; the break-even is where it meets human-path cost per item × accepted.',
];

/** Address of a Scenario cell, e.g. the totals' cost per accepted. */
export const scenarioCell = (horizon: number, id: ColumnId, monthIndex: number | 'totals'): string => {
  const rows = scenarioRows(horizon);
  return address(COLUMN_INDEX.get(id)!, monthIndex === 'totals' ? rows.totals : rows.firstMonth + monthIndex);
};
