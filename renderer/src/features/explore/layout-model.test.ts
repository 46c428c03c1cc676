import { describe, expect, it } from 'vitest';
import { PivotSpecSchema, type PivotSort } from '../../../../shared/domain/pivot/spec';
import { applyLayout, defaultLayout, EMPTY_LAYOUT, fitToFields, fromSpec, placesOf, toSpec, validSort, type Layout, type LayoutAction } from './layout-model';

const apply = (layout: Layout, ...actions: LayoutAction[]) =>
  actions.reduce<{ layout: Layout; message: string | null }>((acc, a) => applyLayout(acc.layout, a), { layout, message: null });

const base: Layout = { rows: ['team'], cols: ['quarter'], values: ['accepted', 'cost_per_accepted'], filters: [] };

describe('adding fields', () => {
  it('puts dimensions on rows, columns or filters and measures in values, at the index asked', () => {
    const { layout } = apply(
      EMPTY_LAYOUT,
      { type: 'add', field: { kind: 'dimension', id: 'team' }, zone: 'rows' },
      { type: 'add', field: { kind: 'dimension', id: 'project' }, zone: 'rows', index: 0 },
      { type: 'add', field: { kind: 'dimension', id: 'month' }, zone: 'cols' },
      { type: 'add', field: { kind: 'measure', id: 'accepted' }, zone: 'values' },
      { type: 'add', field: { kind: 'dimension', id: 'outcome' }, zone: 'filters' },
    );
    expect(layout).toEqual({ rows: ['project', 'team'], cols: ['month'], values: ['accepted'], filters: [{ dim: 'outcome', values: null }] });
  });

  it('refuses a measure outside Values and a dimension in Values, saying why', () => {
    const measure = applyLayout(base, { type: 'add', field: { kind: 'measure', id: 'records' }, zone: 'rows' });
    expect(measure.layout).toBe(base);
    expect(measure.message).toMatch(/Values/);
    const dim = applyLayout(base, { type: 'add', field: { kind: 'dimension', id: 'size' }, zone: 'values' });
    expect(dim.layout).toBe(base);
    expect(dim.message).toMatch(/Rows, Columns or Filters/);
    expect(applyLayout(base, { type: 'add', field: { kind: 'measure', id: 'accepted' }, zone: 'values' }).message).toMatch(/already/);
  });

  it('moves a dimension between axes rather than placing it twice', () => {
    const { layout } = applyLayout(base, { type: 'add', field: { kind: 'dimension', id: 'team' }, zone: 'cols', index: 0 });
    expect(layout.rows).toEqual([]);
    expect(layout.cols).toEqual(['team', 'quarter']);
  });

  it('keeps to the engine limits of four row and three column dimensions', () => {
    const full: Layout = { ...base, rows: ['team', 'project', 'repository', 'size'] };
    const r = applyLayout(full, { type: 'add', field: { kind: 'dimension', id: 'outcome' }, zone: 'rows' });
    expect(r.layout).toBe(full);
    expect(r.message).toMatch(/at most 4/);
    // Reordering within a full axis is not an addition.
    expect(applyLayout(full, { type: 'add', field: { kind: 'dimension', id: 'size' }, zone: 'rows', index: 0 }).layout.rows).toEqual(['size', 'team', 'project', 'repository']);
  });
});

