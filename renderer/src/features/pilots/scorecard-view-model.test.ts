import { describe, expect, it } from 'vitest';
import { ADDITIVE_MEASURES, METRICS, emptySums, metricValue, type MeasureSums, type MetricId } from '../../../../shared/domain/metrics';
import { PilotDecisionsSchema, PilotScopeSchema } from '../../../../shared/domain/pilots';
import { ACCEPTED_SERIES, COST_PER_ACCEPTED_SERIES } from '../../lib/month-figures';
import { pilotChartOption } from './pilot-chart-option';
import { decisionItems, formatMetric, headlineFigures, monthPoints, monthRows, outsideLine, recordsLine, signalRows, type Scorecard } from './scorecard-view-model';

const metricsOf = (sums: MeasureSums, months: number): Record<MetricId, number | null> =>
  Object.fromEntries((Object.keys(METRICS) as MetricId[]).map((id) => [id, metricValue(id, sums, { productiveHoursPerFtePerMonth: 120, months })])) as Record<MetricId, number | null>;

const sums = (patch: Partial<MeasureSums>): MeasureSums => ({ ...emptySums(), ...patch });
const july = sums({ records: 6, accepted: 4, mrs_reached_review: 5, mrs_merged: 4, runs: 9, runs_reached_validation: 8, runs_first_pass: 6, repair_runs: 2, review_hours: 6, human_hours: 10, baseline_hours: 40, cost_run_credits: 8_000_000, cost_human: 850_000_000 });
const august = sums({ records: 2, mrs_reached_review: 1, runs: 3, runs_reached_validation: 2, cost_run_credits: 4_000_000 });
const total = Object.fromEntries(ADDITIVE_MEASURES.map((m) => [m, july[m] + august[m]])) as MeasureSums;

const card: Scorecard = {
  pilot: {
    id: 1,
    name: 'Payments maintenance',
    owner: 'Priya',
    scope: PilotScopeSchema.parse({ projects: ['PAY'], repositories: ['northwind/ledger-service'] }),
    decisions: PilotDecisionsSchema.parse({ eligibleQueueState: 'Ready for dev', repairBudget: 3 }),
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  },
  currency: 'GBP',
  records: 8,
  sums: total,
  metrics: metricsOf(total, 2),
  monthly: [
    { month: '2026-07', sums: july, metrics: metricsOf(july, 1) },
    { month: '2026-08', sums: august, metrics: metricsOf(august, 1) },
  ],
  signals: [
    { code: 'no_review', label: 'MR with no review', description: 'Merged without review.', count: 0, recordIds: [], unlinkedKind: null },
    { code: 'repair_loop', label: 'Repair loop past the budget', description: 'More repairs than the budget.', count: 2, recordIds: [1, 2], unlinkedKind: null },
  ],
  outsideRepositories: [5],
};

describe('formatMetric', () => {
  it('formats by the metric definition’s format', () => {
    expect(formatMetric('count', 1234, 'GBP')).toBe('1,234');
    expect(formatMetric('money', 214_500_000, 'GBP')).toBe('£214.50');
    expect(formatMetric('percent', 0.8, 'GBP')).toBe('80.0%');
    expect(formatMetric('hours', 12.25, 'GBP')).toBe('12.3 h');
    expect(formatMetric('decimal', 0.5, 'GBP')).toBe('0.50');
    expect(formatMetric('money', null, 'GBP')).toBe('—');
  });
});

describe('headlineFigures', () => {
  it('shows the nine headline metrics with their definitions’ labels, from the scorecard’s own values', () => {
    const figures = headlineFigures(card);
    expect(figures.map((f) => f.id)).toEqual(['accepted', 'cost_per_accepted', 'acceptance_rate', 'first_pass_validation_rate', 'repair_attempts_per_accepted', 'rollback_rate', 'review_hours', 'hours_freed', 'fte_freed']);
    expect(figures.map((f) => `${f.label}: ${f.display}`)).toEqual([
      'Accepted PR/MRs: 4',
      'Cost per accepted PR/MR: £215.50',
      'Acceptance rate: 66.7%',
      'First-pass validation rate: 60.0%',
      'Repair attempts per accepted: 0.50',
      'Rollback rate: 0.0%',
      'Review hours: 6 h',
      'Hours freed: 30 h',
      'Capacity freed (FTE): 0.13',
    ]);
    expect(figures[0]?.value).toBe(4);
  });

  it('says why a ratio has no value', () => {
    const empty: Scorecard = { ...card, metrics: metricsOf(emptySums(), 0) };
    const byId = Object.fromEntries(headlineFigures(empty).map((f) => [f.id, f]));
    expect(byId['cost_per_accepted']).toMatchObject({ display: '—', note: expect.stringMatching(/Nothing accepted/) });
    expect(byId['accepted']).toMatchObject({ display: '0', note: null });
  });
});

describe('scorecard details', () => {
  it('lists the signals that fired first, and every decision with unanswered ones marked', () => {
    expect(signalRows(card).map((s) => `${s.code}=${s.count}`)).toEqual(['repair_loop=2', 'outside_repositories=1', 'no_review=0']);
    expect(signalRows(card)[1]?.description).toBe(outsideLine(card));
    const items = decisionItems(card.pilot.decisions);
    expect(items[0]).toEqual({ key: 'eligibleQueueState', term: 'Eligible queue state', value: 'Ready for dev' });
    expect(items.find((i) => i.key === 'repairBudget')?.value).toBe('3 runs');
    expect(items.find((i) => i.key === 'stopRules')?.value).toBe('Not decided yet');
    expect(items).toHaveLength(10);
  });

  it('describes the records and the changes outside the repositories', () => {
    expect(recordsLine(card)).toBe('8 records in the pilot’s scope');
    expect(recordsLine({ ...card, records: 0 })).toMatch(/^No records/);
    expect(outsideLine(card)).toBe('1 record of the pilot’s projects, teams and dates changed code outside its repositories.');
    expect(outsideLine({ ...card, pilot: { ...card.pilot, scope: PilotScopeSchema.parse({}) } })).toMatch(/names no repositories/);
  });
});

describe('the monthly chart', () => {
  it('draws accepted as bars and cost per accepted as a line that breaks where nothing was accepted', () => {
    const points = monthPoints(card);
    expect(points).toEqual([
      { month: '2026-07', accepted: 4, costPerAcceptedMicros: 214_500_000, aiPathCostMicros: 858_000_000 },
      { month: '2026-08', accepted: 0, costPerAcceptedMicros: null, aiPathCostMicros: 4_000_000 },
    ]);
    const option = pilotChartOption(points, 'GBP');
    const series = option.series as { name: string; type: string; data: unknown[] }[];
    expect(series.map((s) => [s.name, s.type])).toEqual([
      [ACCEPTED_SERIES, 'bar'],
      [COST_PER_ACCEPTED_SERIES, 'line'],
    ]);
    expect(series[1]?.data).toEqual([214_500_000, null]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['Jul 26', 'Aug 26']);
    expect(monthRows(card)[1]).toEqual({ month: '2026-08', label: 'August 2026', accepted: '0', aiPathCost: '£4.00', costPerAccepted: '—' });
  });
});
