import { describe, expect, it } from 'vitest';
import type { PivotResult } from '../../../../shared/domain/pivot/result';
import { dimensionFixtures, measureFixture, samplePivot } from './pivot-fixture';
import { formatMeasure, memberLabeler } from './pivot-labels';
import {
  cellDescription,
  cellTone,
  cellValue,
  columnTree,
  gridKey,
  groupKeys,
  leafRanges,
  LABEL_COL_ID,
  rowLabel,
  sortedColumn,
  sortFromColumn,
  valueColId,
  valueColumns,
  visibleRows,
  type ColumnNode,
} from './pivot-view-model';

const label = memberLabeler(dimensionFixtures(['team', 'issue_type', 'quarter', 'month']));

/** The header tree as nested [header, children] for readable expectations. */
const headers = (nodes: readonly ColumnNode[]): unknown[] => nodes.map((n) => (n.type === 'value' ? n.header : [n.header, headers(n.children)]));

describe('column groups from the column keys', () => {
  it('makes one group per column key with a column per measure, the total last', () => {
    const tree = columnTree(samplePivot(), label);
    expect(headers(tree)).toEqual([
      ['Q1 2026', ['Accepted PR/MRs', 'Cost per accepted PR/MR']],
      ['Q2 2026', ['Accepted PR/MRs', 'Cost per accepted PR/MR']],
      ['Total', ['Accepted PR/MRs', 'Cost per accepted PR/MR']],
    ]);
    const cols = valueColumns(tree);
    expect(cols.map((c) => c.colId)).toEqual([
      'accepted|%5B%222026-Q1%22%5D',
      'cost_per_accepted|%5B%222026-Q1%22%5D',
      'accepted|%5B%222026-Q2%22%5D',
      'cost_per_accepted|%5B%222026-Q2%22%5D',
      'accepted|%5B%5D',
      'cost_per_accepted|%5B%5D',
    ]);
    // No character ag-grid would escape in the col-id attribute.
    expect(gridKey(JSON.stringify(["O'Neil (x)", null]))).toMatch(/^[A-Za-z0-9%._-]+$/);
    expect(cols[2]).toMatchObject({ columnIndex: 1, measureIndex: 0, title: 'Q2 2026 · Accepted PR/MRs', kind: 'leaf' });
  });

  it('nests two column dimensions, with each subtotal last inside its own group', () => {
    const p = samplePivot();
    const two: PivotResult = {
      ...p,
      spec: { ...p.spec, cols: ['quarter', 'month'] },
      measures: [measureFixture('accepted')],
      columns: [
        { key: '["2026-Q1","2026-01"]', path: ['2026-Q1', '2026-01'], depth: 2, kind: 'leaf' },
        { key: '["2026-Q1","2026-02"]', path: ['2026-Q1', '2026-02'], depth: 2, kind: 'leaf' },
        { key: '["2026-Q1"]', path: ['2026-Q1'], depth: 1, kind: 'subtotal' },
        { key: '["2026-Q2","2026-04"]', path: ['2026-Q2', '2026-04'], depth: 2, kind: 'leaf' },
        { key: '["2026-Q2"]', path: ['2026-Q2'], depth: 1, kind: 'subtotal' },
        { key: '[]', path: [], depth: 0, kind: 'total' },
      ],
    };
    const tree = columnTree(two, label);
    // One measure: the column key is the column.
    expect(headers(tree)).toEqual([['Q1 2026', ['Jan 2026', 'Feb 2026', 'Total']], ['Q2 2026', ['Apr 2026', 'Total']], 'Total']);
    expect(valueColumns(tree).map((c) => c.columnIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(valueColumns(tree)[2]!.title).toBe('Q1 2026 total · Accepted PR/MRs');
  });

  it('without column dimensions the measures are the columns', () => {
    const p = samplePivot();
    const flat: PivotResult = { ...p, spec: { ...p.spec, cols: [] }, columns: [{ key: '[]', path: [], depth: 0, kind: 'total' }] };
    expect(headers(columnTree(flat, label))).toEqual(['Accepted PR/MRs', 'Cost per accepted PR/MR']);
  });
});

describe('row groups', () => {
  it('hides the children of collapsed groups and never lists the grand total as a body row', () => {
    const { rows } = samplePivot();
    expect(visibleRows(rows, new Set()).map((r) => r.key)).toEqual(['["Data"]', '["Data","Bug"]', '["Data","Story"]', '["Mobile"]', '["Mobile",null]']);
    expect(visibleRows(rows, new Set(['["Data"]'])).map((r) => r.key)).toEqual(['["Data"]', '["Mobile"]', '["Mobile",null]']);
    expect(visibleRows(rows, new Set(groupKeys(rows))).map((r) => r.key)).toEqual(['["Data"]', '["Mobile"]']);
    // A leaf's key in the set does nothing: only groups collapse.
    expect(visibleRows(rows, new Set(['["Data","Bug"]']))).toHaveLength(5);
  });

  it('hides every depth below a collapsed outer group, and expanding it shows its inner groups as they were', () => {
    const R = 3;
    const row = (path: string[]) => ({ key: JSON.stringify(path), path, depth: path.length, kind: path.length === R ? ('leaf' as const) : path.length === 0 ? ('total' as const) : ('subtotal' as const), values: [] });
    const rows = [row(['A']), row(['A', 'x']), row(['A', 'x', '1']), row(['A', 'y']), row(['A', 'y', '1']), row(['B']), row(['B', 'x']), row(['B', 'x', '1']), row([])];
    const keys = (collapsed: string[]) => visibleRows(rows, new Set(collapsed)).map((r) => r.path.join('/'));
    expect(keys(['["A"]', '["A","x"]'])).toEqual(['A', 'B', 'B/x', 'B/x/1']);
    expect(keys(['["A","x"]'])).toEqual(['A', 'A/x', 'A/y', 'A/y/1', 'B', 'B/x', 'B/x/1']);
  });

  it('names members as people read them: months, quarters, outcomes, and null as the dimension’s own label', () => {
    const outcomes = memberLabeler(dimensionFixtures(['outcome', 'month', 'quarter', 'week', 'team']));
    expect(outcomes('month', '2026-09')).toBe('Sep 2026');
    expect(outcomes('quarter', '2026-Q3')).toBe('Q3 2026');
    expect(outcomes('week', '2026-W07')).toBe('2026-W07');
    expect(outcomes('outcome', 'rolled_back')).toBe('Rolled back');
    expect(outcomes('outcome', 'toString')).toBe('toString');
    expect(outcomes('team', null)).toBe('(no team)');
  });

  it('labels rows by their own member, null as the dimension’s "(none)" label', () => {
    const { spec, rows } = samplePivot();
    expect(rows.map((r) => rowLabel(r, spec.rows, label))).toEqual(['Data', 'Bug', 'Story', 'Mobile', '(no ticket)', 'Total']);
  });
});

describe('cells', () => {
  it('reads values[column × measures + measure] and formats them by the measure’s format', () => {
    const p = samplePivot();
    const cols = valueColumns(columnTree(p, label));
    const total = p.rows.at(-1)!;
    expect(cols.map((c) => formatMeasure(p.measures[c.measureIndex]!, cellValue(total, c, 2), p.currency))).toEqual(['7', '£228.57', '5', '£100.00', '12', '£175.00']);
    expect(formatMeasure(measureFixture('acceptance_rate'), 0.7368, 'GBP')).toBe('73.7%');
    expect(formatMeasure(measureFixture('review_hours'), 12.25, 'GBP')).toBe('12.3 h');
    expect(formatMeasure(measureFixture('accepted'), null, 'GBP')).toBe('');
  });

  it('tints the colour scale within each measure’s leaf range, leaving subtotals and totals alone', () => {
    const p = samplePivot();
    const ranges = leafRanges(p);
    expect(ranges[0]).toEqual({ min: 1, max: 4 });
    const tone = (value: number, rowKind: 'leaf' | 'subtotal', columnKind: 'leaf' | 'total' = 'leaf') =>
      cellTone({ mode: 'scale', measure: p.measures[0]!, value, rowKind, columnKind, range: ranges[0]!, total: null, hasRows: true, hasCols: true });
    expect(tone(1, 'leaf')).toBe('scale-1');
    expect(tone(4, 'leaf')).toBe('scale-8');
    expect(tone(4, 'subtotal')).toBeNull();
    expect(tone(4, 'leaf', 'total')).toBeNull();
  });

  it('marks ratio cells above or below the grand total of their column, never sums', () => {
    const p = samplePivot();
    const vs = (measure: 0 | 1, value: number, total: number) =>
      cellTone({ mode: 'vs-total', measure: p.measures[measure]!, value, rowKind: 'leaf', columnKind: 'leaf', range: null, total, hasRows: true, hasCols: true });
    expect(vs(1, 300_000_000, 228_571_428.57)).toBe('above');
    expect(vs(1, 150_000_000, 228_571_428.57)).toBe('below');
    expect(vs(1, 5, 5)).toBeNull();
    expect(vs(0, 1, 7)).toBeNull();
  });
});

describe('sorting', () => {
  it('maps a header click to the engine’s sort and back to the column showing the arrow', () => {
    const p = samplePivot();
    const byValue = sortFromColumn(valueColId('cost_per_accepted', '["2026-Q2"]'), 'desc', p);
    expect(byValue).toEqual({ by: 'value', measure: 'cost_per_accepted', colPath: ['2026-Q2'], direction: 'desc' });
    expect(sortedColumn(byValue)).toEqual({ colId: valueColId('cost_per_accepted', '["2026-Q2"]'), direction: 'desc' });
    expect(sortFromColumn(valueColId('accepted', '[]'), 'asc', p)).toEqual({ by: 'value', measure: 'accepted', colPath: [], direction: 'asc' });
    expect(sortFromColumn(LABEL_COL_ID, 'desc', p)).toEqual({ by: 'label', direction: 'desc' });
    expect(sortFromColumn(valueColId('accepted', '["2027-Q1"]'), 'asc', p)).toBeNull();
    expect(sortFromColumn(LABEL_COL_ID, null, p)).toBeNull();
  });
});

describe('drill-through', () => {
  it('names the cell by its row and column members', () => {
    const cell = { rows: ['team', 'issue_type'] as const, cols: ['month'] as const, rowPath: ['Data', null], colPath: ['2026-07'] };
    expect(cellDescription({ ...cell, rows: [...cell.rows], cols: [...cell.cols] }, (d) => ({ team: 'Team', issue_type: 'Issue type', month: 'Month' })[d as string] ?? d, label)).toBe(
      'Team Data · Issue type (no ticket) · Month Jul 2026',
    );
    expect(cellDescription({ rows: [], cols: [], rowPath: [], colPath: [] }, String, label)).toBe('All records');
  });
});