describe('moving and removing chips', () => {
  it('reorders within a zone', () => {
    const { layout } = applyLayout(base, { type: 'move', zone: 'values', from: 0, to: 1 });
    expect(layout.values).toEqual(['cost_per_accepted', 'accepted']);
  });

  it('moves a chip to another zone at an index, and refuses a move the target cannot take', () => {
    const two: Layout = { ...base, rows: ['team', 'issue_type'] };
    const moved = applyLayout(two, { type: 'move', fromZone: 'rows', from: 1, zone: 'cols', to: 0 });
    expect(moved.layout.rows).toEqual(['team']);
    expect(moved.layout.cols).toEqual(['issue_type', 'quarter']);
    const toFilters = applyLayout(two, { type: 'move', fromZone: 'rows', from: 0, zone: 'filters', to: 0 });
    expect(toFilters.layout.rows).toEqual(['issue_type']);
    expect(toFilters.layout.filters).toEqual([{ dim: 'team', values: null }]);
    const refused = applyLayout(two, { type: 'move', fromZone: 'rows', from: 0, zone: 'values', to: 0 });
    expect(refused.layout).toBe(two);
    expect(refused.message).not.toBeNull();
  });

  it('removes a chip, and a filter keeps its members until removed', () => {
    const filtered = apply(
      base,
      { type: 'add', field: { kind: 'dimension', id: 'outcome' }, zone: 'filters' },
      { type: 'set-filter', dim: 'outcome', values: ['accepted', null] },
    ).layout;
    expect(filtered.filters).toEqual([{ dim: 'outcome', values: ['accepted', null] }]);
    expect(applyLayout(filtered, { type: 'remove', zone: 'filters', index: 0 }).layout.filters).toEqual([]);
    expect(applyLayout(filtered, { type: 'remove', zone: 'values', index: 0 }).layout.values).toEqual(['cost_per_accepted']);
  });

  it('marks where each field is placed', () => {
    const layout: Layout = { ...base, filters: [{ dim: 'team', values: null }] };
    expect(placesOf(layout, { kind: 'dimension', id: 'team' })).toEqual(['rows', 'filters']);
    expect(placesOf(layout, { kind: 'measure', id: 'accepted' })).toEqual(['values']);
    expect(placesOf(layout, { kind: 'dimension', id: 'size' })).toEqual([]);
  });
});

describe('the spec sent to pivot:run', () => {
  it('is a valid PivotSpec; filters with no members chosen narrow nothing and are left out', () => {
    const layout: Layout = { ...base, filters: [{ dim: 'outcome', values: ['accepted'] }, { dim: 'size', values: null }] };
    const spec = toSpec(layout, { by: 'value', measure: 'accepted', colPath: ['2026-Q1'], direction: 'desc' });
    expect(PivotSpecSchema.safeParse(spec).success).toBe(true);
    expect(spec?.filters).toEqual([{ dim: 'outcome', values: ['accepted'] }]);
    expect(toSpec({ ...base, values: [] }, null)).toBeNull();
  });

  it('drops a value sort whose measure left Values or whose column path no longer fits', () => {
    const sort: PivotSort = { by: 'value', measure: 'accepted', colPath: ['2026-Q1'], direction: 'desc' };
    expect(validSort(sort, base)).toBe(sort);
    expect(validSort(sort, { ...base, values: ['cost_per_accepted'] })).toBeNull();
    expect(validSort(sort, { ...base, cols: [] })).toBeNull();
    expect(validSort({ by: 'label', direction: 'asc' }, { ...base, cols: [] })).toEqual({ by: 'label', direction: 'asc' });
  });

  it('round-trips through a saved view', () => {
    const spec = PivotSpecSchema.parse({ rows: ['team'], cols: ['month'], values: ['accepted'], filters: [{ dim: 'outcome', values: ['accepted'] }], sort: { by: 'label', direction: 'desc' } });
    const { layout, sort } = fromSpec(spec);
    expect(PivotSpecSchema.parse(toSpec(layout, sort))).toEqual(spec);
  });
});

describe('first visit', () => {
  it('shows accepted work by team and quarter with its cost and acceptance rate, using only fields on offer', () => {
    const all = { dimensions: ['team', 'quarter', 'month'] as const, measures: ['accepted', 'cost_per_accepted', 'acceptance_rate', 'records'] as const };
    expect(defaultLayout({ dimensions: [...all.dimensions], measures: [...all.measures] })).toEqual({
      rows: ['team'],
      cols: ['quarter'],
      values: ['accepted', 'cost_per_accepted', 'acceptance_rate'],
      filters: [],
    });
    expect(defaultLayout({ dimensions: ['month'], measures: ['records'] })).toEqual({ rows: [], cols: [], values: ['records'], filters: [] });
  });

  it('drops fields the workspace stopped offering (person after person-level views were turned off)', () => {
    const layout: Layout = { rows: ['person', 'team'], cols: [], values: ['accepted'], filters: [{ dim: 'person', values: ['Ann'] }] };
    expect(fitToFields(layout, { dimensions: ['team'], measures: ['accepted'] })).toEqual({ rows: ['team'], cols: [], values: ['accepted'], filters: [] });
  });
});
