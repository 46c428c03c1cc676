import type { DeterministicResult, Scenario } from '../scenario/schema';
import { absolute, address, fitWidths, sheetRef, type Cell, type ColumnPlan, type Format, type RowPlan, type SheetPlan } from './cells';
import { COST_LINES_SHEET, type CostLinesColumnId, type CostLinesLayout, type WorksheetRecord } from './cost-lines-sheet';
import { SCENARIO_SHEET, scenarioCell, scenarioValues, type ColumnId } from './scenario-sheet';

export const SUMMARY_SHEET = 'Summary';

/** The headline figures, in Summary row order; each has an observed side (Cost lines), a scenario side (Scenario totals), or both. */
export const SUMMARY_FIGURES = [
  'records',
  'reached_review',
  'accepted',
  'acceptance_rate',
  'ai_path_cost',
  'cost_per_accepted',
  'human_cost_per_item',
  'human_path_cost',
  'net_saving',
  'hours_freed',
  'fte_freed',
  'break_even_acceptance',
  'break_even_price',
] as const;
export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];

export type SummaryInput = {
  title: string;
  about: [string, Cell][];
  scenario: Scenario;
  result: DeterministicResult;
  scenarioLabel: string;
  observedLabel: string;
  records: readonly WorksheetRecord[];
  costLines: CostLinesLayout;
  productiveHoursPerFte: number;
};

/** Rows of the Summary: title in 1, the table's header in 2, figures from 3. */
export const summaryRow = (figure: SummaryFigure): number => 3 + SUMMARY_FIGURES.indexOf(figure);
/** Column of the observed figures (B) and of the scenario's (C). */
export const SUMMARY_OBSERVED = 2;
export const SUMMARY_SCENARIO = 3;
export const summaryCell = (figure: SummaryFigure, side: 'observed' | 'scenario'): string => address(side === 'observed' ? SUMMARY_OBSERVED : SUMMARY_SCENARIO, summaryRow(figure));

/** The records' sums and metrics as metrics:get computes them (ratios of sums; money from micros). */
export function observedFigures(records: readonly WorksheetRecord[], productiveHoursPerFte: number) {
  let reached = 0;
  let accepted = 0;
  let micros = 0;
  let human = 0;
  let baseline = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const r of records) {
    reached += r.reachedReview;
    accepted += r.accepted;
    micros += r.costRunCreditsMicros + r.costAiCreditsMicros + r.costProviderMicros + r.costCiMicros + r.costHumanMicros;
    human += r.humanHours;
    baseline += r.baselineHours;
    if (first === null || r.month < first) first = r.month;
    if (last === null || r.month > last) last = r.month;
  }
  const months = first && last ? (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1 : 0;
  const hoursFreed = baseline - human;
  return {
    records: records.length,
    reachedReview: reached,
    accepted,
    aiPathCost: micros / 1e6,
    costPerAccepted: accepted === 0 ? null : micros / 1e6 / accepted,
    acceptanceRate: reached === 0 ? null : accepted / reached,
    hoursFreed,
    months,
    fteFreed: months > 0 && productiveHoursPerFte > 0 ? hoursFreed / (productiveHoursPerFte * months) : null,
  };
}

/**
 * The Summary sheet: the headline figures side by side, the pilot's records as observed (formulas
 * over the Cost lines totals) and the scenario over its horizon (formulas reading the Scenario
 * totals), then what the workbook rests on.
 */
