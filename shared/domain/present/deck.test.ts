import { describe, expect, it } from 'vitest';
import { DeckSchema, MAX_PIVOT_SLIDE_SPEC_CHARS, SlideSchema, SlideViewSchema } from './deck';

const pivot = { view: 'pivot', spec: { rows: ['team'], cols: ['quarter'], values: ['accepted', 'cost_per_accepted'] }, chart: 'bar', measure: 'accepted', title: 'Accepted PR/MRs by Team and Quarter' };

describe('slide views', () => {
  it('still reads decks stored before pivots could be pinned', () => {
    const stored = {
      id: 'd1',
      name: 'Quarterly review',
      updatedAt: '2026-10-01T09:00:00.000Z',
      slides: [
        { id: 's1', view: { view: 'overview-cost', period: null }, title: null, notes: '' },
        { id: 's2', view: { view: 'overview-figures', period: { from: '2026-07-01', to: '2026-09-30' } }, title: 'Q3', notes: 'Say it twice.' },
        { id: 's3', view: { view: 'pilot-monthly', pilot: { id: 3, name: 'Payments maintenance' } }, title: null, notes: '' },
        { id: 's4', view: { view: 'pilot-figures', pilot: { id: 3, name: 'Payments maintenance' } }, title: null, notes: '' },
        { id: 's5', view: { view: 'scenario-cost', scenario: 'Base' }, title: null, notes: '' },
        { id: 's6', view: { view: 'scenario-figures', scenario: 'Base' }, title: null, notes: '' },
      ],
    };
    expect(DeckSchema.parse(stored)).toEqual(stored);
  });

  it('holds an Explore pivot as configured, with the spec’s defaults filled in', () => {
    const parsed = SlideViewSchema.parse(pivot);
    expect(parsed).toEqual({ ...pivot, spec: { ...pivot.spec, filters: [] } });
    const table = SlideViewSchema.parse({
      ...pivot,
      chart: 'table',
      measure: null,
      spec: { ...pivot.spec, filters: [{ dim: 'outcome', values: ['accepted', null] }], sort: { by: 'value', measure: 'accepted' } },
    });
    expect(table.view === 'pivot' && table.spec.sort).toEqual({ by: 'value', measure: 'accepted', colPath: [], direction: 'desc' });
    expect(SlideSchema.parse({ id: 's1', view: pivot, title: null, notes: '' }).view.view).toBe('pivot');
  });

  it('refuses pivots that are not valid specs, or not bounded', () => {
    const accepted = (view: unknown) => SlideViewSchema.safeParse(view).success;
    expect(accepted({ ...pivot, spec: { ...pivot.spec, rows: ['galaxy'] } })).toBe(false);
    expect(accepted({ ...pivot, spec: { ...pivot.spec, rows: ['team'], cols: ['team'] } })).toBe(false);
    expect(accepted({ ...pivot, spec: { ...pivot.spec, values: [] } })).toBe(false);
    expect(accepted({ ...pivot, spec: { ...pivot.spec, surprise: 1 } })).toBe(false);
    expect(accepted({ ...pivot, chart: 'pie' })).toBe(false);
    expect(accepted({ ...pivot, measure: 'runs' })).toBe(false); // not one of the values
    expect(accepted({ ...pivot, title: '   ' })).toBe(false);
    expect(accepted({ ...pivot, title: 'x'.repeat(121) })).toBe(false);
    expect(accepted({ ...pivot, extra: true })).toBe(false);
    const { title: _title, ...untitled } = pivot;
    expect(accepted(untitled)).toBe(false);

    // A filter the spec schema admits (1,000 members) but a deck could not be saved with, many times over.
    const members = (n: number, size: number) => Array.from({ length: n }, (_, i) => `${String(i).padStart(4, '0')}${'m'.repeat(size - 4)}`);
    const big = { ...pivot, spec: { ...pivot.spec, filters: [{ dim: 'team', values: members(1000, 40) }] } };
    const result = SlideViewSchema.safeParse(big);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/too large to pin/);
    const fits = { ...pivot, spec: { ...pivot.spec, filters: [{ dim: 'team', values: members(300, 40) }] } };
    expect(JSON.stringify(fits.spec).length).toBeLessThan(MAX_PIVOT_SLIDE_SPEC_CHARS);
    expect(SlideViewSchema.safeParse(fits).success).toBe(true);
  });
});
