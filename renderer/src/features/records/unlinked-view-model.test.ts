import { describe, expect, it } from 'vitest';
import type { Unlinked } from './records-api';
import { ledgerLabel, listedNote, unlinkedCards, unlinkedCsv, unlinkedRows, unlinkedTotal, workflowBillingRows } from './unlinked-view-model';

const sample = (): Unlinked => ({
  counts: { run_without_ticket: 2, run_without_mr: 0, ai_mr_without_ticket: 1, billing_line_without_run: 3 },
  items: [
    { kind: 'billing_line_without_run', ref: 'provider:1', detail: 'provider spend', url: null, occurredAt: '2026-07-02', amountMicros: 1_230_000, currency: 'USD' },
    { kind: 'run_without_ticket', ref: 'run_a', detail: 'no key', url: null, occurredAt: '2026-07-05T10:00:00Z', amountMicros: null, currency: null },
    { kind: 'run_without_ticket', ref: 'run_b', detail: 'no key', url: null, occurredAt: '2026-07-01T10:00:00Z', amountMicros: null, currency: null },
    { kind: 'ai_mr_without_ticket', ref: 'g/r!4', detail: 'bot MR', url: 'https://gitlab.example/g/r/-/merge_requests/4', occurredAt: '2026-07-03', amountMicros: null, currency: null },
  ],
  workflowBilling: [{ ledger: 'copilot_seats', vendor: 'GitHub', lines: 12, amountMicros: 228_000_000, currency: 'USD' }],
});

describe('unlinkedCards', () => {
  it('has one card per kind, zero counts included, with what main listed', () => {
    const cards = unlinkedCards(sample());
    expect(cards.map((c) => [c.kind, c.count, c.listed])).toEqual([
      ['run_without_ticket', 2, 2],
      ['run_without_mr', 0, 0],
      ['ai_mr_without_ticket', 1, 1],
      ['billing_line_without_run', 3, 1],
    ]);
    expect(unlinkedTotal(sample())).toBe(6);
  });
});

describe('unlinkedRows', () => {
  it('lists all kinds in card order, or one kind', () => {
    expect(unlinkedRows(sample(), null).map((r) => r.ref)).toEqual(['run_a', 'run_b', 'g/r!4', 'provider:1']);
    expect(unlinkedRows(sample(), 'run_without_ticket').map((r) => r.ref)).toEqual(['run_a', 'run_b']);
  });

  it('formats amounts in their own currency and links only web addresses', () => {
    const rows = unlinkedRows(sample(), null);
    expect(rows.find((r) => r.ref === 'provider:1')).toMatchObject({ amount: 'US$1.23', when: '2 Jul 2026', href: null });
    expect(rows.find((r) => r.ref === 'run_a')?.amount).toBe('—');
    expect(rows.find((r) => r.ref === 'g/r!4')?.href).toBe('https://gitlab.example/g/r/-/merge_requests/4');
  });
});

describe('unlinkedCsv', () => {
  it('writes the items of the kind shown in the table order, with links and amounts in major units', () => {
    expect(unlinkedCsv(sample(), null).trim().split('\n')).toEqual([
      'occurred_at,kind,item,url,why_unlinked,amount,currency',
      '2026-07-05T10:00:00Z,run_without_ticket,run_a,,no key,,',
      '2026-07-01T10:00:00Z,run_without_ticket,run_b,,no key,,',
      '2026-07-03,ai_mr_without_ticket,g/r!4,https://gitlab.example/g/r/-/merge_requests/4,bot MR,,',
      '2026-07-02,billing_line_without_run,provider:1,,provider spend,1.23,USD',
    ]);
    expect(unlinkedCsv(sample(), 'billing_line_without_run').trim().split('\n')).toHaveLength(2);
  });
});

describe('listedNote', () => {
  it('says when main listed fewer items than it counted', () => {
    expect(listedNote(sample(), null)).toBe('Showing 4 of 6 items.');
    expect(listedNote(sample(), 'billing_line_without_run')).toBe('Showing 1 of 3 items.');
    expect(listedNote(sample(), 'run_without_ticket')).toBeNull();
  });
});

describe('workflow billing', () => {
  it('names ledgers in words', () => {
    expect(workflowBillingRows(sample())).toEqual([{ key: 'copilot_seats:GitHub:USD', ledger: 'Copilot seats', vendor: 'GitHub', lines: '12', amount: 'US$228.00' }]);
    expect(ledgerLabel('some_new_ledger')).toBe('Some new ledger');
  });
});
