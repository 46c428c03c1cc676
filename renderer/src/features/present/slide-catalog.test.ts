import { describe, expect, it } from 'vitest';
import { defaultTitle, quarterLabel, quartersBetween, sameView, viewSummary } from './slide-catalog';

describe('slide catalog', () => {
  it('lists the calendar quarters of the data, newest first, partial ones at the ends included', () => {
    expect(quartersBetween('2025-11-20', '2026-07-03').map((q) => q.label)).toEqual(['Q3 2026', 'Q2 2026', 'Q1 2026', 'Q4 2025']);
    expect(quartersBetween('2026-01-05', '2026-03-31')).toEqual([{ label: 'Q1 2026', period: { from: '2026-01-01', to: '2026-03-31' } }]);
    expect(quartersBetween('2024-02-01', '2024-02-29')[0]?.period).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quartersBetween('2026-10-01', '2026-12-31')[0]?.period.to).toBe('2026-12-31');
    expect(quartersBetween('nonsense', '2026-01-01')).toEqual([]);
  });

  it('names a period that is exactly a quarter, and only then', () => {
    expect(quarterLabel({ from: '2026-07-01', to: '2026-09-30' })).toBe('Q3 2026');
    expect(quarterLabel({ from: '2026-07-01', to: '2026-09-29' })).toBeNull();
    expect(quarterLabel({ from: '2026-08-01', to: '2026-10-31' })).toBeNull();
  });

  it('tells slides of the same view apart by their parameters; a pilot by id, whatever its name', () => {
    expect(sameView({ view: 'overview-cost', period: null }, { view: 'overview-cost', period: null })).toBe(true);
    expect(sameView({ view: 'overview-cost', period: null }, { view: 'overview-figures', period: null })).toBe(false);
    expect(sameView({ view: 'overview-cost', period: null }, { view: 'overview-cost', period: { from: '2026-07-01', to: '2026-09-30' } })).toBe(false);
    expect(sameView({ view: 'pilot-monthly', pilot: { id: 3, name: 'Old' } }, { view: 'pilot-monthly', pilot: { id: 3, name: 'New' } })).toBe(true);
    expect(sameView({ view: 'pilot-monthly', pilot: { id: 3, name: 'A' } }, { view: 'pilot-monthly', pilot: { id: 4, name: 'A' } })).toBe(false);
    expect(sameView({ view: 'scenario-cost', scenario: 'Base' }, { view: 'scenario-cost', scenario: 'Base' })).toBe(true);
  });

  it('tells pinned pivots apart by what they show and how, not by their titles', () => {
    const spec = { rows: ['team' as const], cols: ['quarter' as const], values: ['accepted' as const], filters: [] };
    const pivot = { view: 'pivot' as const, spec, chart: 'bar' as const, measure: 'accepted' as const, title: 'Accepted PR/MRs by Team and Quarter' };
    expect(sameView(pivot, { ...pivot, title: 'Renamed' })).toBe(true);
    expect(sameView(pivot, { ...pivot, chart: 'table' })).toBe(false);
    expect(sameView(pivot, { ...pivot, measure: null })).toBe(false);
    expect(sameView(pivot, { ...pivot, spec: { ...spec, rows: ['project'] } })).toBe(false);
    expect(defaultTitle(pivot)).toBe('Accepted PR/MRs by Team and Quarter');
    expect(viewSummary(pivot)).toBe('Explore · bar · Team × Quarter');
    expect(viewSummary({ ...pivot, chart: 'table', spec: { ...spec, cols: [], filters: [{ dim: 'team', values: ['Data'] }] } })).toBe('Explore · table · Team · filtered');
  });

  it('titles and summarises each view as its page does', () => {
    expect(defaultTitle({ view: 'pilot-monthly', pilot: { id: 1, name: 'Payments' } })).toBe('Payments: by month');
    expect(viewSummary({ view: 'overview-figures', period: { from: '2026-04-01', to: '2026-06-30' } })).toBe('Overview · Q2 2026');
    expect(viewSummary({ view: 'scenario-cost', scenario: 'Base' })).toBe('Scenario · Base (saved version)');
  });
});
