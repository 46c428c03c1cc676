import { describe, expect, it } from 'vitest';
import type { PivotResult, PivotRow } from '../../../../shared/domain/pivot/result';
import { dimensionFixtures, measureFixture, samplePivot } from '../explore/pivot-fixture';
import { dimensionLabel, memberLabeler } from '../explore/pivot-labels';
import { gridKey, valueColId } from '../explore/pivot-view-model';
import { pivotSlideTable, TABLE_MAX_COLUMNS, TABLE_MAX_ROWS } from './pivot-slide-table';

const dims = dimensionFixtures(['team', 'issue_type', 'quarter', 'month']);
const label = memberLabeler(dims);
const dimLabel = (d: Parameters<typeof dimensionLabel>[1]) => dimensionLabel(dims, d);
const noTime = new Set<string>();

/** Teams (and, with `types`, issue types within them) by months, accepted only; every cell 1. */
function widePivot(teams: number, types: number, months: number): PivotResult {
  const months_ = Array.from({ length: months }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
  const columns = [...months_.map((m) => ({ key: JSON.stringify([m]), path: [m], depth: 1, kind: 'leaf' as const })), { key: '[]', path: [], depth: 0, kind: 'total' as const }];
  const values = columns.map(() => 1);
  const rows: PivotRow[] = [];
  for (let t = 0; t < teams; t += 1) {
    const team = `Team ${t + 1}`;
    if (types === 0) rows.push({ key: JSON.stringify([team]), path: [team], depth: 1, kind: 'leaf', values });
    else {
      rows.push({ key: JSON.stringify([team]), path: [team], depth: 1, kind: 'subtotal', values });
      for (let i = 0; i < types; i += 1) rows.push({ key: JSON.stringify([team, `Type ${i}`]), path: [team, `Type ${i}`], depth: 2, kind: 'leaf', values });
    }
  }
  rows.push({ key: '[]', path: [], depth: 0, kind: 'total', values: columns.map(() => teams) });
  return {
    requestId: null,
    spec: { rows: types === 0 ? ['team'] : ['team', 'issue_type'], cols: ['month'], values: ['accepted'], filters: [] },
    currency: 'GBP',
    measures: [measureFixture('accepted')],
    columns,
    rows,
    span: null,
    missingRates: [],
    sources: [],
    ms: 1,
  };
}

describe('a pivot as a slide’s table', () => {
  it('shows every row with its subtotals and the grand total, each cell as Explore’s grid formats it and with the grid’s ids', () => {
    const table = pivotSlideTable({ result: samplePivot(), measure: null, label, dimLabel, timeDims: noTime });
    expect(table.corner).toBe('Team / Issue type');
    expect(table.groups).toEqual([
      { label: 'Q1 2026', span: 2, kind: 'leaf' },
      { label: 'Q2 2026', span: 2, kind: 'leaf' },
      { label: 'Total', span: 2, kind: 'total' },
    ]);
    expect(table.columns.map((c) => c.label)).toEqual(['Accepted PR/MRs', 'Cost per accepted PR/MR', 'Accepted PR/MRs', 'Cost per accepted PR/MR', 'Accepted PR/MRs', 'Cost per accepted PR/MR']);
    expect(table.columns[4]?.colId).toBe(valueColId('accepted', '[]'));
    expect(table.rows.map((r) => [r.label, r.depth, r.kind])).toEqual([
      ['Data', 1, 'subtotal'],
      ['Bug', 2, 'leaf'],
      ['Story', 2, 'leaf'],
      ['Mobile', 1, 'subtotal'],
      ['(no ticket)', 2, 'leaf'],
      ['Total', 0, 'total'],
    ]);
    expect(table.rows[0]?.id).toBe(gridKey('["Data"]'));
    const total = table.rows.at(-1)!;
    expect(total.id).toBe('total');
    expect(total.cells.map((c) => c.text)).toEqual(['7', '£228.57', '5', '£100.00', '12', '£175.00']);
    expect(total.cells[4]).toEqual({ colId: valueColId('accepted', '[]'), value: 12, text: '12' });
    // An empty cell (a ratio over nothing) is empty, as in the grid.
    expect(table.rows[3]?.cells[3]).toMatchObject({ value: null, text: '' });
    expect(table.cut).toBeNull();
  });

  it('shows one measure when the slide names one: the column members head the columns', () => {
    const table = pivotSlideTable({ result: samplePivot(), measure: 'cost_per_accepted', label, dimLabel, timeDims: noTime });
    expect(table.groups).toBeNull();
    expect(table.columns.map((c) => [c.label, c.kind])).toEqual([
      ['Q1 2026', 'leaf'],
      ['Q2 2026', 'leaf'],
      ['Total', 'total'],
    ]);
    expect(table.rows.at(-1)?.cells.map((c) => c.value)).toEqual([228_571_428.57, 100_000_000, 175_000_000]);
  });

  it('without column dimensions, the measures are the columns', () => {
    const result = { ...samplePivot(), spec: { ...samplePivot().spec, cols: [] }, columns: [{ key: '[]', path: [], depth: 0, kind: 'total' as const }] };
    result.rows = result.rows.map((r) => ({ ...r, values: r.values.slice(4) }));
    const table = pivotSlideTable({ result, measure: null, label, dimLabel, timeDims: noTime });
    expect(table.groups).toBeNull();
    expect(table.columns.map((c) => [c.label, c.kind])).toEqual([
      ['Accepted PR/MRs', 'leaf'],
      ['Cost per accepted PR/MR', 'leaf'],
    ]);
    expect(table.rows.at(-1)?.cells.map((c) => c.text)).toEqual(['12', '£175.00']);
  });

  it('cuts what does not fit a slide and says how much: the first rows, the first columns and always the total column', () => {
    const table = pivotSlideTable({ result: widePivot(20, 0, 12), measure: null, label, dimLabel, timeDims: noTime });
    expect(table.rows).toHaveLength(TABLE_MAX_ROWS + 1);
    expect(table.rows.at(-1)?.label).toBe('Total');
    expect(table.rows[TABLE_MAX_ROWS - 1]?.label).toBe(`Team ${TABLE_MAX_ROWS}`);
    expect(table.columns).toHaveLength(TABLE_MAX_COLUMNS);
    expect(table.columns.map((c) => c.label).slice(-2)).toEqual(['Aug 2026', 'Total']);
    expect(table.cut).toBe(`Showing ${TABLE_MAX_ROWS} of 20 rows, and ${TABLE_MAX_COLUMNS} of 13 columns.`);
  });

  it('keeps the latest periods when the columns are periods', () => {
    const table = pivotSlideTable({ result: widePivot(3, 0, 12), measure: null, label, dimLabel, timeDims: new Set(['month']) });
    expect(table.columns.map((c) => c.label)).toEqual(['May 2026', 'Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026', 'Oct 2026', 'Nov 2026', 'Dec 2026', 'Total']);
    expect(table.cut).toBe(`Showing ${TABLE_MAX_COLUMNS} of 13 columns, the latest.`);
  });

  it('shows only the outer groups when their rows do not fit but the groups do', () => {
    const table = pivotSlideTable({ result: widePivot(5, 4, 3), measure: null, label, dimLabel, timeDims: noTime });
    expect(table.rows.map((r) => r.label)).toEqual(['Team 1', 'Team 2', 'Team 3', 'Team 4', 'Team 5', 'Total']);
    // Shown without their rows, the groups read as plain rows, not as subtotals above nothing.
    expect(table.rows.map((r) => r.kind)).toEqual(['leaf', 'leaf', 'leaf', 'leaf', 'leaf', 'total']);
    expect(table.cut).toBe('Showing the 5 Team groups’ totals, not the 20 rows within them.');
    expect(pivotSlideTable({ result: widePivot(3, 3, 3), measure: null, label, dimLabel, timeDims: noTime }).cut).toBeNull();
  });
});
