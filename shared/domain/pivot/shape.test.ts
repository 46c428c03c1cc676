import { describe, expect, it } from 'vitest';
import { planPivot } from './plan';
import { compareMembers, shapePivot, type QueryRow } from './shape';
import { PivotSpecSchema, type PivotSpecInput } from './spec';

const opts = { productiveHoursPerFtePerMonth: 120 };
const planOf = (spec: PivotSpecInput) => planPivot(PivotSpecSchema.parse(spec), { peopleViewsEnabled: false, cubeRows: {} });

// Finest groups (team, month): accepted and run-credit cost; every other cost is 0.
const finest: QueryRow[] = [
  { key: ['Data', '2026-01'], sums: { accepted: 1, cost_run_credits: 100 } },
  { key: ['Data', '2026-02'], sums: { accepted: 3, cost_run_credits: 100 } },
  { key: ['Pay', '2026-01'], sums: { accepted: 0, cost_run_credits: 50 } },
  { key: [null, '2026-02'], sums: { accepted: 2, cost_run_credits: 10 } },
];

describe('shapePivot', () => {
  it('shapes columns, row groups and totals, with ratios of sums at every level', () => {
    const plan = planOf({ rows: ['team'], cols: ['month'], values: ['accepted', 'cost_per_accepted'] });
    const grid = shapePivot(plan, [finest], opts);
    expect(grid.columns.map((c) => [c.path, c.kind])).toEqual([
      [['2026-01'], 'leaf'],
      [['2026-02'], 'leaf'],
      [[], 'total'],
    ]);
    expect(grid.rows.map((r) => [r.path, r.kind, r.depth])).toEqual([
      [['Data'], 'leaf', 1],
      [['Pay'], 'leaf', 1],
      [[null], 'leaf', 1],
      [[], 'total', 0],
    ]);
    const data = grid.rows[0]!.values;
    // Data: Jan 1 accepted / 100; Feb 3 / 100; total 4 accepted, 200 → 50 (not the mean of 100 and 33.3).
    expect(data).toEqual([1, 100, 3, 100 / 3, 4, 50]);
    // Pay has no February group: empty, not zero; its January ratio has a zero denominator.
    expect(grid.rows[1]!.values).toEqual([0, null, null, null, 0, null]);
    const total = grid.rows[3]!.values;
    expect(total).toEqual([1, 150, 5, 110 / 5, 6, 260 / 6]);
  });

  it('puts subtotal rows before their children and subtotal columns after theirs', () => {
    const plan = planOf({ rows: ['team', 'issue_type'], cols: ['quarter', 'month'], values: ['accepted'] });
    const rows: QueryRow[] = [
      { key: ['Data', 'Bug', '2026-Q1', '2026-01'], sums: { accepted: 1 } },
      { key: ['Data', 'Story', '2026-Q1', '2026-02'], sums: { accepted: 2 } },
      { key: ['Data', 'Story', '2026-Q2', '2026-04'], sums: { accepted: 4 } },
    ];
    const grid = shapePivot(plan, [rows], opts);
    expect(grid.columns.map((c) => c.key)).toEqual(['["2026-Q1","2026-01"]', '["2026-Q1","2026-02"]', '["2026-Q1"]', '["2026-Q2","2026-04"]', '["2026-Q2"]', '[]']);
    expect(grid.columns.map((c) => c.kind)).toEqual(['leaf', 'leaf', 'subtotal', 'leaf', 'subtotal', 'total']);
    expect(grid.rows.map((r) => [r.key, r.kind])).toEqual([
      ['["Data"]', 'subtotal'],
      ['["Data","Bug"]', 'leaf'],
      ['["Data","Story"]', 'leaf'],
      ['[]', 'total'],
    ]);
    expect(grid.rows[0]!.values).toEqual([1, 2, 3, 4, 4, 7]);
    expect(grid.rows[2]!.values).toEqual([null, 2, 2, 4, 4, 6]);
  });

  it('takes a level that cannot be rolled up from its own query (labels)', () => {
    const plan = planOf({ rows: ['label'], values: ['records'] });
    expect(plan.queries).toHaveLength(2);
    const byLabel: QueryRow[] = [
      { key: ['backend'], sums: { records: 2 } },
      { key: ['pci'], sums: { records: 2 } },
    ];
    // Three records: one has both labels. The total is its own query's answer, not 2 + 2.
    const grid = shapePivot(plan, [byLabel, [{ key: [], sums: { records: 3 } }]], opts);
    expect(grid.rows.map((r) => r.values[0])).toEqual([2, 2, 3]);
  });

  it('sorts row groups by a value among their siblings, empty cells last, ties by label', () => {
    const plan = planOf({ rows: ['team'], cols: ['month'], values: ['accepted'], sort: { by: 'value', measure: 'accepted', colPath: ['2026-02'] } });
    const grid = shapePivot(plan, [finest], opts);
    expect(grid.rows.map((r) => r.path[0])).toEqual(['Data', null, 'Pay', undefined]);
    const desc = shapePivot(planOf({ rows: ['team'], values: ['accepted'], sort: { by: 'label', direction: 'desc' } }), [finest.map((r) => ({ ...r, key: [r.key[0]!] }))], opts);
    expect(desc.rows.map((r) => r.path[0])).toEqual(['Pay', 'Data', null, undefined]);
  });

  it('gives FTE freed per month of the cell and reports the data span', () => {
    const plan = planOf({ cols: ['month'], values: ['fte_freed'] });
    const rows: QueryRow[] = [
      { key: ['2026-01'], sums: { baseline_hours: 240, human_hours: 0 }, spanFrom: '2026-01', spanTo: '2026-01' },
      { key: ['2026-02'], sums: { baseline_hours: 120, human_hours: 0 }, spanFrom: '2026-02', spanTo: '2026-02' },
    ];
    const grid = shapePivot(plan, [rows], opts);
    expect(grid.span).toEqual({ from: '2026-01', to: '2026-02' });
    // 240 h in January is 2 FTE; the total, 360 h over two months, is 1.5 FTE.
    expect(grid.rows[0]!.values).toEqual([2, 1, 1.5]);
  });

  it('refuses a grid too large to read', () => {
    const plan = planOf({ rows: ['team'], values: ['accepted'] });
    const many: QueryRow[] = Array.from({ length: 100_001 }, (_, i) => ({ key: [`t${i}`], sums: { accepted: 1 } }));
    expect(() => shapePivot(plan, [many], opts)).toThrow(/filter it/);
  });

  it('orders members naturally with the null member last', () => {
    expect(['S', null, 'L', 'item 10', 'item 9'].sort(compareMembers)).toEqual(['item 9', 'item 10', 'L', 'S', null]);
  });
});
