import { describe, expect, it } from 'vitest';
import { kpiCards } from '../overview/overview-view-model';
import { sampleOverview } from '../overview/overview-fixture';
import { slideContent } from './slide-content';

describe('slide content', () => {
  it('shows the Overview’s figures exactly as the Overview page formats them', () => {
    const overview = sampleOverview();
    const content = slideContent({ view: 'overview-figures', period: null }, { source: 'overview', overview });
    expect(content.body.kind).toBe('figures');
    if (content.body.kind !== 'figures') return;
    const cards = kpiCards(overview);
    expect(content.body.figures.map((f) => [f.id, f.display, f.value])).toEqual(cards.map((c) => [c.testId.slice(4), c.display, c.value]));
    expect(content.subtitle).toBe('Q3 2026 · 1 Jul – 30 Sep 2026');
  });

  it('puts cost per accepted and the accepted count above the Overview chart, and the months in its period line', () => {
    const overview = sampleOverview();
    const content = slideContent({ view: 'overview-cost', period: null }, { source: 'overview', overview });
    expect(content.body.kind).toBe('chart');
    if (content.body.kind !== 'chart') return;
    expect(content.body.headlines.map((h) => h.id)).toEqual(['cost-per-accepted', 'accepted']);
    expect(content.body.headlines[0]?.value).toBe(overview.figures.costPerAcceptedMicros);
    expect(content.subtitle).toBe('Q3 2026 · 1 Jul – 30 Sep 2026 · by month, July 2026 – September 2026');
  });

  it('says so when the workspace has no records, and warns about costs left out for a missing rate', () => {
    const empty = sampleOverview({ dataRange: null, period: null, evidence: { ...sampleOverview().evidence, records: 0 } });
    expect(slideContent({ view: 'overview-cost', period: null }, { source: 'overview', overview: empty }).body.kind).toBe('message');
    const missing = sampleOverview({ evidence: { ...sampleOverview().evidence, missingRates: ['USD'] } });
    expect(slideContent({ view: 'overview-figures', period: null }, { source: 'overview', overview: missing }).warning).toMatch(/USD/);
  });
});
