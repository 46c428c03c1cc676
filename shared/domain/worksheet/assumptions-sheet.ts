import type { PlanRules } from '../plans';
import { repairsWithinBudget } from '../scenario/engine';
import { ASSUMPTION_IDS, ASSUMPTIONS, type AssumptionUnit, type Scenario } from '../scenario/schema';
import { absolute, fitWidths, monthSerial, type Cell, type DefinedName, type Format, type RowPlan, type SheetPlan } from './cells';

export const ASSUMPTIONS_SHEET = 'Assumptions';

/** Column of the value cell every name points at (D). */
const VALUE_COLUMN = 4;

const FORMAT_OF_UNIT: Record<AssumptionUnit, Format> = {
  items: 'quantity',
  people: 'quantity',
  share: 'share',
  growth: 'share',
  runs: 'quantity',
  credits: 'quantity',
  money: 'price',
  minutes: 'quantity',
  hours: 'quantity',
};

/**
 * The plan's rules that are numbers, as named cells next to the assumptions, so finance can edit
 * them too. Which ones exist depends on the plan's shape: the Scenario sheet's run-credit formulas
 * are written for that shape (a shape is a choice of formula, not a number).
 */
export function planRuleCells(plan: PlanRules): { name: string; label: string; value: number; unit?: string; note: string }[] {
  const cpe = (type: string) => plan.creditsPerEvent[type] ?? 0;
  if (plan.shape === 'per_merged') return [{ name: 'credits_per_merged', label: 'Credits per merged PR/MR', value: plan.creditsPerMerged, note: 'charged when the merge happens; no free allowance' }];
  if (plan.shape === 'prepaid_balance')
    return [{ name: 'margin_percent', label: 'Margin on model cost (%)', value: plan.marginPercent, unit: '%', note: 'the balance is debited by the fee per review (price_per_credit) plus the model cost marked up by this margin' }];
  return [
    { name: 'credits_per_ticket_denied', label: 'Credits per ticket denied', value: cpe('ticket_denied'), note: 'run credits each event type consumes' },
    { name: 'credits_per_run_blocked', label: 'Credits per run blocked', value: cpe('run_blocked'), note: '' },
    { name: 'credits_per_validation_failed', label: 'Credits per validation failed', value: cpe('validation_failed'), note: '' },
    { name: 'credits_per_pr_created', label: 'Credits per PR/MR created', value: cpe('pr_created'), note: '' },
    { name: 'credits_per_pr_updated', label: 'Credits per PR/MR updated', value: cpe('pr_updated'), note: 'repair runs that publish again' },
    { name: 'credits_per_continuation_run', label: 'Credits per continuation run', value: cpe('continuation_run'), note: '' },
    {
      name: 'allowance_resets_monthly',
      label: 'Free allowance resets monthly (1) or never (0)',
      value: plan.allowanceResets === 'monthly' ? 1 : 0,
      unit: '1 monthly, 0 never',
      note: 'never: the free credits are used up once, across the horizon',
    },
  ];
}

/**
 * Values derived from the assumptions that several Scenario formulas share, as named formula
 * cells; each mirrors a line of shared/domain/scenario/engine.ts (named in its note).
 */
function derivedCells(s: Scenario, plan: PlanRules): { name: string; label: string; formula: string; value: number; format: Format; note: string }[] {
  const v = (id: (typeof ASSUMPTION_IDS)[number]) => s.assumptions[id].value;
  const mean = v('repair_attempts_per_item');
  const budget = Math.max(0, Math.floor(v('repair_budget')));
  const q = mean / (1 + mean);
  const repairs = repairsWithinBudget(mean, v('repair_budget'));
  const rollback = Math.min(v('rollback_rate'), 0.99);
  const perMergedCredit = plan.shape === 'per_merged' ? plan.creditsPerMerged * v('price_per_credit') : 0;
  return [
    { name: 'repair_budget_runs', label: 'Repair budget in whole runs', formula: 'MAX(0,INT(repair_budget))', value: budget, format: 'quantity', note: 'repairsWithinBudget: b = max(0, floor(budget))' },
    { name: 'repair_q', label: 'Chance of one more repair run', formula: 'repair_attempts_per_item/(1+repair_attempts_per_item)', value: q, format: 'decimal', note: 'repair runs are geometric with the given mean: q = mean / (1 + mean)' },
    {
      name: 'repair_runs_per_worked_item',
      label: 'Repair runs per worked item within the budget',
      formula: 'IF(repair_attempts_per_item<=0,0,repair_q*(1-repair_q^repair_budget_runs)/(1-repair_q))',
      value: repairs.runs,
      format: 'decimal',
      note: 'E[min(X, b)] = q(1 − q^b)/(1 − q)',
    },
    {
      name: 'repair_stopped_share',
      label: 'Share of worked items stopped at the repair budget',
      formula: 'IF(repair_attempts_per_item<=0,0,repair_q^repair_budget_runs*repair_q)',
      value: repairs.stopped,
      format: 'share',
      note: 'P(X > b) = q^(b+1); stopped items are not accepted',
    },
    { name: 'rollback_capped', label: 'Rollback rate as the funnel uses it', formula: 'MIN(rollback_rate,0.99)', value: rollback, format: 'share', note: 'min(rollback_rate, 0.99)' },
    {
      name: 'max_acceptance_rate',
      label: 'Largest acceptance rate the funnel can honour',
      formula: 'MIN(1,(1-rollback_capped)/(1-repair_stopped_share))',
      value: Math.min(1, (1 - rollback) / (1 - repairs.stopped)),
      format: 'share',
      note: 'merged PR/MRs cannot outnumber those reviewed (maxAcceptance)',
    },
    {
      name: 'acceptance_reference',
      label: 'Acceptance rate the break-even line is drawn through',
      formula: 'IF(acceptance_rate>0,MIN(acceptance_rate,max_acceptance_rate),max_acceptance_rate)',
      value: v('acceptance_rate') > 0 ? Math.min(v('acceptance_rate'), Math.min(1, (1 - rollback) / (1 - repairs.stopped))) : Math.min(1, (1 - rollback) / (1 - repairs.stopped)),
      format: 'share',
      note: 'runDeterministic: the acceptance rate, or the largest the funnel honours when it is 0 or above that',
    },
    {
      name: 'price_reference',
      label: 'Price the break-even line is drawn through',
      formula: 'IF(price_per_credit>0,price_per_credit,1)',
      value: v('price_per_credit') > 0 ? v('price_per_credit') : 1,
      format: 'price',
      note: 'runDeterministic: the price per credit, or 1 when it is 0',
    },
    {
      name: 'human_cost_per_item',
      label: 'Human-path cost per item',
      formula: 'baseline_hours_per_item*loaded_hourly_rate',
      value: v('baseline_hours_per_item') * v('loaded_hourly_rate'),
      format: 'price',
      note: 'baseline hours × loaded hourly rate',
    },
    {
      name: 'merge_cost_per_accepted',
      label: 'AI-path cost each accepted PR/MR adds',
      formula: plan.shape === 'per_merged' ? '(rework_hours_per_merged*loaded_hourly_rate+credits_per_merged*price_per_credit)/(1-rollback_capped)' : 'rework_hours_per_merged*loaded_hourly_rate/(1-rollback_capped)',
      value: (v('rework_hours_per_merged') * v('loaded_hourly_rate') + perMergedCredit) / (1 - rollback),
      format: 'price',
      note: `1 ÷ (1 − rollback) merges per accepted, each with its rework hours${plan.shape === 'per_merged' ? ' and merged credits' : ''}: how AI-path cost rises with the acceptance rate`,
    },
  ];
}

