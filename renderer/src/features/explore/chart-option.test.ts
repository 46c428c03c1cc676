import { describe, expect, it } from 'vitest';
import { chartData, pivotChartOption, stackable } from './chart-option';
import { dimensionFixtures, measureFixture, samplePivot } from './pivot-fixture';
import { memberLabeler } from './pivot-labels';
import { totalRow, visibleRows } from './pivot-view-model';

const label = memberLabeler(dimensionFixtures(['team', 'issue_type', 'quarter', 'month']));
const noTime = new Set<string>();

describe('chart data', () => {
  it('charts the innermost shown rows by the leaf columns, without subtotals or totals', () => {
    const result = samplePivot();
    const data = chartData({ result, rows: visibleRows(result.rows, new Set()), total: totalRow(result.rows), measureIndex: 0, label, timeDims: noTime });
    expect(data.categories).toEqual(['Data / Bug', 'Data / Story', 'Mobile / (no ticket)']);
    expect(data.series).toEqual([
      { name: 'Q1 2026', values: [1, 2, 4] },
      { name: 'Q2 2026', values: [2, 3, null] },
    ]);
    expect(data.rowsOnX).toBe(true);
  });

  it('a collapsed group stands for its rows with its subtotal', () => {
    const result = samplePivot();
    const data = chartData({ result, rows: visibleRows(result.rows, new Set(['["Data"]'])), total: totalRow(result.rows), measureIndex: 0, label, timeDims: noTime });
    expect(data.categories).toEqual(['Data', 'Mobile / (no ticket)']);
    expect(data.series[0]!.values).toEqual([3, 4]);
  });

  it('puts time along the x axis when it is on the columns', () => {
    const result = samplePivot();
    const data = chartData({ result, rows: visibleRows(result.rows, new Set()), total: totalRow(result.rows), measureIndex: 1, label, timeDims: new Set(['quarter']) });
    expect(data.rowsOnX).toBe(false);
    expect(data.categories).toEqual(['Q1 2026', 'Q2 2026']);
    expect(data.series[0]).toEqual({ name: 'Data / Bug', values: [300_000_000, 150_000_000] });
  });
});

describe('chart option', () => {
  it('plots money in major units, stacks only on request, and draws a heatmap with its colour scale', () => {
    const result = samplePivot();
    const data = chartData({ result, rows: visibleRows(result.rows, new Set()), total: totalRow(result.rows), measureIndex: 1, label, timeDims: noTime });
    const bar = pivotChartOption(data, 'bar', result.measures[1]!, 'GBP');
    expect((bar.series as { type: string; data: unknown[]; stack?: string }[])[0]).toMatchObject({ type: 'bar', data: [300, 150, 250] });
    expect((bar.series as { stack?: string }[])[0]!.stack).toBeUndefined();
    const stacked = pivotChartOption(data, 'stacked', result.measures[1]!, 'GBP');
    expect((stacked.series as { stack?: string }[]).every((s) => s.stack === 'total')).toBe(true);
    const heat = pivotChartOption(data, 'heatmap', result.measures[1]!, 'GBP');
    const series = (heat.series as { type: string; data: unknown[] }[])[0]!;
    expect(series.type).toBe('heatmap');
    expect(series.data).toContainEqual([0, 0, 300]);
    expect(heat.visualMap).toMatchObject({ min: 66.66666667, max: 300 });
  });

  it('offers stacks only for figures that add up', () => {
    expect(stackable(measureFixture('accepted'))).toBe(true);
    expect(stackable(measureFixture('records'))).toBe(true);
    expect(stackable(measureFixture('cost_per_accepted'))).toBe(false);
    expect(stackable(measureFixture('hours_freed'))).toBe(false);
  });
});