export function summarySheet(x: SummaryInput): SheetPlan {
  const cl = (id: CostLinesColumnId) => `${sheetRef(COST_LINES_SHEET)}!${x.costLines.cell(id, x.costLines.totals)}`;
  const sc = (id: ColumnId) => `${sheetRef(SCENARIO_SHEET)}!${scenarioCell(x.result.periods.length, id, 'totals')}`;
  const obs = observedFigures(x.records, x.productiveHoursPerFte);
  const totals = scenarioValues(x.scenario, x.result).totals;
  const me = (figure: SummaryFigure) => summaryCell(figure, 'observed');

  // The about block sits under the figures; two of its cells feed the observed FTE.
  const aboutStart = summaryRow('break_even_price') + 3;
  const productiveRow = aboutStart + x.about.length;
  const monthsRow = productiveRow + 1;
  const productive = absolute(2, productiveRow);
  const months = absolute(2, monthsRow);
  const monthColumn = `${sheetRef(COST_LINES_SHEET)}!${x.costLines.range('month')}`;

  type Line = { figure: SummaryFigure; label: string; format: Format; observed: Cell; scenario: Cell; how: string };
  const f = (formula: string, result: number | null): Cell => ({ formula, result });
  const lines: Line[] = [
    { figure: 'records', label: 'Work items on the AI path (records)', format: 'tenths', observed: f(x.records.length ? `COUNT(${monthColumn})` : '0', obs.records), scenario: f(sc('routed'), totals.routed), how: 'records in scope; scenario: items routed to the AI path' },
    { figure: 'reached_review', label: 'PR/MRs that reached review', format: 'tenths', observed: f(cl('reachedReview'), obs.reachedReview), scenario: f(sc('reviewed'), totals.reviewed), how: 'sum over the records' },
    { figure: 'accepted', label: 'Accepted PR/MRs', format: 'tenths', observed: f(cl('accepted'), obs.accepted), scenario: f(sc('accepted'), totals.accepted), how: 'merged and not rolled back within the rollback window' },
    {
      figure: 'acceptance_rate',
      label: 'Acceptance rate',
      format: 'percent',
      observed: f(`IF(${me('reached_review')}=0,"",${me('accepted')}/${me('reached_review')})`, obs.acceptanceRate),
      scenario: f(sc('acceptance_rate'), totals.acceptance_rate),
      how: 'accepted ÷ PR/MRs that reached review',
    },
    { figure: 'ai_path_cost', label: 'AI-path cost', format: 'money', observed: f(cl('total'), obs.aiPathCost), scenario: f(sc('ai_path_cost'), totals.ai_path_cost), how: 'run credits, cloud AI credits, provider, CI and human hours, failed and rejected work included' },
    {
      figure: 'cost_per_accepted',
      label: 'Cost per accepted PR/MR',
      format: 'money',
      observed: f(`IF(${me('accepted')}=0,"",${me('ai_path_cost')}/${me('accepted')})`, obs.costPerAccepted),
      scenario: f(sc('cost_per_accepted'), totals.cost_per_accepted),
      how: 'AI-path cost ÷ accepted (a ratio of sums)',
    },
    { figure: 'human_cost_per_item', label: 'Human-path cost per item', format: 'money', observed: null, scenario: f('human_cost_per_item', x.scenario.assumptions.baseline_hours_per_item.value * x.scenario.assumptions.loaded_hourly_rate.value), how: 'baseline hours × loaded hourly rate' },
    { figure: 'human_path_cost', label: 'Human-path cost (every eligible item by people)', format: 'money', observed: null, scenario: f(sc('human_path_cost'), totals.human_path_cost), how: 'eligible items × human-path cost per item' },
    { figure: 'net_saving', label: 'Net saving', format: 'money', observed: null, scenario: f(sc('net_saving'), totals.net_saving), how: 'human-path cost − AI-path cost − items not accepted done by people' },
    { figure: 'hours_freed', label: 'Hours freed', format: 'tenths', observed: f(`${cl('baselineHours')}-${cl('humanHours')}`, obs.hoursFreed), scenario: f(sc('hours_freed'), totals.hours_freed), how: 'baseline hours of the accepted work − human hours spent on the AI path' },
    {
      figure: 'fte_freed',
      label: 'Capacity freed (FTE)',
      format: 'decimal',
      observed: f(`IF(AND(${months}>0,${productive}>0),${me('hours_freed')}/(${productive}*${months}),"")`, obs.fteFreed),
      scenario: f(sc('fte_freed'), totals.fte_freed),
      how: 'hours freed ÷ (productive hours per FTE per month × months)',
    },
    { figure: 'break_even_acceptance', label: 'Break-even acceptance rate', format: 'percent', observed: null, scenario: f(sc('break_even_acceptance'), totals.break_even_acceptance), how: 'where AI-path cost per accepted equals human-path cost per item; empty when out of reach' },
    {
      figure: 'break_even_price',
      label: x.scenario.plan.shape === 'prepaid_balance' ? 'Break-even fee per review' : 'Break-even price per credit',
      format: 'money',
      observed: null,
      scenario: f(sc('break_even_price'), totals.break_even_price),
      how: 'the price at which AI-path cost per accepted equals human-path cost per item',
    },
  ];

  const rows: RowPlan[] = [
    { cells: [x.title], style: 'title' },
    { cells: ['Figure', x.observedLabel, x.scenarioLabel, 'How it is computed'], style: 'header' },
  ];
  for (const line of lines) {
    const fmt = (c: Cell): Cell => (c === null ? null : typeof c === 'object' ? { ...c, format: line.format } : c);
    rows.push({ cells: [line.label, fmt(line.observed), fmt(line.scenario), line.how] });
  }
  rows.push({ cells: [] });
  rows.push({ cells: ['About this workbook'], style: 'section' });
  for (const [label, value] of x.about) rows.push({ cells: [label, value] });
  rows.push({ cells: ['Productive hours per FTE per month (workspace setting; the observed FTE uses it)', { value: x.productiveHoursPerFte, format: 'tenths' }] });
  rows.push({ cells: ['Months the records cover', f(x.records.length ? `IF(COUNT(${monthColumn})=0,0,(YEAR(MAX(${monthColumn}))-YEAR(MIN(${monthColumn})))*12+MONTH(MAX(${monthColumn}))-MONTH(MIN(${monthColumn}))+1)` : '0', obs.months)] });
  rows.push({ cells: [] });
  for (const note of SUMMARY_NOTES) rows.push({ cells: [note], style: 'note' });

  const columns: ColumnPlan[] = [
    { width: 44, format: 'text' },
    { width: 22, format: 'text' },
    { width: 22, format: 'text' },
    { width: 60, format: 'text' },
  ];
  const sheet: SheetPlan = { name: 'Summary', columns, rows, frozen: { rows: 2, columns: 1 } };
  const widths = fitWidths(sheet, { max: 70, skipRows: new Set(rows.map((_, i) => i).filter((i) => i >= aboutStart - 1)) });
  columns.forEach((c, i) => (c.width = Math.max(c.width, widths[i]!)));
  return sheet;
}

const SUMMARY_NOTES = [
  'Edit the values on the Assumptions sheet (yellow cells, each a named range such as acceptance_rate or price_per_credit): the Scenario sheet and the scenario column here recompute.',
  'The observed column adds up the Cost lines sheet, one row per accepted-work record; money is in the workspace currency, converted with the rates on the Sources sheet.',
];