const HEADER = ['Assumption', 'Name', 'Group', 'Value', 'Unit', 'Low', 'Likely', 'High', 'Source', 'Evidence (records)', 'Evidence from', 'Evidence to', 'Evidence'];
const COLUMN_FORMATS: Format[] = ['text', 'text', 'text', 'quantity', 'text', 'quantity', 'quantity', 'quantity', 'text', 'count', 'month', 'month', 'text'];

/**
 * The Assumptions sheet: one row per scenario assumption with its value, range and evidence; each
 * value cell is a workbook name (the assumption's id), so formulas read `acceptance_rate`, not D9.
 * Below them the plan's rules and the derived values, also named.
 */
export function assumptionsSheet(s: Scenario): { sheet: SheetPlan; names: DefinedName[] } {
  const rows: RowPlan[] = [{ cells: HEADER, style: 'header' }];
  const names: DefinedName[] = [];
  const name = (id: string) => names.push({ name: id, sheet: ASSUMPTIONS_SHEET, cell: absolute(VALUE_COLUMN, rows.length + 1) });
  const blank = (n: number): Cell[] => Array.from({ length: n }, () => null);

  for (const id of ASSUMPTION_IDS) {
    const def = ASSUMPTIONS[id];
    const a = s.assumptions[id];
    const format = FORMAT_OF_UNIT[def.unit];
    const num = (x: number | undefined): Cell => (x === undefined ? null : { value: x, format });
    name(id);
    rows.push({
      cells: [
        def.label,
        id,
        def.group,
        { value: a.value, format, input: true },
        def.unit === 'money' ? s.currency : def.unit,
        num(a.low),
        num(a.likely),
        num(a.high),
        a.source,
        a.evidence.records,
        monthSerial(a.evidence.from),
        monthSerial(a.evidence.to),
        a.evidence.note,
      ],
    });
  }

  rows.push({ cells: [] });
  rows.push({ cells: [`Plan ${s.plan.name}: ${s.plan.shape.replace('_', ' ')}${s.plan.shape === 'per_outcome' ? `, free allowance resets ${s.plan.allowanceResets}` : ''}`], style: 'section' });
  for (const rule of planRuleCells(s.plan)) {
    name(rule.name);
    rows.push({ cells: [rule.label, rule.name, 'Plan', { value: rule.value, format: 'quantity', input: true }, rule.unit ?? 'credits', ...blank(3), 'plan', null, null, null, rule.note] });
  }

  rows.push({ cells: [] });
  rows.push({ cells: ['Derived from the values above (formulas: edit the values, not these)'], style: 'section' });
  for (const d of derivedCells(s, s.plan)) {
    name(d.name);
    rows.push({ cells: [d.label, d.name, 'Derived', { formula: d.formula, result: d.value, format: d.format }, d.format === 'money' || d.format === 'price' ? s.currency : '', ...blank(3), 'formula', null, null, null, d.note] });
  }

  const columns = COLUMN_FORMATS.map((format) => ({ width: 10, format }));
  const sheet: SheetPlan = { name: ASSUMPTIONS_SHEET, columns, rows, frozen: { rows: 1, columns: 1 } };
  fitWidths(sheet, { max: 48 }).forEach((w, i) => (columns[i]!.width = i === 12 ? 80 : w));
  return { sheet, names };
}
