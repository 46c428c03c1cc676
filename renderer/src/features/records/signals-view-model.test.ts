import { describe, expect, it } from 'vitest';
import type { Signals } from './records-api';
import { orderSignalCards, signalCards } from './signals-view-model';

const signal = (overrides: Partial<Signals['signals'][number]>): Signals['signals'][number] => ({
  code: 'repair_over_budget',
  label: 'Repair loop past the repair budget',
  description: 'Loops.',
  count: 0,
  recordIds: [],
  unlinkedKind: null,
  ...overrides,
});

describe('signalCards', () => {
  it('filters by the signal itself for record-level signals', () => {
    const [card] = signalCards([signal({ count: 103, recordIds: [1, 2] })]);
    expect(card).toMatchObject({ countDisplay: '103', tone: 'bad', action: { kind: 'signal', code: 'repair_over_budget' }, actionLabel: 'Show the 103 records' });
  });

  it('shows the records concerned for workspace-level signals, and unlinked items when that is what is behind them', () => {
    const cards = signalCards([
      signal({ code: 'rising_cost', label: 'Rising', count: 1, recordIds: [4, 5, 6] }),
      signal({ code: 'run_without_ticket', label: 'Runs with no ticket', count: 24, unlinkedKind: 'run_without_ticket' }),
    ]);
    expect(cards[0]?.action).toEqual({ kind: 'ids', ids: [4, 5, 6], label: 'Rising' });
    expect(cards[0]?.actionLabel).toBe('Show the 3 records concerned');
    expect(cards[1]?.action).toEqual({ kind: 'unlinked', unlinkedKind: 'run_without_ticket' });
  });

  it('offers nothing to open for a quiet signal, and says "the record" for one', () => {
    const [quiet, one] = signalCards([signal({ count: 0 }), signal({ code: 'no_review', count: 1, recordIds: [9] })]);
    expect(quiet).toMatchObject({ action: null, actionLabel: null, tone: 'good' });
    expect(one?.actionLabel).toBe('Show the record');
  });

  it('puts raised signals first, keeping main order within each group', () => {
    const cards = orderSignalCards(signalCards([signal({ code: 'no_review', count: 0 }), signal({ count: 5 }), signal({ code: 'billing_mismatch', count: 2 })]));
    expect(cards.map((c) => c.code)).toEqual(['repair_over_budget', 'billing_mismatch', 'no_review']);
  });
});
