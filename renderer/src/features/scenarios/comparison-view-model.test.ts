import { describe, expect, it } from 'vitest';
import { runDeterministic } from '../../../../shared/domain/scenario';
import { exampleScenario } from '../../../../shared/domain/scenario/example';
import { AI_PART, comparisonChartOption, PEOPLE_PART } from './comparison-chart-option';
import { parse } from 'csv-parse/sync';
import { comparisonColumns, comparisonCsv, comparisonRows, MAX_COMPARED } from './comparison-view-model';

const today = exampleScenario({}, { name: 'Today', horizonMonths: 12 });
const better = exampleScenario({ acceptance_rate: 0.95 }, { name: 'Better acceptance', horizonMonths: 24 });
const costly = exampleScenario({ price_per_credit: 40, free_credits: 0 }, { name: 'Costly plan' });

describe('comparison', () => {
  const columns = comparisonColumns(today, true, [{ scenario: better, unsaved: false }, { scenario: costly, unsaved: false }], 12);

  it('puts the human-only baseline first and runs every column over the selected horizon', () => {
    expect(columns.map((c) => [c.name, c.kind, c.unsaved])).toEqual([
      ['Human-only baseline', 'baseline', false],
      ['Today', 'selected', true],
      ['Better acceptance', 'compared', false],
      ['Costly plan', 'compared', false],
    ]);
    expect(columns.every((c) => c.result.periods.length === 12)).toBe(true);
    expect(columns[2]!.result.totals).toEqual(runDeterministic(better, 12).totals);
    const baseline = columns[0]!.result.totals;
    expect(baseline.scenarioCostMicros).toBeCloseTo(columns[1]!.result.totals.humanPathCostMicros, 3);
    expect(baseline.netSavingMicros).toBeCloseTo(0, 6);
  });

  it('writes the table as CSV: a line per figure, a column per scenario, money in major units, blanks kept', () => {
    const [header, ...lines] = parse(comparisonCsv(columns, 'GBP')) as string[][];
    expect(header).toEqual(['figure', 'unit', 'Human-only baseline', 'Today (unsaved)', 'Better acceptance', 'Costly plan']);
    expect(lines.map((l) => l[0])).toEqual(comparisonRows(columns).map((r) => r.label));
    const line = (label: string) => lines.find((l) => l[0] === label)!;
    expect(line('Net saving').slice(1, 2)).toEqual(['GBP']);
    expect(Number(line('Net saving')[4])).toBe(Math.round(runDeterministic(better, 12).totals.netSavingMicros / 10_000) / 100);
    expect(line('Acceptance rate')).toEqual(['Acceptance rate', 'share', '', String(today.assumptions.acceptance_rate.value), '0.95', String(costly.assumptions.acceptance_rate.value)]);
    expect(line('Price per PR/MR')[5]).toBe('40');
  });

  it('marks the best AI-path scenario per figure, and leaves AI-only figures blank for the baseline', () => {
    const rows = Object.fromEntries(comparisonRows(columns).map((r) => [r.id, r]));
    expect(rows['net_saving']!.best).toBe(2);
    expect(rows['scenario_cost']!.best).toBe(2);
    expect(rows['acceptance_rate']!.cells[0]).toEqual({ text: '—', value: null });
    expect(rows['acceptance_rate']!.cells[2]!.text).toBe('95.0%');
    expect(rows['break_even_price']!.cells[0]!.value).toBeNull();
    expect(rows['routed']!.cells[0]!.value).toBe(0);
    // One scenario alone has nothing to be best against.
    expect(comparisonRows(comparisonColumns(today, false, [], 12)).every((r) => r.best === null)).toBe(true);
  });

  it('keeps at most MAX_COMPARED scenarios beside the selected one', () => {
    const many = Array.from({ length: MAX_COMPARED + 2 }, (_, i) => ({ scenario: { ...today, name: `S${i}` }, unsaved: false }));
    expect(comparisonColumns(today, false, many, 6)).toHaveLength(MAX_COMPARED + 2);
  });

  it('charts each column’s cost as the AI path’s share and the people’s', () => {
    const option = comparisonChartOption(columns, 'GBP');
    const series = option.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((x) => x.name)).toEqual([AI_PART, PEOPLE_PART]);
    expect(series[0]!.data[1]! + series[1]!.data[1]!).toBeCloseTo(columns[1]!.result.totals.scenarioCostMicros, 3);
    expect(series[0]!.data[0]).toBe(0);
  });
});
