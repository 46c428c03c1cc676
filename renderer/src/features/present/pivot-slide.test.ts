import { describe, expect, it } from 'vitest';
import { pseudonym } from '../../../../shared/domain/people';
import type { PivotSlideView } from '../../../../shared/domain/present/deck';
import { dimensionFixtures, measureFixture, samplePivot } from '../explore/pivot-fixture';
import { legendLines, pivotSlideContent, pivotSlideGap, pivotSlideView, type PivotSlideData } from './pivot-slide';
import { PROJECTOR_PALETTE, slideContent } from './slide-content';

const dimensions = dimensionFixtures(['team', 'issue_type', 'quarter', 'month', 'person']);
const data = (over: Partial<PivotSlideData> = {}): PivotSlideData => ({ source: 'pivot', result: samplePivot(), dimensions, personSalt: null, ...over });
const view = (over: Partial<PivotSlideView> = {}): PivotSlideView => {
  const made = pivotSlideView({ spec: samplePivot().spec, chart: 'bar', measure: 'accepted', title: 'Accepted PR/MRs by Team and Issue type and Quarter', ...over });
  if (made.view === null) throw new Error(made.problem);
  return { ...made.view, ...over };
};

describe('pinning a pivot', () => {
  it('makes a view of the pivot as Explore shows it, its title cut to a slide title’s length', () => {
    const made = pivotSlideView({ spec: samplePivot().spec, chart: 'table', measure: null, title: `  ${'Long '.repeat(40)}` });
    expect(made.problem).toBeNull();
    expect(made.view?.title).toHaveLength(120);
    expect(made.view?.title.endsWith('…')).toBe(true);
    expect(made.view?.spec).toEqual(samplePivot().spec);
  });

  it('refuses a pivot too large for a deck, saying why', () => {
    const spec = { ...samplePivot().spec, filters: [{ dim: 'team' as const, values: Array.from({ length: 1000 }, (_, i) => `A team with a rather long name ${i}`) }] };
    const made = pivotSlideView({ spec, chart: 'bar', measure: null, title: 'Big' });
    expect(made.view).toBeNull();
    expect(made.problem).toMatch(/too large to pin/);
  });

  it('says which dimension a pinned pivot uses that the workspace no longer offers', () => {
    const spec = { ...samplePivot().spec, rows: ['person' as const], filters: [{ dim: 'issue_type' as const, values: ['Bug'] }] };
    expect(pivotSlideGap(spec, { dimensions, measures: [measureFixture('accepted'), measureFixture('cost_per_accepted')] })).toBeNull();
    const noPeople = dimensions.filter((d) => d.id !== 'person' && d.id !== 'issue_type');
    expect(pivotSlideGap(spec, { dimensions: noPeople, measures: [measureFixture('accepted'), measureFixture('cost_per_accepted')] })).toBe(
      'This pivot uses Person and Issue type, which this workspace no longer offers (person-level views are off in Settings).',
    );
  });
});

