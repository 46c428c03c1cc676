import { describe, expect, it } from 'vitest';
import { sampleOverview } from './overview-fixture';
import { costBreakdown, dataValue, kpiCards, missingRatesWarning, monthlyRows, overviewContent, periodLabel } from './overview-view-model';

const byId = (overview = sampleOverview()) => Object.fromEntries(kpiCards(overview).map((card) => [card.testId, card]));

describe('periodLabel', () => {
  it('joins the quarter label and its dates', () => {
    expect(periodLabel({ from: '2026-07-01', to: '2026-09-30', label: 'Q3 2026' })).toBe('Q3 2026 · 1 Jul – 30 Sep 2026');
    expect(periodLabel(null)).toBeNull();
  });
});

describe('kpiCards', () => {
  it('formats each figure and keeps the raw API value for data-value', () => {
    const cards = byId();
    expect(cards['kpi-accepted']).toMatchObject({ display: '42', value: 42 });
    expect(cards['kpi-cost-per-accepted']).toMatchObject({ display: '£38.42', value: 38_420_000 });
    expect(cards['kpi-acceptance-rate']).toMatchObject({ display: '73.7%', value: 42 / 57 });
    expect(cards['kpi-hours-freed']).toMatchObject({ display: '312 h', value: 311.5 });
    expect(cards['kpi-hours-freed']?.subline?.text).toBe('0.9 FTE freed');
  });

  it('says what each figure rests on', () => {
    const cards = byId();
    expect(cards['kpi-acceptance-rate']?.caption).toBe('42 accepted of 57 MRs that reached review.');
    expect(cards['kpi-cost-per-accepted']?.caption).toContain('Includes failed, rejected and rolled-back work, review and repair hours');
    expect(cards['kpi-cost-per-accepted']?.caption).toContain('£1,613.64 of AI-path cost ÷ 42 accepted');
    expect(cards['kpi-hours-freed']?.caption).toContain('Baseline 640 h');
  });

  it('shows "—" with a reason when a ratio has a zero denominator', () => {
    const overview = sampleOverview();
    const cards = byId({
      ...overview,
      figures: { accepted: 0, costPerAcceptedMicros: null, acceptanceRate: null, hoursFreed: -4, fteFreed: null },
      evidence: { ...overview.evidence, mrsReachedReview: 0 },
    });
    expect(cards['kpi-cost-per-accepted']).toMatchObject({ display: '—', value: null });
    expect(cards['kpi-cost-per-accepted']?.missingReason).toContain('No PR/MR was accepted');
    expect(cards['kpi-acceptance-rate']?.missingReason).toContain('No MR reached review');
    expect(cards['kpi-hours-freed']?.subline?.text).toBe('— FTE freed');
    expect(cards['kpi-hours-freed']?.caption).toContain('Negative');
    expect(dataValue(null)).toBe('');
    expect(dataValue(38_420_000)).toBe('38420000');
  });
});

describe('costBreakdown', () => {
  it('lists the five cost kinds in a fixed order with shares of the total', () => {
    const breakdown = costBreakdown(sampleOverview());
    expect(breakdown.rows.map((r) => r.kind)).toEqual(['run_credits', 'ai_credits', 'provider', 'ci', 'human']);
    expect(breakdown.totalMicros).toBe(1_613_640_000);
    expect(breakdown.totalDisplay).toBe('£1,613.64');
    expect(breakdown.rows[4]).toMatchObject({ display: '£1,145.00', shareDisplay: '71%' });
  });

  it('keeps kinds it does not know and fills kinds that are absent with zero', () => {
    const overview = sampleOverview();
    const breakdown = costBreakdown({ ...overview, evidence: { ...overview.evidence, costByKindMicros: { human: 10_000_000, licence_seats: 5_000_000 } } });
    expect(breakdown.rows.find((r) => r.kind === 'licence_seats')).toMatchObject({ label: 'licence seats', display: '£5.00' });
    expect(breakdown.rows.find((r) => r.kind === 'ci')).toMatchObject({ micros: 0, share: 0 });
  });

  it('shows no share when there is no cost at all', () => {
    const overview = sampleOverview();
    const breakdown = costBreakdown({ ...overview, evidence: { ...overview.evidence, costByKindMicros: {} } });
    expect(breakdown.rows.every((r) => r.shareDisplay === '—')).toBe(true);
  });
});

describe('missingRatesWarning', () => {
  it('names the currencies left out', () => {
    const overview = sampleOverview();
    expect(missingRatesWarning(overview)).toBeNull();
    const withMissing = { ...overview, evidence: { ...overview.evidence, missingRates: ['USD', 'EUR'] } };
    expect(missingRatesWarning(withMissing)).toBe('Costs in USD and EUR are left out of these figures until an exchange rate into GBP is entered.');
  });
});

describe('overviewContent', () => {
  it('tells an empty workspace from an empty period', () => {
    const overview = sampleOverview();
    expect(overviewContent(overview)).toEqual({ kind: 'figures' });
    const empty = { ...overview, period: null, dataRange: null, monthly: [], evidence: { ...overview.evidence, records: 0 } };
    expect(overviewContent(empty)).toEqual({ kind: 'empty-workspace' });
    const quietQuarter = { ...overview, evidence: { ...overview.evidence, records: 0 } };
    expect(overviewContent(quietQuarter)).toMatchObject({ kind: 'empty-period' });
  });
});

describe('monthlyRows', () => {
  it('formats the chart figures as table rows', () => {
    expect(monthlyRows(sampleOverview())[1]).toEqual({ month: '2026-08', label: 'August 2026', accepted: '0', aiPathCost: '£90.00', costPerAccepted: '—' });
  });
});
