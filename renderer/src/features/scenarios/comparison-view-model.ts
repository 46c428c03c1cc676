import { toCsv } from '../../../../shared/domain/csv';
import { runDeterministic, type DeterministicResult, type Scenario } from '../../../../shared/domain/scenario';
import { microsToMajor } from '../../../../shared/domain/money';
import { NO_VALUE, formatDecimal, formatHours, formatPercent } from '../../lib/format';
import { formatMoneyValue } from './assumption-model';
import { humanOnly, money } from './results-view-model';

/** The most scenarios compared beside the selected one: more columns stop fitting a laptop screen. */
export const MAX_COMPARED = 4;

export type CompareColumn = {
  id: string;
  name: string;
  kind: 'baseline' | 'selected' | 'compared';
  /** Shown with its unsaved edits. */
  unsaved: boolean;
  scenario: Scenario;
  result: DeterministicResult;
};

/**
 * The columns of the comparison: the human-only baseline (the selected scenario with nothing routed
 * to the AI path), the selected scenario, and the compared ones, each run over the selected
 * scenario's horizon so the totals cover the same months.
 */
export function comparisonColumns(selected: Scenario, selectedUnsaved: boolean, compared: readonly { scenario: Scenario; unsaved: boolean }[], horizon: number): CompareColumn[] {
  const baseline = humanOnly(selected);
  return [
    { id: 'baseline', name: 'Human-only baseline', kind: 'baseline', unsaved: false, scenario: baseline, result: runDeterministic(baseline, horizon) },
    { id: `s:${selected.name}`, name: selected.name, kind: 'selected', unsaved: selectedUnsaved, scenario: selected, result: runDeterministic(selected, horizon) },
    ...compared.slice(0, MAX_COMPARED).map(
      (c): CompareColumn => ({ id: `c:${c.scenario.name}`, name: c.scenario.name, kind: 'compared', unsaved: c.unsaved, scenario: c.scenario, result: runDeterministic(c.scenario, horizon) }),
    ),
  ];
}

export type CompareRow = {
  id: string;
  label: string;
  unit: RowDef['unit'];
  cells: { text: string; value: number | null }[];
  /** Index of the column with the best value (lowest cost, highest saving), or null when it means nothing. */
  best: number | null;
};

type RowDef = {
  id: string;
  label: string;
  get: (c: CompareColumn) => number | null;
  format: (v: number | null, c: CompareColumn) => string;
  better?: 'low' | 'high';
  /** Means nothing for the human-only baseline (it routes nothing to the AI path). */
  aiOnly?: true;
  /** What a CSV cell holds: money (micros on screen, major units in the file), a share, hours, FTE or items. */
  unit: 'micros' | 'money' | 'share' | 'hours' | 'fte' | 'items';
};

const pct = (v: number | null) => (v === null ? NO_VALUE : formatPercent(v));
const cash = (v: number | null, c: CompareColumn) => money(v, c.scenario.currency);
const count = (v: number | null) => (v === null ? NO_VALUE : formatDecimal(v, 1));

const ROWS: readonly RowDef[] = [
  { id: 'acceptance_rate', unit: 'share', label: 'Acceptance rate', get: (c) => c.scenario.assumptions.acceptance_rate.value, format: pct, aiOnly: true },
  { id: 'price', unit: 'money', label: 'Price per PR/MR', get: (c) => c.scenario.assumptions.price_per_credit.value, format: (v, c) => (v === null ? NO_VALUE : formatMoneyValue(v, c.scenario.currency)), aiOnly: true },
  { id: 'eligible', unit: 'items', label: 'Eligible items', get: (c) => c.result.totals.eligible, format: count },
  { id: 'routed', unit: 'items', label: 'Routed to the AI path', get: (c) => c.result.totals.routed, format: count },
  { id: 'accepted', unit: 'items', label: 'Accepted PR/MRs', get: (c) => c.result.totals.accepted, format: count },
  { id: 'ai_path_cost', unit: 'micros', label: 'AI-path cost', get: (c) => c.result.totals.aiPathCostMicros, format: cash },
  { id: 'fallback_cost', unit: 'micros', label: 'Items left to people', get: (c) => c.result.totals.fallbackCostMicros, format: cash },
  { id: 'scenario_cost', unit: 'micros', label: 'Cost with the AI path', get: (c) => c.result.totals.scenarioCostMicros, format: cash, better: 'low' },
  { id: 'net_saving', unit: 'micros', label: 'Net saving', get: (c) => c.result.totals.netSavingMicros, format: cash, better: 'high' },
  { id: 'cost_per_accepted', unit: 'micros', label: 'Cost per accepted PR/MR', get: (c) => c.result.totals.costPerAcceptedMicros, format: cash, better: 'low' },
  { id: 'hours_freed', unit: 'hours', label: 'Hours freed', get: (c) => c.result.totals.hoursFreed, format: (v) => (v === null ? NO_VALUE : formatHours(v)), better: 'high' },
  { id: 'fte_freed', unit: 'fte', label: 'FTE freed a month', get: (c) => c.result.totals.fteFreed, format: (v) => (v === null ? NO_VALUE : formatDecimal(v, 2)) },
  { id: 'break_even_acceptance', unit: 'share', label: 'Break-even acceptance rate', get: (c) => c.result.totals.breakEven.acceptanceRate, format: pct, aiOnly: true },
  { id: 'break_even_price', unit: 'money', label: 'Break-even price per PR/MR', get: (c) => c.result.totals.breakEven.pricePerCredit, format: (v, c) => (v === null ? NO_VALUE : formatMoneyValue(v, c.scenario.currency)), aiOnly: true },
];

/** The comparison table's rows; the best column is marked only among the AI-path scenarios, and only when there are two or more. */
export function comparisonRows(columns: readonly CompareColumn[]): CompareRow[] {
  return ROWS.map((row) => {
    const values = columns.map((c) => (c.kind === 'baseline' && row.aiOnly ? null : row.get(c)));
    let best: number | null = null;
    if (row.better !== undefined && columns.filter((c) => c.kind !== 'baseline').length > 1) {
      values.forEach((v, i) => {
        if (v === null || columns[i]!.kind === 'baseline') return;
        const current = best === null ? null : values[best]!;
        if (current === null || (row.better === 'low' ? v < current : v > current)) best = i;
      });
    }
    return { id: row.id, label: row.label, unit: row.unit, cells: values.map((v, i) => ({ text: row.format(v, columns[i]!), value: v })), best };
  });
}

/**
 * The comparison as CSV: a line per figure, a column per scenario as shown (unsaved edits marked),
 * money in major units of the scenarios' currency; blank where a figure means nothing.
 */
export function comparisonCsv(columns: readonly CompareColumn[], currency: string): string {
  const unitText = (unit: RowDef['unit']) => (unit === 'micros' || unit === 'money' ? currency : unit);
  return toCsv(
    ['figure', 'unit', ...columns.map((c) => (c.unsaved ? `${c.name} (unsaved)` : c.name))],
    comparisonRows(columns).map((r) => [r.label, unitText(r.unit), ...r.cells.map((c) => (r.unit === 'micros' && c.value !== null ? microsToMajor(c.value, currency) : c.value))]),
  );
}