describe('a pivot slide', () => {
  it('draws the chart with Explore’s option builder in the projector palette, the grand total as its headline', () => {
    const content = slideContent(view(), data());
    expect(content.body.kind).toBe('chart');
    if (content.body.kind !== 'chart') return;
    expect(content.body.headlines).toEqual([{ id: 'accepted', label: 'Accepted PR/MRs', value: 12, display: '12', sub: 'Total', caption: null, tone: 'neutral' }]);
    const option = content.body.option as { series: { type: string; name: string; data: unknown[]; stack?: string }[]; xAxis: { data: string[]; axisLabel: { color: string } } };
    // Time on the columns runs along the x axis, as Explore draws it.
    expect(option.xAxis.data).toEqual(['Q1 2026', 'Q2 2026']);
    expect(option.series.map((s) => [s.type, s.name, s.data])).toEqual([
      ['bar', 'Data / Bug', [1, 2]],
      ['bar', 'Data / Story', [2, 3]],
      ['bar', 'Mobile / (no ticket)', [4, null]],
    ]);
    expect(option.xAxis.axisLabel.color).toBe(PROJECTOR_PALETTE.muted);
    // Every series is named: a projected or printed slide cannot page through a scrolling legend.
    expect((content.body.option as { legend: { type: string }; grid: { top: number } }).legend.type).toBe('plain');
    expect((content.body.option as { grid: { top: number } }).grid.top).toBe(32);
    expect(content.body.legend).toBe('Bars: Accepted PR/MRs by Quarter, one colour per Team / Issue type.');
    expect(content.period).toBe('January 2026 – June 2026');
    expect(content.subtitle).toBeNull();
  });

  it('makes room above the plot for a legend that wraps', () => {
    expect(legendLines(['Data', 'Mobile'])).toBe(1);
    // 14 characters: 115 px an item, 131 with the gap, five to a line of 760.
    const names = Array.from({ length: 24 }, (_, i) => `Team ${String.fromCharCode(65 + i)} / Story`);
    expect(legendLines(names)).toBe(5);
  });

  it('charts the measure it was pinned with, and draws bars where a stack of it would read as a sum', () => {
    const content = pivotSlideContent(view({ chart: 'stacked', measure: 'cost_per_accepted' }), data(), PROJECTOR_PALETTE);
    if (content.body.kind !== 'chart') throw new Error(content.body.kind);
    const option = content.body.option as { series: { type: string; stack?: string; data: unknown[] }[] };
    expect(option.series.every((s) => s.type === 'bar' && s.stack === undefined)).toBe(true);
    expect(option.series[0]?.data).toEqual([300, 150]); // money in major units, as in Explore
    expect(content.body.headlines[0]).toMatchObject({ id: 'cost_per_accepted', value: 175_000_000, display: '£175.00', sub: 'Overall' });
  });

  it('shows a table of the pivot, names the filters, and warns of costs left out', () => {
    const result = { ...samplePivot(), spec: { ...samplePivot().spec, filters: [{ dim: 'team' as const, values: ['Data', 'Mobile', null, 'Web'] }] }, missingRates: ['USD'] };
    const content = pivotSlideContent(view({ chart: 'table', measure: null }), data({ result }), PROJECTOR_PALETTE);
    expect(content.body.kind).toBe('table');
    if (content.body.kind !== 'table') return;
    expect(content.body.table.rows.at(-1)?.cells.map((c) => c.text)).toEqual(['7', '£228.57', '5', '£100.00', '12', '£175.00']);
    expect(content.subtitle).toBe('Only Team Data, Mobile, (no team) and 1 more');
    expect(content.warning).toMatch(/cost lines in USD/);
  });

  it('names people by pseudonym: a deck is shown and printed', () => {
    const base = samplePivot();
    const result = { ...base, spec: { ...base.spec, rows: ['person' as const], cols: [] }, columns: [{ key: '[]', path: [], depth: 0, kind: 'total' as const }], rows: [
      { key: '["Ada Lovelace"]', path: ['Ada Lovelace'], depth: 1, kind: 'leaf' as const, values: [5, 1_000_000] },
      { key: '[]', path: [], depth: 0, kind: 'total' as const, values: [5, 1_000_000] },
    ] };
    const content = pivotSlideContent(view({ chart: 'table', measure: null, spec: result.spec }), data({ result, personSalt: 'Demo' }), PROJECTOR_PALETTE);
    if (content.body.kind !== 'table') throw new Error(content.body.kind);
    expect(content.body.table.rows[0]?.label).toBe(pseudonym('Ada Lovelace', 'Demo'));
    expect(content.body.table.rows[0]?.label).not.toContain('Ada');
  });

  it('says so when no records match the pivot', () => {
    const base = samplePivot();
    const result = { ...base, rows: base.rows.filter((r) => r.kind === 'total') };
    expect(pivotSlideContent(view(), data({ result }), PROJECTOR_PALETTE).body).toEqual({ kind: 'message', text: 'The pivot has no rows: no records match it.' });
  });
});
