import { describe, expect, it } from 'vitest';
import type { Reconciliation } from './records-api';
import { reconciliationCsv, reconciliationRows, reconciliationSummary, reconciliationTotals } from './reconciliation-view-model';

type Row = Reconciliation['rows'][number];
const row = (overrides: Partial<Row>): Row => ({
  month: '2026-07',
  workspace: 'northwind-cloud',
  plan: 'Cloud',
  currency: 'GBP',
  billedCredits: 105,
  impliedCredits: 105,
  billedMicros: 220_000_000,
  impliedMicros: 220_000_000,
  mismatchedEvents: 0,
  recordIds: [],
  ...overrides,
});

describe('reconciliationRows', () => {
  it('shows a matching month with nothing to open', () => {
    const [model] = reconciliationRows({ rows: [row({})] });
    expect(model).toMatchObject({ monthLabel: 'July 2026', status: 'match', creditDifference: '0', difference: '£0.00', drill: null });
  });

  it('shows the difference, signed, and the records behind it as a drill-through', () => {
    const [model] = reconciliationRows({ rows: [row({ billedCredits: 107, billedMicros: 228_000_000, mismatchedEvents: 3, recordIds: [7, 8, 9] })] });
    expect(model).toMatchObject({ status: 'over', creditDifference: '+2', difference: '+£8.00', differenceMicros: 8_000_000, mismatchedEvents: '3' });
    expect(model?.drill).toEqual({ ids: [7, 8, 9], label: 'Billing differences of northwind-cloud, July 2026' });
  });

  it('calls a bill below the plan "under", and names a missing plan', () => {
    const [model] = reconciliationRows({ rows: [row({ billedCredits: 100, billedMicros: 200_000_000, plan: null })] });
    expect(model).toMatchObject({ status: 'under', creditDifference: '-5', difference: '-£20.00', plan: 'No plan' });
  });
});

describe('reconciliationTotals', () => {
  it('totals per currency, never across currencies', () => {
    const totals = reconciliationTotals({
      rows: [row({}), row({ month: '2026-08', billedMicros: 230_000_000 }), row({ workspace: 'us', currency: 'USD', billedMicros: 5_000_000, impliedMicros: 5_000_000 })],
    });
    expect(totals.map((t) => [t.currency, t.billed, t.difference])).toEqual([
      ['GBP', '£450.00', '+£10.00'],
      ['USD', 'US$5.00', 'US$0.00'],
    ]);
  });
});

describe('reconciliationSummary', () => {
  it('says whether the bills match the plans', () => {
    expect(reconciliationSummary([])).toContain('nothing to reconcile');
    expect(reconciliationSummary(reconciliationRows({ rows: [row({}), row({ month: '2026-08' })] }))).toBe('Billed run credits match what the plans imply in all 2 months and vendor workspaces.');
    expect(reconciliationSummary(reconciliationRows({ rows: [row({}), row({ billedCredits: 1 })] }))).toContain('1 of 2 months');
  });
});

describe('reconciliationCsv', () => {
  it('writes raw figures per line, amounts in major units of their own currency, with the status shown', () => {
    const csv = reconciliationCsv({ rows: [row({}), row({ month: '2026-08', workspace: 'northwind-payments', plan: null, currency: 'USD', billedCredits: 107, billedMicros: 228_000_000, mismatchedEvents: 3 })] });
    expect(csv.trim().split('\n')).toEqual([
      'month,vendor_workspace,plan,currency,billed_credits,plan_credits,credit_difference,billed_amount,plan_amount,amount_difference,mismatched_events,status',
      '2026-07,northwind-cloud,Cloud,GBP,105,105,0,220,220,0,0,match',
      '2026-08,northwind-payments,,USD,107,105,2,228,220,8,3,over',
    ]);
  });
});
