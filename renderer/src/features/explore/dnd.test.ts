import { describe, expect, it } from 'vitest';
import { decodeDrag, draggedKind, dropIndex, DRAG_TYPES, encodeDrag } from './dnd';
import { fieldGroups, matchesSearch } from './field-groups';
import { dimensionFixtures, measureFixture } from './pivot-fixture';

const store = (entries: [string, string][]) => (type: string) => new Map(entries).get(type) ?? '';

describe('drag and drop payloads', () => {
  it('carries the kind in the type, so a zone can refuse a field before the drop', () => {
    const [type, data] = encodeDrag({ field: { kind: 'measure', id: 'accepted' }, from: { zone: 'values', index: 1 } });
    expect(type).toBe(DRAG_TYPES.measure);
    expect(draggedKind([type])).toBe('measure');
    expect(draggedKind(['text/plain', DRAG_TYPES.dimension])).toBe('dimension');
    expect(draggedKind(['Files'])).toBeNull();
    expect(decodeDrag(store([[type, data]]))).toEqual({ field: { kind: 'measure', id: 'accepted' }, from: { zone: 'values', index: 1 } });
  });

  it('rejects drops that are not ours or not well formed', () => {
    expect(decodeDrag(store([]))).toBeNull();
    expect(decodeDrag(store([[DRAG_TYPES.dimension, 'not json']]))).toBeNull();
    expect(decodeDrag(store([[DRAG_TYPES.dimension, '{"field":{"kind":"table","id":"x"}}']]))).toBeNull();
    expect(decodeDrag(store([[DRAG_TYPES.dimension, '{"field":{"kind":"dimension","id":"team"},"from":{"zone":"nowhere","index":0}}']]))).toEqual({
      field: { kind: 'dimension', id: 'team' },
      from: null,
    });
  });

  it('drops before the first chip whose middle is below the pointer', () => {
    expect(dropIndex([10, 40, 70], 5)).toBe(0);
    expect(dropIndex([10, 40, 70], 41)).toBe(2);
    expect(dropIndex([10, 40, 70], 90)).toBe(3);
    expect(dropIndex([], 90)).toBe(0);
  });
});

describe('field list', () => {
  it('groups dimensions and measures and finds them by any word', () => {
    const groups = fieldGroups({
      dimensions: dimensionFixtures(['team', 'month', 'event_type', 'label']),
      measures: [measureFixture('accepted'), measureFixture('cost_per_accepted'), measureFixture('hours_freed'), measureFixture('events'), measureFixture('records')],
    });
    expect(groups.map((g) => [g.id, g.entries.map((e) => e.ref.id)])).toEqual([
      ['work', ['team']],
      ['time', ['month']],
      ['events', ['event_type']],
      ['bridges', ['label']],
      ['ratios', ['cost_per_accepted']],
      ['derived', ['hours_freed']],
      ['sums', ['accepted']],
      ['counts', ['events', 'records']],
    ]);
    const cost = groups.find((g) => g.id === 'ratios')!.entries[0]!;
    expect(matchesSearch(cost, 'cost acc')).toBe(true);
    expect(matchesSearch(cost, 'cost_per')).toBe(true);
    expect(matchesSearch(cost, 'hours')).toBe(false);
  });
});
