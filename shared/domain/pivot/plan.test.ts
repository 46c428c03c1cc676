import { describe, expect, it } from 'vitest';
import { cellMonths, chooseSource, planPivot, PivotSpecError } from './plan';
import { PivotSpecSchema, type PivotSpecInput } from './spec';

const cubeRows = { record_fact_cube_records: 500, record_fact_cube_events: 3000, record_fact_cube_labels: 1500 };
const plan = (spec: PivotSpecInput, opts: { peopleViewsEnabled?: boolean; factsOnly?: boolean } = {}) =>
  planPivot(PivotSpecSchema.parse(spec), { peopleViewsEnabled: opts.peopleViewsEnabled ?? false, cubeRows, factsOnly: opts.factsOnly });
const source = (q: { source: { kind: string; table?: string } }) => (q.source.kind === 'cube' ? q.source.table : 'facts');

describe('planPivot', () => {
  it('answers cells, subtotals and totals of record dimensions with one query on the smallest cube', () => {
    const p = plan({ rows: ['team', 'issue_type'], cols: ['month'], values: ['accepted', 'cost_per_accepted', 'human_hours'] });
    expect(p.queries).toHaveLength(1);
    expect(p.queries[0]).toMatchObject({ dims: ['team', 'issue_type', 'month'], distinct: 'none' });
    expect(source(p.queries[0]!)).toBe('record_fact_cube_records');
    // Ratio inputs: the numerator (every cost column) and the denominator, once each.
    expect(p.queries[0]!.sums.sort()).toEqual(['accepted', 'cost_ai_credits', 'cost_ci', 'cost_human', 'cost_provider', 'cost_run_credits', 'human_hours'].sort());
    expect(p.levels.map((l) => [l.rowDepth, l.colDepth, l.rollup])).toEqual([
      [2, 1, false],
      [2, 0, true],
      [1, 1, true],
      [1, 0, true],
      [0, 1, true],
      [0, 0, true],
    ]);
  });

  it('reads the events cube for run-event dimensions, and the fact rows once the cube does not hold a dimension', () => {
    expect(source(plan({ rows: ['provider'], cols: ['month'], values: ['cost_provider'] }).queries[0]!)).toBe('record_fact_cube_events');
    expect(source(plan({ rows: ['workspace'], values: ['accepted'] }).queries[0]!)).toBe('facts');
    expect(source(plan({ rows: ['week'], values: ['accepted'] }).queries[0]!)).toBe('record_fact_cube_records');
    expect(source(plan({ rows: ['team'], values: ['accepted'], filters: [{ dim: 'model', values: ['gpt-5'] }] }).queries[0]!)).toBe('record_fact_cube_events');
  });

  it('never rolls a total up over a label: a record with two labels is counted once above them', () => {
    const p = plan({ rows: ['team', 'label'], values: ['records', 'accepted'] });
    expect(p.queries.map((q) => q.dims)).toEqual([['team', 'label'], ['team']]);
    expect(p.queries.map(source)).toEqual(['record_fact_cube_labels', 'record_fact_cube_records']);
    expect(p.levels.find((l) => l.rowDepth === 0)).toMatchObject({ query: 1, rollup: true });
  });

  it('counts distinct records per event group on the fact rows, and gets the total from its own query', () => {
    const p = plan({ rows: ['provider'], values: ['records', 'events'] });
    expect(p.queries).toHaveLength(2);
    expect(p.queries[0]).toMatchObject({ dims: ['provider'], distinct: 'count', source: { kind: 'facts' } });
    expect(p.queries[1]).toMatchObject({ dims: [], distinct: 'sum' });
    expect(source(p.queries[1]!)).toBe('record_fact_cube_records');
    // Without distinct records, the total rolls up from the provider groups.
    expect(plan({ rows: ['provider'], values: ['events'] }).queries).toHaveLength(1);
  });

  it('filters on one label from the label cube, on several (or a pilot) from the fact rows', () => {
    expect(source(plan({ rows: ['team'], values: ['accepted'], filters: [{ dim: 'label', values: ['backend'] }] }).queries[0]!)).toBe('record_fact_cube_labels');
    expect(source(plan({ rows: ['team'], values: ['accepted'], filters: [{ dim: 'label', values: ['backend', 'frontend'] }] }).queries[0]!)).toBe('facts');
    expect(source(plan({ rows: ['label'], values: ['accepted'], filters: [{ dim: 'label', values: ['backend', 'frontend'] }] }).queries[0]!)).toBe('record_fact_cube_labels');
    expect(source(plan({ rows: ['team'], values: ['accepted'], filters: [{ dim: 'pilot', values: ['Payments queue'] }] }).queries[0]!)).toBe('facts');
  });

  it('offers person only with person-level views enabled', () => {
    expect(() => plan({ rows: ['person'], values: ['accepted'] })).toThrow(PivotSpecError);
    expect(() => plan({ rows: ['team'], values: ['accepted'], filters: [{ dim: 'person', values: ['Ann'] }] })).toThrow(PivotSpecError);
    expect(source(plan({ rows: ['person'], values: ['accepted'] }, { peopleViewsEnabled: true }).queries[0]!)).toBe('facts');
  });

  it('can be told to skip the cubes', () => {
    expect(plan({ rows: ['team'], cols: ['month'], values: ['accepted'] }, { factsOnly: true }).queries.map(source)).toEqual(['facts']);
    expect(chooseSource(['team'], [], false, { peopleViewsEnabled: false })).toMatchObject({ kind: 'cube' });
  });

  it('rejects a dimension placed twice', () => {
    expect(PivotSpecSchema.safeParse({ rows: ['team'], cols: ['team'], values: ['accepted'] }).success).toBe(false);
  });
});

describe('cellMonths', () => {
  const span = { from: '2025-11', to: '2026-10' };
  it('is one for a month, the span months of a quarter, a week share, else the whole span', () => {
    expect(cellMonths([{ dim: 'month', value: '2026-01' }], span)).toBe(1);
    expect(cellMonths([{ dim: 'quarter', value: '2025-Q4' }], span)).toBe(2);
    expect(cellMonths([{ dim: 'quarter', value: '2026-Q2' }], span)).toBe(3);
    expect(cellMonths([{ dim: 'week', value: '2026-W03' }], span)).toBeCloseTo(0.23, 2);
    expect(cellMonths([{ dim: 'team', value: 'Data' }], span)).toBe(12);
    expect(cellMonths([], null)).toBe(0);
  });
});
